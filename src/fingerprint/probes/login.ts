/**
 * What only a login shows (RFC 6749 §4.1), through verify's user-agent driver: the
 * access token's lifetime (as said, and as it really is), `state` and the RFC 9207 `iss`
 * on the authorization response, `refresh_token_expires_in`, scopes
 * added to every grant, when refresh tokens are issued (always; only with an offline
 * scope or parameter; only on a user's first consent, with `prompt=consent` issuing one
 * again, as Google does), PKCE required or ignored (RFC 7636), refresh-token rotation
 * and what reusing a rotated one does (RFC 9700 §4.14.2), and whether revoking a refresh
 * token revokes its access tokens (RFC 7009 §2.1). Up to seven logins of the test user,
 * three refreshes, one revocation of the harness's own token and one introspection.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2
 */
import { OFFLINE_PARAMS, OFFLINE_SCOPES } from '../../client/warnings.js';
import { redeemCode } from '../../verify/flows/code-grant.js';
import { runAuthorization, type AuthorizationOptions } from '../../verify/flows/authorize.js';
import type { TokenResult } from '../../verify/flows/token.js';
import { answer, bogus, errorIn, fieldsOf, header, type FingerprintProbe } from '../probe.js';
import type { Session } from '../session.js';
import { readRealExpiry } from '../expiry.js';
import { lifetimeOf, readTokenShape } from '../token-shape.js';

interface Login {
  ask: string;
  refresh?: string;
  access?: string;
  token?: TokenResult;
  error?: string;
}

async function login(s: Session, ask: string, o: AuthorizationOptions, requested: string[]): Promise<Login> {
  const run = await runAuthorization(s.ctx, o);
  const code = run.response?.get('code');
  if (!run.response || !code) return { ask, error: run.response?.get('error') ?? run.result.note ?? `HTTP ${run.result.page?.status ?? '?'}` };
  const f = s.findings;
  const iss = run.response.get('iss');
  f.set(['discovery', 'issParameter'], iss !== undefined, `the authorization response ${iss !== undefined ? 'carried' : 'had no'} iss`);
  // RFC 6749 §4.1.2: state MUST come back exactly
  if (run.request.state !== undefined) {
    const back = run.response.get('state');
    f.set(['authorize', 'echoState'], back !== undefined, back === undefined ? 'the authorization response had no state although the request sent one (RFC 6749 §4.1.2: MUST)' : 'the authorization response carried the state of the request');
  }
  const client = s.ctx.clients.primary;
  const token = await redeemCode(s.ctx, { ...run, code, response: run.response }, s.facts.clientIdInBody ? { auth: 'basic', extra: [['client_id', client.client_id]] } : {});
  s.facts.loginReceivedAt ??= Date.now();
  if (!token.ok) return { ask, token, error: token.error ?? `HTTP ${token.res.status}` };
  const body = fieldsOf(token.res);
  const granted = typeof body.scope === 'string' ? body.scope.split(/[ ,]+/).filter(Boolean) : undefined;
  s.facts.scopeSeen.push({ seq: token.res.seq, returned: granted !== undefined, differs: granted === undefined ? undefined : granted.length !== requested.length || granted.some((g) => !requested.includes(g)) });
  if (granted && requested.length) f.set(['scopes', 'alwaysAdd'], granted.filter((g) => !requested.includes(g)), `a login asking for [${requested.join(' ')}] was granted [${granted.join(' ')}] (${s.ref(token.res)})`);
  return { ask, token, ...(token.refreshToken ? { refresh: token.refreshToken } : {}), ...(token.accessToken ? { access: token.accessToken } : {}) };
}

async function refresh(s: Session, rt: string): Promise<TokenResult> {
  return s.token([['grant_type', 'refresh_token'], ['refresh_token', rt]], s.facts.auth ?? 'basic');
}

/**
 * RFC 6749 §6: a refresh whose scope goes beyond the grant (one granted scope and one not
 * granted) is refused with `invalid_scope`, narrowed to the grant's scopes asked for, or
 * answered with the whole grant, its `scope` ignored. Spends `rt` (a rotation may follow).
 */
async function probeScopeCheck(s: Session, rt: string, granted: string[], known: Set<string>): Promise<void> {
  const f = s.findings;
  const outside = [...s.facts.scopes, ...known].find((x) => x && !granted.includes(x) && !OFFLINE_SCOPES.includes(x) && x !== 'openid') ?? bogus('scope');
  const ask = [...granted.slice(0, 1), outside];
  const r = await s.token([['grant_type', 'refresh_token'], ['refresh_token', rt], ['scope', ask.join(' ')]], s.facts.auth ?? 'basic');
  const said = `a refresh asking for [${ask.join(' ')}], beyond the grant [${granted.join(' ')}]`;
  if (errorIn(r.res)?.code === 'invalid_scope') return f.set(['refresh', 'scopeCheck'], 'reject', `${said}, was refused: ${answer(r.res)} (${s.ref(r.res)})`);
  if (!r.ok) return f.unknown('refresh.scopeCheck', `${said}: ${answer(r.res)} (${s.ref(r.res)})`);
  const scope = fieldsOf(r.res).scope;
  const got = typeof scope === 'string' ? scope.split(/[ ,]+/).filter(Boolean) : undefined;
  if (got && granted.length > 1 && granted.every((g) => got.includes(g))) f.set(['refresh', 'scopeCheck'], 'ignore', `${said}, was answered with the whole grant [${got.join(' ')}] (${s.ref(r.res)})`);
  else if (got && granted.length > 1) f.set(['refresh', 'scopeCheck'], 'narrow', `${said}, was narrowed to [${got.join(' ')}] (${s.ref(r.res)})`);
  else f.set(['refresh', 'scopeCheck'], 'narrow', `${said}, was answered with a token (${s.ref(r.res)})`, 'ignoring the scope looks the same when the grant has one scope or the response names none', (v) => v === 'narrow' || v === 'ignore');
}

export const loginProbe: FingerprintProbe = {
  id: 'login',
  sends: 'logins of the test user, each an authorization request, the login form and a code exchange (plain; with an offline scope; with an offline parameter: access_type=offline, token_access_type=offline, duration=permanent; the same again; with prompt=consent; without PKCE; with a wrong PKCE verifier), refreshes of the harness\'s refresh token (the new one, the old one again, the new one after that), a revocation of one of its refresh tokens and an introspection of its access token',
  requests: 42,
  login: true,
  infers: ['lifetimes.accessToken', 'lifetimes.clockSkew', 'tokenResponse.expiresIn', 'tokenResponse.refreshTokenExpiresIn', 'lifetimes.refreshToken', 'authorize.echoState', 'discovery.issParameter', 'scopes.alwaysAdd', 'refresh.policy', 'refresh.offlineScope', 'refresh.offlineParam', 'refresh.oncePerUser', 'refresh.forceConsentParam', 'pkce.required', 'pkce.supported', 'refresh.rotation', 'refresh.gracePeriod', 'refresh.reuseDetection', 'refresh.scopeCheck', 'scopes.dropFromGrant', 'revocation.cascade'],
  async run(s) {
    const f = s.findings;
    if (!s.ctx.ua) {
      for (const t of this.infers) f.unknown(t, 'needs a login: give verify.yaml a login and fixtures.user (--config)');
      return;
    }
    const scope = s.config.scopes.default ?? s.facts.scopes[0];
    const requested = (scope ?? '').split(/[ ,]+/).filter(Boolean);
    const md = s.discovery.metadata;
    const known = new Set([...(Array.isArray(md.scopes_supported) ? (md.scopes_supported as string[]) : []), ...(s.config.scopes.refresh ?? '').split(/[ ,]+/)]);
    const plain = await login(s, 'plain', { scope: scope ?? null }, requested);
    if (!plain.token?.ok) {
      for (const t of this.infers) f.unknown(t, `the login did not give a token: ${plain.error ?? 'no answer'}`);
      return;
    }
    const first = plain.token;
    await readRealExpiry(s, first.res, s.facts.loginReceivedAt ?? Date.now(), 'accessToken');
    const life = lifetimeOf(fieldsOf(first.res));
    if (life !== undefined) f.set(['lifetimes', 'accessToken'], life, `the access token lives ${life} s (${s.ref(first.res)})`);
    // no expires_in: a token that never expires, or one whose lifetime goes unsaid (Salesforce's session timeout)
    else f.set(['lifetimes', 'accessToken'], null, `no expires_in (${s.ref(first.res)})`, 'a token that expires without saying when looks the same until it does: any lifetime is consistent', (v) => v === null || typeof v === 'number');
    if (!s.facts.clientCredentials) {
      readTokenShape(s, first.res, undefined);
      const type = (header(first.res, 'content-type') ?? '').toLowerCase();
      if (type.includes('json')) f.set(['tokenResponse', 'format'], 'json', `a JSON token response to a request accepting JSON (${s.ref(first.res)})`, 'without the client-credentials grant only one token request was made: a provider that answers form-encoded unless asked for JSON (GitHub) looks the same', (v) => v === 'json' || v === 'form-unless-accept-json');
      else if (type.includes('x-www-form-urlencoded')) f.set(['tokenResponse', 'format'], 'form', `a form-encoded token response although JSON was accepted (${s.ref(first.res)})`);
    }

    // when refresh tokens come: always, with an offline scope, with an offline parameter
    const logins: Login[] = [plain];
    const announceRefreshLifetime = (l: Login) => {
      if (!l.refresh || !l.token || f.has(['tokenResponse', 'refreshTokenExpiresIn'])) return;
      const rtLife = lifetimeOf({ expires_in: fieldsOf(l.token.res).refresh_token_expires_in });
      if (rtLife !== undefined) {
        f.set(['tokenResponse', 'refreshTokenExpiresIn'], true, `refresh_token_expires_in ${rtLife} beside the refresh token (${s.ref(l.token.res)})`);
        f.set(['lifetimes', 'refreshToken'], rtLife, `the refresh token lives ${rtLife} s, as refresh_token_expires_in said (${s.ref(l.token.res)})`);
      } else f.set(['tokenResponse', 'refreshTokenExpiresIn'], false, `no refresh_token_expires_in beside the refresh token (${s.ref(l.token.res)})`, 'a provider that announces only refresh tokens that expire looks the same while they live until revoked', (v) => typeof v === 'boolean');
    };
    let policyLogin: Login | undefined = plain.refresh ? plain : undefined;
    let again: AuthorizationOptions = { scope: scope ?? null };
    if (plain.refresh) f.set(['refresh', 'policy'], 'always', `a plain login got a refresh token (${s.ref(first.res)})`);
    else {
      const offlineScope = OFFLINE_SCOPES.find((x) => known.has(x));
      if (offlineScope) {
        const o = { scope: [...requested, offlineScope].join(' ') };
        const l = await login(s, `scope ${offlineScope}`, o, [...requested, offlineScope]);
        logins.push(l);
        if (l.refresh) {
          policyLogin = l;
          again = o;
          f.set(['refresh', 'policy'], 'offline-scope', `no refresh token for a plain login (${s.ref(first.res)}), one with the ${offlineScope} scope (${l.token ? s.ref(l.token.res) : ''})`);
          f.set(['refresh', 'offlineScope'], offlineScope, `the ${offlineScope} scope brought a refresh token`);
          // Microsoft's offline_access: honoured, yet left out of the grant's scope
          const sc = l.token ? fieldsOf(l.token.res).scope : undefined;
          if (typeof sc === 'string') {
            const dropped = !sc.split(/[ ,]+/).includes(offlineScope);
            f.set(['scopes', 'dropFromGrant'], dropped ? [offlineScope] : [], `the login asking for ${offlineScope} got a refresh token and the scope [${sc}] (${s.ref(l.token!.res)})${dropped ? `: ${offlineScope} is honoured but left out of the grant` : ''}`);
          }
        }
      }
      if (!policyLogin) {
        for (const [name, value] of OFFLINE_PARAMS) {
          const o: AuthorizationOptions = { scope: scope ?? null, extra: [[name, value]] };
          const l = await login(s, `${name}=${value}`, o, requested);
          logins.push(l);
          if (l.refresh) {
            policyLogin = l;
            again = o;
            f.set(['refresh', 'policy'], 'offline-param', `no refresh token for a plain login (${s.ref(first.res)}), one with ${name}=${value} (${l.token ? s.ref(l.token.res) : ''})`);
            f.set(['refresh', 'offlineParam'], { name, value }, `${name}=${value} brought a refresh token`);
            break;
          }
        }
      }
      if (!policyLogin) f.set(['refresh', 'policy'], 'never', `no refresh token for a plain login (${s.ref(first.res)}), nor with ${[...OFFLINE_SCOPES.filter((x) => known.has(x)), ...OFFLINE_PARAMS.map(([k, v]) => `${k}=${v}`)].join(', ')}`, 'a provider needing an offline scope or parameter not tried here looks the same');
    }

    if (policyLogin) announceRefreshLifetime(policyLogin);

    // once per user (Google): the same login again, then with prompt=consent
    if (policyLogin) {
      const second = await login(s, 'again', again, requested);
      logins.push(second);
      f.set(['refresh', 'oncePerUser'], !second.refresh, `the same login again ${second.refresh ? 'got' : 'got no'} refresh token (${second.token ? s.ref(second.token.res) : second.error})`);
      if (!second.refresh) {
        const forced = await login(s, 'prompt=consent', { ...again, extra: [...(again.extra ?? []), ['prompt', 'consent']] }, requested);
        logins.push(forced);
        if (forced.refresh) f.set(['refresh', 'forceConsentParam'], { name: 'prompt', value: 'consent' }, `a login with prompt=consent got a refresh token again (${s.ref(forced.token!.res)})`);
        else f.set(['refresh', 'forceConsentParam'], null, `prompt=consent did not bring a refresh token back (${forced.token ? s.ref(forced.token.res) : forced.error})`, 'another parameter might');
      }
    }

    // PKCE: a login without it (required?), one with a wrong verifier (enforced at all?)
    if (!s.findings.has(['pkce', 'required'])) {
      const run = await runAuthorization(s.ctx, { scope: scope ?? null, pkce: 'none' });
      const err = run.response?.get('error');
      if (run.response?.get('code')) f.set(['pkce', 'required'], false, 'a login without code_challenge got a code');
      else if (err && /code_challenge|pkce/i.test(`${run.response?.get('error_description') ?? ''}`)) f.set(['pkce', 'required'], true, `a login without code_challenge was refused: error=${err}`);
    }
    if (!s.findings.has(['pkce', 'supported'])) {
      const run = await runAuthorization(s.ctx, { scope: scope ?? null, pkce: 'S256' });
      const code = run.response?.get('code');
      if (code) {
        const t = await redeemCode(s.ctx, { ...run, code, response: run.response! }, { verifier: 'oauth-harness-wrong-verifier-0123456789abcdefghijklmnopqr' });
        f.set(['pkce', 'supported'], !t.ok, t.ok ? `a wrong code_verifier was accepted (${s.ref(t.res)}): PKCE is ignored` : `a wrong code_verifier was refused: ${answer(t.res)} (${s.ref(t.res)})`);
      }
    }

    // revoking a refresh token: do the grant's access tokens die too (RFC 7009 §2.1)?
    const withRt = logins.filter((l) => l.refresh && l.access);
    const rotation = withRt[withRt.length - 1];
    const cascadeOn = withRt.length > 1 ? withRt[0] : undefined;
    const cascade = async (l: Login) => {
      if (typeof md.revocation_endpoint !== 'string' || typeof md.introspection_endpoint !== 'string') return f.unknown('revocation.cascade', 'needs a revocation and an introspection endpoint');
      const auth = s.facts.auth ?? 'basic';
      const rev = await s.token([['token', l.refresh!], ['token_type_hint', 'refresh_token']], auth, { url: md.revocation_endpoint, endpoint: 'revocation' });
      if (rev.res.status !== 200) return f.unknown('revocation.cascade', `revoking the refresh token answered ${answer(rev.res)} (${s.ref(rev.res)})`);
      const intro = await s.token([['token', l.access!]], auth, { url: md.introspection_endpoint, endpoint: 'introspection' });
      const active = fieldsOf(intro.res).active;
      if (typeof active === 'boolean') f.set(['revocation', 'cascade'], !active, `after revoking its refresh token (${s.ref(rev.res)}) the grant's access token is ${active ? 'still active' : 'inactive'} (${s.ref(intro.res)})`);
    };
    if (cascadeOn) await cascade(cascadeOn);

    // rotation and reuse of the newest grant's refresh token; then, with a refresh token still live, the scope check
    const grantedBy = (l: Login) => {
      const sc = l.token ? fieldsOf(l.token.res).scope : undefined;
      return typeof sc === 'string' ? sc.split(/[ ,]+/).filter(Boolean) : requested;
    };
    if (rotation?.refresh) {
      const r1 = await refresh(s, rotation.refresh);
      if (!r1.ok) return f.unknown('refresh.rotation', `the refresh failed: ${answer(r1.res)} (${s.ref(r1.res)})`);
      const next = r1.refreshToken;
      if (!next || next === rotation.refresh) {
        f.set(['refresh', 'rotation'], 'keep', `a refresh ${next ? 'returned the same' : 'returned no new'} refresh token (${s.ref(r1.res)})`);
        await probeScopeCheck(s, rotation.refresh, grantedBy(rotation), known);
        if (!cascadeOn) await cascade({ ...rotation, access: r1.accessToken ?? rotation.access });
        return;
      }
      const old = await refresh(s, rotation.refresh);
      if (old.ok) {
        f.set(['refresh', 'rotation'], 'rotate-keep-old', `a refresh returned a new refresh token (${s.ref(r1.res)}) and the old one still worked (${s.ref(old.res)})`, 'a rotation with a grace period (refresh.gracePeriod) looks the same at once');
        await probeScopeCheck(s, next, grantedBy(rotation), known);
        return;
      }
      f.set(['refresh', 'rotation'], 'rotate', `a refresh returned a new refresh token (${s.ref(r1.res)}) and the old one was refused at once: ${answer(old.res)} (${s.ref(old.res)})`);
      f.set(['refresh', 'gracePeriod'], 0, `the old refresh token was refused right after the rotation (${s.ref(old.res)})`);
      const after = await refresh(s, next);
      f.set(['refresh', 'reuseDetection'], after.ok ? 'reject' : 'revoke-grant', after.ok ? `after the reuse the newest refresh token still worked (${s.ref(after.res)})` : `after the reuse the newest refresh token was refused too: ${answer(after.res)} (${s.ref(after.res)})`);
      if (!after.ok && errorIn(after.res)?.code !== 'invalid_grant') f.unknown('refresh.reuseDetection', `the newest refresh token was refused with ${answer(after.res)}, not invalid_grant`);
      if (after.ok) await probeScopeCheck(s, after.refreshToken ?? next, grantedBy(rotation), known);
      else f.unknown('refresh.scopeCheck', 'the reuse revoked the grant: no refresh token was left to ask for more scope with');
    } else if (policyLogin === undefined) {
      f.unknown('refresh.rotation', 'no refresh token was issued');
    }
  },
};
