/**
 * The provider no longer honours the stored refresh token (docs/behaviours.md §7): the user
 * or an admin revoked the app's access, the password changed, or the refresh token
 * expired. `invalid_grant` at refresh (Google 400 "Token has been expired or revoked.",
 * Auth0 403 "Unknown or invalid refresh token.", Okta 400), and Zoom's `invalid_request`
 * "Invalid Token!". Notes a client that retries instead of asking for a new login.
 */
import { errorSummary } from './client-auth.js';
import type { Diagnosis } from './diagnosis.js';
import { refreshFailures } from './refresh-failures.js';
import { describe, kindOf, paramsOf } from './traffic.js';

export const refreshTokenInvalidated: Diagnosis = {
  id: 'refresh-token-invalidated',
  level: 'error',
  title: 'The provider no longer accepts the stored refresh token',
  specRef: 'RFC 6749 §5.2 (invalid_grant)',
  fix: [
    'Mark the connection as broken and ask the user to connect again; nothing else brings it back.',
    'Do not retry a refresh that failed with invalid_grant: the same token will be refused again.',
    'If it happens often, check the provider: refresh-token lifetime, idle expiry, a limit on tokens per user, or a password change that revokes grants.',
  ],
  detect({ exchanges }) {
    // a refresh token past the lifetime its token response announced is refresh-token-expired
    const found = refreshFailures(exchanges).filter((f) => !f.rotatedBy && !f.pastAnnouncedExpiry);
    const f = found[found.length - 1];
    if (!f) return undefined;
    const selfRevoked = exchanges.find((e) => e.seq < f.grant.exchange.seq && kindOf(e) === 'revocation' && e.response.status === 200 && paramsOf(e).get('token') === f.token);
    const why = selfRevoked
      ? `The client itself revoked this refresh token in exchange #${selfRevoked.seq} (${describe(selfRevoked)}) and then tried to use it.`
      : "The grant behind the stored refresh token was revoked at the provider (the user removed the app's access, an admin revoked it, or the password changed), or the refresh token expired.";
    const retry = f.attempts > 1 ? ` The client sent this refresh token ${f.attempts} times although the first answer was final.` : '';
    return {
      cause: `The refresh request ${describe(f.grant.exchange)} was refused: ${errorSummary(f.error)}. ${why}${retry}`,
      ...(f.attempts > 1 ? { fix: ['Stop the retry loop: on invalid_grant, give up at once and ask for a new login.'] } : {}),
      evidence: [...(selfRevoked ? [selfRevoked.seq] : []), ...found.map((x) => x.grant.exchange.seq)],
    };
  },
};
