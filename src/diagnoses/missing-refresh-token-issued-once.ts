/**
 * The provider issues a refresh token once per user and app (docs/behaviours.md §7; Google):
 * a second consent while the first grant is still alive returns none. The usual cause is
 * a connection deleted without revoking its token.
 */
import type { Diagnosis } from './diagnosis.js';
import { missingRefreshTokens } from './missing-refresh.js';
import { describe } from './traffic.js';

export const missingRefreshTokenIssuedOnce: Diagnosis = {
  id: 'missing-refresh-token-issued-once',
  level: 'warning',
  title: 'No refresh token: the provider issued one for an earlier grant only',
  fix: [
    "Revoke the earlier grant at the provider (the user's account page for connected apps, or the revoke URL), then connect again.",
    'Make the integration revoke the token whenever a connection is deleted, so the next connection gets a refresh token.',
    'Where the provider supports it, force a new consent when reconnecting (Google: prompt=consent) to get a new refresh token.',
  ],
  detect({ exchanges, provider }) {
    const found = missingRefreshTokens(exchanges, provider?.family).filter((m) => m.case === 'issued-once');
    const m = found[found.length - 1];
    if (!m) return undefined;
    return {
      cause: `An earlier login of this client got a refresh token (exchange #${m.earlier!.exchange.seq}) that was never revoked; this new login (${describe(m.grant.exchange)}) got none although it asked for offline access (${m.askedOffline}). The provider issues a refresh token once per user and app, until the earlier grant is revoked. Revoke the earlier grant at the provider, then connect again.`,
      evidence: [m.earlier!.exchange.seq, ...found.map((x) => x.grant.exchange.seq)],
    };
  },
};
