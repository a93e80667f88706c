/**
 * The refresh token had expired, and the provider had said when: its token response
 * carried `refresh_token_expires_in` (GitHub Apps, Microsoft, LinkedIn, Spotify),
 * Keycloak's `refresh_expires_in` or Intuit's `x_refresh_token_expires_in`, and the client
 * refreshed after that time (docs/behaviours.md §7). Told apart from a grant revoked at
 * the provider (`refresh-token-invalidated`), whose fix is different.
 */
import { errorSummary } from './client-auth.js';
import type { Diagnosis } from './diagnosis.js';
import { lifetime } from './missing-refresh.js';
import { refreshFailures } from './refresh-failures.js';
import { describe } from './traffic.js';

export const refreshTokenExpired: Diagnosis = {
  id: 'refresh-token-expired',
  level: 'error',
  title: 'The refresh token expired at the time the provider announced',
  specRef: 'RFC 6749 §5.2 (invalid_grant)',
  fix: [
    "Store the refresh token's expiry (issue time + refresh_token_expires_in) with the tokens, and ask the user to connect again before it passes.",
    'Where refreshing extends the refresh token (a new one with a new refresh_token_expires_in), refresh at least once within its lifetime; an absolute lifetime (LinkedIn, Atlassian, Spotify) needs a new login in any case.',
  ],
  detect({ exchanges }) {
    const found = refreshFailures(exchanges).filter((f) => f.pastAnnouncedExpiry);
    const f = found[found.length - 1];
    if (!f) return undefined;
    const a = f.pastAnnouncedExpiry!;
    return {
      cause: `The refresh token was issued in exchange #${a.issuedBy.exchange.seq} with ${a.member} ${lifetime(a.seconds)}; this refresh (${describe(f.grant.exchange)}) came ${lifetime(Math.round(a.lateBy / 1000))} after that ran out, and was refused: ${errorSummary(f.error)}. The client did not track the announced expiry.`,
      evidence: [a.issuedBy.exchange.seq, ...found.map((x) => x.grant.exchange.seq)],
    };
  },
};
