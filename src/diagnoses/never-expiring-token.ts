/**
 * A token response without `expires_in` (RFC 6749 §5.1 RECOMMENDED): the client cannot
 * know when the token stops working. Logins without a refresh token are covered by
 * `missing-refresh-token-never-expires` instead.
 */
import type { Diagnosis } from './diagnosis.js';
import { describe, tokenGrants } from './traffic.js';

export const neverExpiringToken: Diagnosis = {
  id: 'never-expiring-token',
  level: 'warning',
  title: 'The access token has no expiry',
  specRef: 'RFC 6749 §5.1',
  fix: [
    'Treat the token as valid until the API answers 401, then refresh (or reconnect) once.',
    'Keep it as a long-lived secret, and revoke it when the connection is deleted.',
  ],
  detect({ exchanges }) {
    const found = tokenGrants(exchanges).filter((g) => g.ok && g.expiresIn === undefined && !(g.grantType === 'authorization_code' && typeof g.body.refresh_token !== 'string'));
    const g = found[found.length - 1];
    if (!g) return undefined;
    const withRefresh = typeof g.body.refresh_token === 'string' ? ', although a refresh token came with it' : '';
    return {
      cause: `The token response (${describe(g.exchange)}, grant_type ${g.grantType || 'unknown'}) has no expires_in${withRefresh}: the client cannot tell when the access token stops working.`,
      evidence: found.map((x) => x.exchange.seq),
    };
  },
};
