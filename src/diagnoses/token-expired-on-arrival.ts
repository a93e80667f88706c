/**
 * The API refused an access token the first time the client used it, although the token
 * was still within the `expires_in` the provider had just given it (or `expires_in` was
 * 0): the provider's clock runs ahead of the API's (or the client's), or it issues tokens
 * with no lifetime. The client cannot fix it by refreshing: the next token is refused
 * too. Told apart from `token-expired-not-refreshed` (a client that did not refresh).
 */
import type { Exchange } from '../results/model.js';
import type { Diagnosis } from './diagnosis.js';
import { lifetime } from './missing-refresh.js';
import { bearerOf, describe, errorOf, kindOf, paramsOf, quote, tokenGrants, type TokenGrant } from './traffic.js';

export const tokenExpiredOnArrival: Diagnosis = {
  id: 'token-expired-on-arrival',
  level: 'error',
  title: 'The API refuses tokens the provider has just issued: expired on arrival',
  specRef: 'RFC 6749 §5.1, RFC 6750 §3.1',
  fix: [
    "Tell the provider's administrator: its clock runs ahead (check NTP on the authorization server and the API), or its access-token lifetime is zero.",
    'Keep the client as it is meant to be: refresh once and retry once after a 401, then stop and report the error (no retry loop).',
  ],
  detect({ exchanges }) {
    const grants = tokenGrants(exchanges).filter((g) => g.ok);
    const found: { e: Exchange; grant: TokenGrant }[] = [];
    for (const e of exchanges) {
      if (kindOf(e) !== 'api' || e.response.status !== 401) continue;
      const token = bearerOf(e);
      const grant = token ? grants.find((g) => g.body.access_token === token) : undefined;
      if (!grant || grant.expiresIn === undefined || grant.exchange.at === undefined || e.at === undefined) continue;
      // its first use, within the lifetime it was just given, and not revoked in between
      const used = exchanges.some((x) => x.seq > grant.exchange.seq && x.seq < e.seq && kindOf(x) === 'api' && bearerOf(x) === token);
      const revoked = exchanges.some((x) => x.seq > grant.exchange.seq && x.seq < e.seq && kindOf(x) === 'revocation' && paramsOf(x).get('token') === token);
      const elapsed = e.at - grant.exchange.at;
      if (used || revoked || (grant.expiresIn > 0 && elapsed >= grant.expiresIn * 1000)) continue;
      found.push({ e, grant });
    }
    const f = found[found.length - 1];
    if (!f) return undefined;
    const err = errorOf(f.e.response);
    const secs = Math.round(((f.e.at ?? 0) - (f.grant.exchange.at ?? 0)) / 1000);
    const again = found.length > 1 ? ` It happened to ${found.length} fresh tokens in a row: refreshing does not help.` : '';
    return {
      cause: `The token issued in exchange #${f.grant.exchange.seq} with expires_in ${lifetime(f.grant.expiresIn!)} was refused by the API at its first use, ${secs} s later (${describe(f.e)}${err?.text ? `: ${quote(err.text)}` : ''}). The provider considers its own fresh tokens expired: its clock runs ahead, or it gives them no lifetime.${again}`,
      evidence: found.flatMap((x) => [x.grant.exchange.seq, x.e.seq]),
    };
  },
};
