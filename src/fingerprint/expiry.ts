/**
 * When an issued access token really expires: its `exp` as a JWT (RFC 9068 §2.2, no
 * request), else as introspection answers it (RFC 7662 §2.2, one request), against the
 * time it was issued. Shows a token response that says nothing of a lifetime the token
 * has all the same (`tokenResponse.expiresIn: omit`, Salesforce's session timeout, with
 * that lifetime), and a provider whose tokens expire sooner than `expires_in` says
 * (`lifetimes.clockSkew`).
 *
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.2
 */
import { jwtExp, readExpiry, withinTolerance } from '../import/expiry.js';
import type { ProbeResponse } from '../verify/probe.js';
import { answer, fieldsOf } from './probe.js';
import type { Session } from './session.js';
import { lifetimeOf } from './token-shape.js';

/**
 * Reads the real expiry of the access token of `res` (a successful token response,
 * received at `receivedAtMs` on this machine's clock) into `lifetimes.<which>`,
 * `tokenResponse.expiresIn` and `lifetimes.clockSkew`.
 */
export async function readRealExpiry(s: Session, res: ProbeResponse, receivedAtMs: number, which: 'accessToken' | 'clientCredentialsToken'): Promise<void> {
  const f = s.findings;
  const body = fieldsOf(res);
  const said = lifetimeOf(body);
  // issued somewhere between sending and receiving: the middle of the round trip
  const issuedAt = receivedAtMs - res.elapsedMs / 2;
  let exp = jwtExp(body.access_token);
  let source = `the JWT access token's exp (${s.ref(res)})`;
  const endpoint = s.discovery.metadata.introspection_endpoint;
  if (exp === undefined && typeof endpoint === 'string' && typeof body.access_token === 'string' && s.facts.auth) {
    const intro = await s.token([['token', body.access_token]], s.facts.auth, { url: endpoint, endpoint: 'introspection' });
    const fields = fieldsOf(intro.res);
    if (fields.active === true && typeof fields.exp === 'number') {
      exp = fields.exp;
      source = `introspection's exp (${s.ref(intro.res)})`;
    } else if (fields.active === false && said !== undefined && said > 0) {
      // a token inactive as soon as it is issued: the provider's clock is ahead by its whole lifetime or more
      return f.set(['lifetimes', 'clockSkew'], said, `a token just issued with expires_in ${said} (${s.ref(res)}) is already inactive (${s.ref(intro.res)}): expired on arrival`, `any skew of ${said} s or more looks the same`, (v) => typeof v === 'number' && v >= said);
    } else if (said === undefined) return f.unknown('tokenResponse.expiresIn', `no expires_in (${s.ref(res)}), and introspection did not say when the token expires: ${answer(intro.res)} (${s.ref(intro.res)})`);
  }
  if (exp === undefined) return;
  const r = readExpiry(said, exp, issuedAt);
  if (said === undefined) {
    f.set(['tokenResponse', 'expiresIn'], 'omit', `no expires_in (${s.ref(res)}), yet ${source} ends the token ${r.lifetime} s after its issue: it expires without saying when`);
    f.set(['lifetimes', which], r.lifetime, `${source}: the token lives ${r.lifetime} s although its response did not say so (${s.ref(res)})`, undefined, withinTolerance(r.lifetime));
    return;
  }
  const skew = r.skew ?? 0;
  if (skew === 0) f.set(['lifetimes', 'clockSkew'], 0, `${source} is expires_in ${said} s after the token's issue (${s.ref(res)}): no clock skew`, undefined, withinTolerance(0));
  else f.set(['lifetimes', 'clockSkew'], skew, `${source} is ${said - skew} s after the token's issue while expires_in said ${said} s (${s.ref(res)}): the provider's clock runs ${Math.abs(skew)} s ${skew > 0 ? 'ahead' : 'behind'}`, undefined, withinTolerance(skew));
}
