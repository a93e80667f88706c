/**
 * No refresh token, and no `expires_in` either (docs/behaviours.md §7, GitHub OAuth apps,
 * Facebook long-lived tokens treated as such): the token works until revoked, so a
 * missing refresh token is expected and nothing should try to refresh.
 */
import type { Diagnosis } from './diagnosis.js';
import { missingRefreshTokens } from './missing-refresh.js';
import { describe } from './traffic.js';

export const missingRefreshTokenNeverExpires: Diagnosis = {
  id: 'missing-refresh-token-never-expires',
  level: 'warning',
  title: 'No refresh token: the access token never expires',
  specRef: 'RFC 6749 §5.1',
  fix: [
    'Accept the connection without a refresh token: do not report it as broken and do not try to refresh it.',
    "Treat a later 401 from the API as 'access revoked' and ask the user to connect again.",
    'Revoke the token when the connection is deleted, since it would otherwise stay valid.',
  ],
  detect({ exchanges, provider }) {
    const found = missingRefreshTokens(exchanges, provider?.family).filter((m) => m.case === 'never-expires');
    const m = found[found.length - 1];
    if (!m) return undefined;
    return {
      cause: `The token response (${describe(m.grant.exchange)}) has neither refresh_token nor expires_in: the access token is meant to work until it is revoked, so there is nothing to refresh.`,
      evidence: found.map((x) => x.grant.exchange.seq),
    };
  },
};
