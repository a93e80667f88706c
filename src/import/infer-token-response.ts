/**
 * The shape of token responses (RFC 6749 §5.1) and the lifetimes they
 * announce: JSON or form-encoded bodies (GitHub, Facebook ≤ v2.2), `token_type` spelling,
 * `expires_in` as a number, a string (Azure AD v1) or named `expires`, whether `scope`
 * comes back, `Cache-Control: no-store`, JWT access tokens (RFC 9068), extra members,
 * and `refresh_token_expires_in`. (Errors: infer-errors.ts; real expiries: infer-expiry.ts.)
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
import { authorizationRequests, errorOf, failed, grantedScopes, splitScopes, tokenGrants, type TokenGrant } from '../diagnoses/traffic.js';
import { getHeader, responseFields } from '../observe/wire.js';
import type { Exchange } from '../results/model.js';
import { refs, type Findings } from './inference.js';

const STANDARD = new Set(['access_token', 'token_type', 'expires_in', 'expires', 'refresh_token', 'scope', 'id_token', 'refresh_token_expires_in', 'error', 'error_description', 'error_uri']);

/** A recorded value that could be a credential: long, random-looking, not a URL or a number. */
function secretLooking(v: string): boolean {
  return v.length >= 16 && /^[A-Za-z0-9+/=_.~-]+$/.test(v) && !/^\d+$/.test(v) && /[0-9]/.test(v) && /[A-Za-z]/.test(v);
}

function isJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as { alg?: unknown };
    return typeof header.alg === 'string';
  } catch {
    return false;
  }
}

function wantsJson(e: Exchange): boolean {
  return /json/i.test(getHeader(e.request.headers, 'accept') ?? '');
}

/** What the client asked for in the grant: its own `scope`, else the authorization request's. */
function requestedScopes(all: Exchange[], g: TokenGrant): string[] | undefined {
  const own = g.params.get('scope');
  if (own !== null) return splitScopes(own);
  if (g.grantType !== 'authorization_code') return undefined;
  const auth = [...authorizationRequests(all)].reverse().find((a) => a.exchange.seq < g.exchange.seq);
  return auth ? splitScopes(auth.params.get('scope')) : undefined;
}

export function inferTokenResponse(oauth: Exchange[], f: Findings): void {
  const grants = tokenGrants(oauth);
  const ok = grants.filter((g) => g.ok);
  const type = (e: Exchange) => (getHeader(e.response.headers, 'content-type') ?? '').toLowerCase();
  if (ok.length) {
    const json = ok.filter((g) => type(g.exchange).includes('json'));
    const form = ok.filter((g) => type(g.exchange).includes('x-www-form-urlencoded'));
    const plain = ok.filter((g) => type(g.exchange).includes('text/plain'));
    if (json.length && form.length) {
      f.set(['tokenResponse', 'format'], 'form-unless-accept-json', `JSON when the request accepted JSON (${refs(json.map((g) => g.exchange.seq))}), form-encoded otherwise (${refs(form.map((g) => g.exchange.seq))})`);
    } else if (form.length) {
      const askedJson = form.some((g) => wantsJson(g.exchange));
      if (askedJson) f.set(['tokenResponse', 'format'], 'form', `form-encoded token responses even to Accept: application/json (${refs(form.map((g) => g.exchange.seq))})`);
      else f.set(['tokenResponse', 'format'], 'form-unless-accept-json', `form-encoded token responses (${refs(form.map((g) => g.exchange.seq))}) to requests that did not ask for JSON`, 'the recording does not show whether Accept: application/json gets JSON (GitHub); `form` if it does not');
    } else if (plain.length) {
      f.set(['tokenResponse', 'format'], 'text-plain-form', `token responses as text/plain form-encoded text (${refs(plain.map((g) => g.exchange.seq))})`);
    } else if (json.length) {
      f.set(['tokenResponse', 'format'], 'json', `JSON token responses (${refs(json.map((g) => g.exchange.seq))})`);
    }

    const first = ok[0]!;
    const tt = first.body.token_type;
    if (tt === undefined) f.set(['tokenResponse', 'tokenType'], 'omit', `no token_type in the token response (#${first.exchange.seq})`);
    // the recorded spelling as it is (printable ASCII, at most 64 characters: what the switch takes)
    else if (typeof tt === 'string' && /^[\x20-\x7e]{1,64}$/.test(tt) && tt !== 'omit') f.set(['tokenResponse', 'tokenType'], tt, `token_type "${tt}" (#${first.exchange.seq})${tt === 'Bearer' ? '' : tt.toLowerCase() === 'bearer' ? ': the "Bearer" of RFC 6750 spelled otherwise (RFC 6749 §5.1: case-insensitive)' : ': not a Bearer token (RFC 6750)'}`);
    else f.unknown('tokenResponse.tokenType', `token_type ${JSON.stringify(tt)} (#${first.exchange.seq}) is not a value the mock can write`);

    const timed = ok.find((g) => g.body.expires_in !== undefined || g.body.expires !== undefined);
    if (timed) {
      const v = timed.body.expires_in ?? timed.body.expires;
      const how = timed.body.expires_in === undefined ? 'expires' : typeof v === 'string' ? 'string' : 'number';
      f.set(['tokenResponse', 'expiresIn'], how, `${how === 'expires' ? 'the lifetime is named `expires`' : `expires_in is a ${how}`} (#${timed.exchange.seq})`);
    }

    const user = ok.filter((g) => g.grantType === 'authorization_code' || g.grantType === 'refresh_token');
    const u = user[0];
    if (u) {
      if (u.expiresIn !== undefined) f.set(['lifetimes', 'accessToken'], u.expiresIn, `the access token lived ${u.expiresIn} s (expires_in, #${u.exchange.seq})`);
      else f.set(['lifetimes', 'accessToken'], null, `no expires_in: the access token never expires (#${u.exchange.seq})`, 'a provider that expires tokens without saying so (Salesforce: session timeout) looks the same');
      const rtLife = u.body.refresh_token_expires_in;
      if (typeof rtLife === 'number' || (typeof rtLife === 'string' && /^\d+$/.test(rtLife))) {
        f.set(['lifetimes', 'refreshToken'], Number(rtLife), `refresh_token_expires_in ${rtLife} (#${u.exchange.seq})`);
        f.set(['tokenResponse', 'refreshTokenExpiresIn'], true, `refresh_token_expires_in beside the refresh token (#${u.exchange.seq})`);
      } else if (typeof u.body.refresh_token === 'string') {
        f.set(['tokenResponse', 'refreshTokenExpiresIn'], false, `no refresh_token_expires_in beside the refresh token (#${u.exchange.seq})`, 'a provider that announces only refresh tokens that expire looks the same while they live until revoked', (v) => typeof v === 'boolean');
      }
    }
    const cc = ok.find((g) => g.grantType === 'client_credentials');
    if (cc) {
      f.set(['lifetimes', 'clientCredentialsToken'], cc.expiresIn ?? null, cc.expiresIn !== undefined ? `client-credentials token lived ${cc.expiresIn} s (#${cc.exchange.seq})` : `no expires_in on the client-credentials token (#${cc.exchange.seq})`);
      f.set(['refresh', 'forClientCredentials'], typeof cc.body.refresh_token === 'string', `the client-credentials response ${typeof cc.body.refresh_token === 'string' ? 'carried' : 'had no'} refresh token (#${cc.exchange.seq})`);
    }

    // scope in the response: always, only when it differs from the request (RFC 6749 §5.1), or never
    let sameWith = 0;
    let sameWithout = 0;
    let diffWith = 0;
      const seen: number[] = [];
    for (const g of ok) {
      const asked = requestedScopes(oauth, g);
      if (asked === undefined) continue;
      const granted = grantedScopes(g);
      seen.push(g.exchange.seq);
      if (granted === undefined) {
        // without `scope` we cannot tell whether the grant differed; count it as "same" (RFC 6749 §5.1 reading)
        sameWithout++;
        continue;
      }
      const same = granted.length === asked.length && granted.every((s) => asked.includes(s));
      if (same) sameWith++;
      else diffWith++;
    }
    if (seen.length) {
      if (sameWith) f.set(['tokenResponse', 'scope'], 'always', `scope returned even when it equals the request (${refs(seen)})`);
      else if (diffWith && sameWithout) f.set(['tokenResponse', 'scope'], 'if-different', `scope returned only when it differs from the request (${refs(seen)})`);
      else if (diffWith) f.set(['tokenResponse', 'scope'], 'if-different', `scope returned when the grant differed from the request (${refs(seen)})`, '`always` is as consistent: no grant equal to its request was recorded', (v) => v === 'always' || v === 'if-different');
      else if (sameWithout) f.set(['tokenResponse', 'scope'], 'if-different', `no scope in the token responses (${refs(seen)})`, '`never` is as consistent: no grant that differed from its request was recorded', (v) => v === 'never' || v === 'if-different');
    }

    const cached = ok.map((g) => getHeader(g.exchange.response.headers, 'cache-control') ?? '');
    f.set(['tokenResponse', 'noStore'], cached.every((c) => /no-store/i.test(c)), cached.every((c) => /no-store/i.test(c)) ? `Cache-Control: no-store on token responses (${refs(ok.map((g) => g.exchange.seq))})` : `a token response without Cache-Control: no-store (${refs(ok.filter((_, i) => !/no-store/i.test(cached[i]!)).map((g) => g.exchange.seq))})`);

    const at = typeof first.body.access_token === 'string' ? first.body.access_token : '';
    if (at.startsWith('[redacted:')) f.unknown('tokenResponse.accessTokenFormat', 'the recording holds redacted tokens only: whether access tokens are JWTs (RFC 9068) cannot be seen');
    else f.set(['tokenResponse', 'accessTokenFormat'], isJwt(at) ? 'jwt' : 'opaque', isJwt(at) ? `the access token is a JWT (#${first.exchange.seq})` : `the access token is opaque (#${first.exchange.seq})`);

    const extra: Record<string, unknown> = {};
    const withExtra = user.find((g) => Object.keys(g.body).some((k) => !STANDARD.has(k))) ?? ok.find((g) => Object.keys(g.body).some((k) => !STANDARD.has(k)));
    if (withExtra) {
      for (const [k, v] of Object.entries(withExtra.body)) {
        if (STANDARD.has(k)) continue;
        extra[k] = typeof v === 'string' && (secretLooking(v) || v.startsWith('[redacted:')) ? 'recorded-value-withheld' : v;
      }
      f.set(['tokenResponse', 'extraFields'], extra, `members beyond RFC 6749 §5.1 in the token response (#${withExtra.exchange.seq}); values that look like credentials are withheld`);
    }
  }
}
