/**
 * When the recorded tokens really expired, against what their responses said (RFC 6749
 * §5.1 `expires_in`): an absolute expiry in the recording (introspection's `exp`, RFC
 * 7662 §2.2, or a JWT access token's `exp`, RFC 9068 §2.2) read against the token
 * response's `Date` (RFC 9110 §6.6.1); and a token the API refused at its first use,
 * well within its `expires_in` (expired on arrival). Shows tokens that expire without
 * saying when (`tokenResponse.expiresIn: omit`, with their lifetime) and a provider whose
 * clock runs ahead (`lifetimes.clockSkew`). Runs before the token-response inference, so
 * a measured lifetime wins over "no expires_in: never expires".
 *
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.2
 */
import { tokenExpiredOnArrival } from '../diagnoses/token-expired-on-arrival.js';
import { kindOf, paramsOf, tokenGrants } from '../diagnoses/traffic.js';
import { getHeader, responseFields } from '../observe/wire.js';
import type { Exchange } from '../results/model.js';
import { jwtExp, readExpiry, withinTolerance } from './expiry.js';
import type { Findings } from './inference.js';

export function inferExpiry(oauth: Exchange[], f: Findings): void {
  const grants = tokenGrants(oauth).filter((g) => g.ok);
  for (const g of grants) {
    const token = g.body.access_token;
    const date = Date.parse(getHeader(g.exchange.response.headers, 'date') ?? '');
    if (typeof token !== 'string' || !Number.isFinite(date)) continue;
    let exp = jwtExp(token);
    let source = `the JWT access token's exp (#${g.exchange.seq})`;
    if (exp === undefined) {
      const intro = oauth.find((e) => e.seq > g.exchange.seq && kindOf(e) === 'introspection' && paramsOf(e).get('token') === token && responseFields(e.response)?.active === true);
      const introExp = intro ? responseFields(intro.response)?.exp : undefined;
      if (typeof introExp === 'number') {
        exp = introExp;
        source = `introspection's exp (#${intro!.seq})`;
      }
    }
    if (exp === undefined) continue;
    // Date has whole seconds: the token was issued within the second it names
    const r = readExpiry(g.expiresIn, exp, date + 500);
    const which = g.grantType === 'client_credentials' ? 'clientCredentialsToken' : 'accessToken';
    if (g.expiresIn === undefined) {
      f.set(['tokenResponse', 'expiresIn'], 'omit', `no expires_in (#${g.exchange.seq}), yet ${source} ends the token ${r.lifetime} s after the response's Date: it expires without saying when`);
      f.set(['lifetimes', which], r.lifetime, `${source}: the token lived ${r.lifetime} s from the token response's Date although the response did not say so (#${g.exchange.seq})`, undefined, withinTolerance(r.lifetime));
    } else {
      const skew = r.skew ?? 0;
      f.set(
        ['lifetimes', 'clockSkew'],
        skew,
        skew === 0 ? `${source} is expires_in ${g.expiresIn} s after the token response's Date (#${g.exchange.seq}): no clock skew` : `${source} is ${g.expiresIn - skew} s after the token response's Date while expires_in said ${g.expiresIn} s (#${g.exchange.seq}): the provider's clock runs ${Math.abs(skew)} s ${skew > 0 ? 'ahead' : 'behind'}`,
        undefined,
        withinTolerance(skew),
      );
    }
  }

  // the API refused a fresh token at its first use: the provider's clock is ahead by the token's whole lifetime or more
  const arrival = tokenExpiredOnArrival.detect({ exchanges: oauth, reactions: [] });
  const seqs = arrival?.evidence ?? [];
  const g = grants.find((x) => seqs.includes(x.exchange.seq) && x.expiresIn !== undefined);
  const api = g ? oauth.find((e) => seqs.includes(e.seq) && e.seq > g.exchange.seq) : undefined;
  if (g && api) {
    const elapsed = Math.max(0, Math.floor(((api.at ?? 0) - (g.exchange.at ?? 0)) / 1000));
    const lifetime = g.expiresIn!;
    f.set(
      ['lifetimes', 'clockSkew'],
      lifetime,
      `the token of #${g.exchange.seq} (expires_in ${lifetime}) was refused as expired at its first use ${elapsed} s later (#${api.seq}): expired on arrival`,
      `any skew above ${Math.max(0, lifetime - elapsed)} s refuses it as well; the token's whole lifetime is written, so every fresh token is refused`,
      (v) => typeof v === 'number' && v > lifetime - elapsed,
    );
  }
}
