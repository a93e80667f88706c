/**
 * Refresh tokens (RFC 6749 §1.5, §6; RFC 9700 §4.14.2): when the provider issues one
 * (always, never, only with an offline scope or parameter, only on a user's first
 * consent as Google does), whether a refresh rotates it, what reusing a rotated one
 * does (refused, or the whole grant revoked), a refresh asking for scope beyond the grant
 * (`refresh.scopeCheck`), an offline scope left out of the grant (`scopes.dropFromGrant`),
 * and which recorded client mistakes the scenario must repeat (keeping the old refresh
 * token, retrying after invalid_grant, sending the login's scope again at refresh).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2
 */
import { authorizationRequests, errorOf, grantedScopes, metadataOf, splitScopes, stringList, tokenGrants, type TokenGrant } from '../diagnoses/traffic.js';
import { OFFLINE_PARAMS, OFFLINE_SCOPES } from '../client/warnings.js';
import type { Exchange } from '../results/model.js';
import type { Findings } from './inference.js';

const OFFLINE_PARAM_NAMES = new Map(OFFLINE_PARAMS.map(([k, v]) => [k, v]));

/** The offline scope and parameter an authorization request carried. */
function offlineAsk(params: URLSearchParams): { scope?: string; param?: { name: string; value: string } } {
  const scopes = (params.get('scope') ?? '').split(/[ ,]+/);
  const scope = OFFLINE_SCOPES.find((s) => scopes.includes(s));
  const param = [...OFFLINE_PARAM_NAMES].find(([k, v]) => params.get(k) === v);
  return { ...(scope ? { scope } : {}), ...(param ? { param: { name: param[0], value: param[1] } } : {}) };
}

export interface RefreshFacts {
  /** Client faults the recording shows. */
  faults: string[];
  /** Seqs of refresh requests whose invalid_grant the scenario must cause by revoking the grant at the provider first. */
  revokedBefore: Set<number>;
}

export function inferRefresh(oauth: Exchange[], f: Findings): RefreshFacts {
  const faults = new Set<string>();
  const revokedBefore = new Set<number>();
  const grants = tokenGrants(oauth);
  const auths = authorizationRequests(oauth);
  const codeGrants = grants.filter((g) => g.grantType === 'authorization_code' && g.ok);
  const askOf = (g: TokenGrant) => {
    const a = [...auths].reverse().find((x) => x.exchange.seq < g.exchange.seq);
    return { params: a?.params ?? new URLSearchParams(), ...offlineAsk(a?.params ?? new URLSearchParams()) };
  };
  const withRt = codeGrants.filter((g) => typeof g.body.refresh_token === 'string');
  const withoutRt = codeGrants.filter((g) => typeof g.body.refresh_token !== 'string');

  if (withRt.length) {
    const g = withRt[0]!;
    const ask = askOf(g);
    if (ask.param) {
      f.set(['refresh', 'policy'], 'offline-param', `a refresh token came with ${ask.param.name}=${ask.param.value} in the authorization request (#${g.exchange.seq})`, '`always` is as consistent: no login without the parameter was recorded', (v) => v === 'always' || v === 'offline-param');
      f.set(['refresh', 'offlineParam'], ask.param, `the authorization request carried ${ask.param.name}=${ask.param.value}`);
    } else if (ask.scope) {
      f.set(['refresh', 'policy'], 'offline-scope', `a refresh token came with the ${ask.scope} scope (#${g.exchange.seq})`, '`always` is as consistent: no login without that scope was recorded', (v) => v === 'always' || v === 'offline-scope');
      f.set(['refresh', 'offlineScope'], ask.scope, `the authorization request asked for ${ask.scope}`);
    } else f.set(['refresh', 'policy'], 'always', `a refresh token came without any offline scope or parameter (#${g.exchange.seq})`);
    // Google: only on the first consent; prompt=consent issues one again
    const later = withoutRt.find((x) => x.exchange.seq > g.exchange.seq);
    if (later) {
      f.set(['refresh', 'oncePerUser'], true, `the first login got a refresh token (#${g.exchange.seq}), a later one with the same request did not (#${later.exchange.seq})`, 'a later login of another user looks the same only if the provider never issues one to that user');
      const forced = withRt.find((x) => x.exchange.seq > later.exchange.seq && askOf(x).params.get('prompt') === 'consent');
      if (forced) f.set(['refresh', 'forceConsentParam'], { name: 'prompt', value: 'consent' }, `a login with prompt=consent got a refresh token again (#${forced.exchange.seq})`);
    }
  } else if (withoutRt.length) {
    const g = withoutRt[0]!;
    const ask = askOf(g);
    const grantsListed = stringList(metadataOf(oauth)?.grant_types_supported);
    if (grantsListed && !grantsListed.includes('refresh_token')) f.set(['refresh', 'policy'], 'never', `no refresh token (#${g.exchange.seq}), and the metadata's grant_types_supported lacks refresh_token`);
    else if (g.expiresIn === undefined) f.set(['refresh', 'policy'], 'never', `no refresh token and no expires_in (#${g.exchange.seq}): a token that never expires needs none`);
    else if (ask.param || ask.scope) f.set(['refresh', 'policy'], 'never', `no refresh token although the request asked for offline access (#${g.exchange.seq})`);
    else {
      f.set(['refresh', 'policy'], 'never', `no refresh token for a token that expires in ${g.expiresIn} s (#${g.exchange.seq})`, 'the provider may issue one only with an offline scope or parameter the request did not carry (offline-scope, offline-param)', (v) => v === 'never' || v === 'offline-scope' || v === 'offline-param');
    }
  }

  // rotation and reuse
  const refreshes = grants.filter((g) => g.grantType === 'refresh_token');
  const issuedRts: { value: string; seq: number; rotatedAway: boolean }[] = [];
  for (const g of grants) {
    if (typeof g.body.refresh_token === 'string' && g.ok) {
      const sent = g.params.get('refresh_token');
      for (const r of issuedRts) if (r.value === sent && g.body.refresh_token !== sent) r.rotatedAway = true;
      if (!issuedRts.some((r) => r.value === g.body.refresh_token)) issuedRts.push({ value: g.body.refresh_token, seq: g.exchange.seq, rotatedAway: false });
    }
  }
  const okRefresh = refreshes.filter((g) => g.ok);
  const rotated = okRefresh.find((g) => typeof g.body.refresh_token === 'string' && g.body.refresh_token !== g.params.get('refresh_token'));
  const kept = okRefresh.find((g) => typeof g.body.refresh_token !== 'string' || g.body.refresh_token === g.params.get('refresh_token'));
  if (rotated) {
    const stale = refreshes.find((g) => g.exchange.seq > rotated.exchange.seq && g.params.get('refresh_token') === rotated.params.get('refresh_token'));
    if (stale?.ok) f.set(['refresh', 'rotation'], 'rotate-keep-old', `a refresh returned a new refresh token (#${rotated.exchange.seq}) and the old one still worked afterwards (#${stale.exchange.seq})`, 'a rotation with a grace period (refresh.gracePeriod) looks the same');
    else f.set(['refresh', 'rotation'], 'rotate', `a refresh returned a new refresh token (#${rotated.exchange.seq})${stale ? ` and the old one was refused afterwards (#${stale.exchange.seq})` : ''}`);
    if (stale && !stale.ok) {
      faults.add('keep-old-refresh-token');
      const newest = rotated.body.refresh_token as string;
      const after = refreshes.find((g) => g.exchange.seq > stale.exchange.seq && g.params.get('refresh_token') === newest);
      if (after) f.set(['refresh', 'reuseDetection'], after.ok ? 'reject' : 'revoke-grant', after.ok ? `after the reuse (#${stale.exchange.seq}) the newest refresh token still worked (#${after.exchange.seq})` : `after the reuse (#${stale.exchange.seq}) the newest refresh token was refused too (#${after.exchange.seq}): the grant was revoked`);
      else f.unknown('refresh.reuseDetection', `a rotated refresh token was reused (#${stale.exchange.seq}); whether that revoked the whole grant is not in the recording`);
    }
  } else if (kept) {
    f.set(['refresh', 'rotation'], 'keep', `a refresh kept the refresh token (#${kept.exchange.seq}: ${typeof kept.body.refresh_token === 'string' ? 'the same one returned' : 'no new one'})`);
  }
  // refusals that rotation does not explain: the grant was revoked (by the user, a password change, expiry)
  for (const g of refreshes) {
    if (g.ok) continue;
    const err = errorOf(g.exchange.response);
    if (err?.code !== 'invalid_grant') continue;
    const sent = g.params.get('refresh_token');
    const wasRotated = issuedRts.some((r) => r.value === sent && r.rotatedAway);
    const priorFailure = refreshes.find((x) => x.exchange.seq < g.exchange.seq && !x.ok && x.params.get('refresh_token') === sent);
    if (priorFailure) faults.add('retry-invalid-grant');
    // a rotated token reused before: reuse detection revoked the grant, which explains this refusal
    const reusedBefore = refreshes.some((x) => x.exchange.seq < g.exchange.seq && !x.ok && issuedRts.some((r) => r.value === x.params.get('refresh_token') && r.rotatedAway));
    if (!wasRotated && !priorFailure && !reusedBefore) {
      revokedBefore.add(g.exchange.seq);
      f.unknown('refresh token refused', `the refresh (#${g.exchange.seq}) was refused with invalid_grant${err.text ? ` "${err.text.slice(0, 120)}"` : ''}: the scenario revokes the grant at the provider before it (revokeGrantAtProvider); an expired refresh token (lifetimes.refreshToken) or a password change look the same`);
    }
  }

  // an offline scope that brought a refresh token but is left out of the grant (Microsoft's offline_access)
  for (const g of withRt) {
    const ask = askOf(g);
    const granted = typeof g.body.scope === 'string' ? splitScopes(g.body.scope) : undefined;
    if (ask.scope && granted && !granted.includes(ask.scope)) {
      f.set(['scopes', 'dropFromGrant'], [ask.scope], `the login asked for ${ask.scope} and got a refresh token, but the granted scope [${granted.join(' ')}] leaves it out (#${g.exchange.seq})`);
      break;
    }
  }
  // RFC 6749 §6: a refresh asking for scope beyond the grant is refused (reject), narrowed, or its scope ignored
  for (const g of refreshes.filter((x) => x.params.get('scope') !== null)) {
    const login = [...codeGrants].reverse().find((c) => c.exchange.seq < g.exchange.seq);
    if (!login) continue;
    const asked = splitScopes(g.params.get('scope'));
    // the client sends the scope of its login again with every refresh (requests-oauthlib, Authlib)
    const loginScope = splitScopes(askOf(login).params.get('scope'));
    if (loginScope.length && asked.length === loginScope.length && asked.every((x) => loginScope.includes(x))) faults.add('resend-scope-on-refresh');
    const grant = typeof login.body.scope === 'string' ? splitScopes(login.body.scope) : undefined;
    const beyond = grant ? asked.filter((x) => !grant.includes(x)) : [];
    if (!grant || !beyond.length) continue;
    const got = grantedScopes(g);
    if (!g.ok && errorOf(g.exchange.response)?.code === 'invalid_scope') f.set(['refresh', 'scopeCheck'], 'reject', `a refresh asking for ${beyond.join(' ')} beyond the grant [${grant.join(' ')}] was refused with invalid_scope (#${g.exchange.seq})`);
    else if (g.ok && got && got.length < grant.length) f.set(['refresh', 'scopeCheck'], 'narrow', `a refresh asking for [${asked.join(' ')}] beyond the grant [${grant.join(' ')}] got [${got.join(' ')}] (#${g.exchange.seq})`);
    else if (g.ok) f.set(['refresh', 'scopeCheck'], got && grant.every((x) => got.includes(x)) && asked.some((x) => grant.includes(x)) && asked.filter((x) => grant.includes(x)).length < grant.length ? 'ignore' : 'narrow', `a refresh asking for [${asked.join(' ')}] beyond the grant [${grant.join(' ')}] was answered with a token${got ? ` for [${got.join(' ')}]` : ''} (#${g.exchange.seq})`, 'narrowing and ignoring the scope look the same when the refresh asked for the whole grant and more', (v) => v === 'narrow' || v === 'ignore');
    break;
  }
  return { faults: [...faults], revokedBefore };
}
