/**
 * A refresh token was used again after the provider had rotated it (docs/behaviours.md §7;
 * RFC 9700 §4.14.2): the client kept the old refresh token instead of the new one, or ran
 * two refreshes at once. Providers with reuse detection then revoke the whole grant.
 */
import { errorSummary } from './client-auth.js';
import type { Diagnosis } from './diagnosis.js';
import { refreshFailures } from './refresh-failures.js';
import { describe, paramsOf } from './traffic.js';

export const refreshTokenReuse: Diagnosis = {
  id: 'refresh-token-reuse',
  level: 'error',
  title: 'A refresh token was reused after the provider rotated it',
  specRef: 'RFC 9700 §4.14.2',
  fix: [
    'Store the refresh token of every refresh response, replacing the old one in the same write as the new access token.',
    'Let concurrent callers share one refresh request per connection instead of each refreshing with the same token.',
    'Where the provider revoked the grant on reuse, the user must connect again.',
  ],
  detect({ exchanges }) {
    const found = refreshFailures(exchanges).filter((f) => f.rotatedBy);
    const f = found[found.length - 1];
    if (!f) return undefined;
    const winner = f.rotatedBy!.exchange;
    // refreshes sent together (same step, nothing in between) look concurrent; otherwise the client kept the old token
    const between = exchanges.filter((x) => x.seq > Math.min(winner.seq, f.grant.exchange.seq) && x.seq < Math.max(winner.seq, f.grant.exchange.seq));
    const together = winner.step !== undefined && winner.step === f.grant.exchange.step && between.every((x) => x.step === winner.step && paramsOf(x).get('refresh_token') === f.token);
    const how = together
      ? `Two refresh requests sent together used the same refresh token: ${describe(winner)} got a new one (rotation) and ${describe(f.grant.exchange)} was refused`
      : `Exchange #${winner.seq} had already used this refresh token and got a new one in return (rotation), but the client sent the old one again in ${describe(f.grant.exchange)}; it did not store the new refresh token`;
    const revoked = /revok|family|reuse/i.test(f.error.text) ? ' The provider detected the reuse and may have revoked the whole grant.' : '';
    return {
      cause: `${how}: ${errorSummary(f.error)}.${revoked}`,
      evidence: [...found.map((x) => x.grant.exchange.seq), winner.seq],
    };
  },
};
