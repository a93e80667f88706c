/**
 * The API refused an access token that had expired, and the client did not refresh it
 * (docs/behaviours.md §7): 401 `invalid_token` saying "expired", or a call made after the
 * token's `expires_in` had run out (by the exchange times), with no refresh request after.
 */
import type { Exchange } from '../results/model.js';
import type { Diagnosis } from './diagnosis.js';
import { lifetime } from './missing-refresh.js';
import { bearerOf, describe, errorOf, firstUseAfterRefresh, kindOf, quote, tokenGrants, type TokenGrant } from './traffic.js';

export const tokenExpiredNotRefreshed: Diagnosis = {
  id: 'token-expired-not-refreshed',
  level: 'error',
  title: 'The access token expired and the client did not refresh it',
  specRef: 'RFC 6749 §6, RFC 6750 §3.1',
  fix: [
    "Refresh the access token when its expiry time (from expires_in) has passed or when the API answers 401 invalid_token, then retry the call once.",
    'Store the expiry time with the token and refresh shortly before it.',
    'If the provider issued no refresh token, ask the user to connect again (see the missing-refresh-token diagnoses).',
  ],
  detect({ exchanges }) {
    const grants = tokenGrants(exchanges).filter((g) => g.ok);
    let found: { e: Exchange; grant: TokenGrant | undefined; why: string } | undefined;
    const evidence: number[] = [];
    for (const e of exchanges) {
      if (kindOf(e) !== 'api' || e.response.status !== 401) continue;
      const token = bearerOf(e);
      if (!token) continue;
      const grant = grants.find((g) => g.body.access_token === token);
      const err = errorOf(e.response);
      const saysExpired = /expired|expir/i.test(err?.text ?? '');
      const expiredAt = grant?.expiresIn !== undefined && grant.exchange.at !== undefined ? grant.exchange.at + grant.expiresIn * 1000 : undefined;
      const pastExpiry = expiredAt !== undefined && e.at !== undefined && e.at >= expiredAt;
      if (!saysExpired && !pastExpiry) continue;
      const refreshedAfter = tokenGrants(exchanges).some((g) => g.grantType === 'refresh_token' && g.exchange.seq > e.seq);
      // the client did refresh: this token came from that refresh and was refused on its first use (token-expired-on-arrival)
      if (refreshedAfter || firstUseAfterRefresh(exchanges, e, grant)) continue;
      evidence.push(e.seq);
      const why = pastExpiry && grant?.expiresIn !== undefined
        ? `the token was issued in exchange #${grant.exchange.seq} with expires_in ${lifetime(grant.expiresIn)} and used ${Math.round((e.at! - grant.exchange.at!) / 1000)} s later`
        : `the API says ${quote(err?.text ?? 'expired')}`;
      found = { e, grant, why };
    }
    if (!found) return undefined;
    const hadRefresh = grants.some((g) => g.exchange.seq < found!.e.seq && typeof g.body.refresh_token === 'string');
    const lastRefresh = [...tokenGrants(exchanges)].reverse().find((g) => g.grantType === 'refresh_token' && g.exchange.seq < found!.e.seq);
    const what = !hadRefresh
      ? 'The provider issued no refresh token for this connection, so only a new login can replace the token.'
      : lastRefresh
        ? `The client holds a refresh token; its last refresh request (exchange #${lastRefresh.exchange.seq}) came before this token expired, and it sent none after the 401.`
        : 'The client holds a refresh token but sent no refresh request, neither before the call nor after the 401.';
    return {
      cause: `${describe(found.e)}: the access token had expired (${found.why}). ${what}`,
      evidence: [...(found.grant ? [found.grant.exchange.seq] : []), ...evidence],
    };
  },
};
