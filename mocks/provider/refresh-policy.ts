import type { ProviderContext } from './context.js';
import { pairKey } from './store.js';

/**
 * Whether a new consent earns a refresh token (docs/behaviours.md §7): by policy (always,
 * never, only with an offline scope or parameter) and, for providers that issue one
 * once per user, only when no earlier grant of this user still holds one.
 */
export function earnsRefreshToken(ctx: ProviderContext, params: URLSearchParams, granted: string[], clientId: string, username: string): boolean {
  const r = ctx.switches.refresh;
  let earns: boolean;
  switch (r.policy) {
    case 'always':
      earns = true;
      break;
    case 'never':
      earns = false;
      break;
    case 'offline-scope':
      earns = granted.includes(r.offlineScope);
      break;
    case 'offline-param':
      earns = params.get(r.offlineParam.name) === r.offlineParam.value;
      break;
  }
  if (!earns || !r.oncePerUser) return earns;
  const forced = r.forceConsentParam !== null && params.get(r.forceConsentParam.name) === r.forceConsentParam.value;
  return forced || !ctx.store.refreshIssuedTo.has(pairKey(clientId, username));
}
