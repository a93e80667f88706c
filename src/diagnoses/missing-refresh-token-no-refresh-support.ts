/**
 * The access token expires, and the provider issues no refresh token for this app at all
 * (docs/behaviours.md §7: billing apps, short-term access): the user must log in again after
 * expiry. Chosen when nothing points at an offline scope or parameter to ask for.
 */
import type { Diagnosis } from './diagnosis.js';
import { expiryText, missingRefreshTokens } from './missing-refresh.js';
import { describe } from './traffic.js';

export const missingRefreshTokenNoRefreshSupport: Diagnosis = {
  id: 'missing-refresh-token-no-refresh-support',
  level: 'warning',
  title: 'No refresh token: the provider does not issue any for this app',
  fix: [
    'Expect the connection to need a new login when the access token expires, and tell the user so.',
    'Do not use such a connection as a shared account for background jobs.',
    "If the provider can issue refresh tokens for another app type or with an option (an offline scope or parameter), enable it in the app's settings.",
  ],
  detect({ exchanges, provider }) {
    const found = missingRefreshTokens(exchanges, provider?.family).filter((m) => m.case === 'no-refresh-support');
    const m = found[found.length - 1];
    if (!m) return undefined;
    const asked = m.askedOffline ? ` although the login asked for offline access (${m.askedOffline})` : '';
    const meta = m.metadataSaysNoRefresh ? " The provider's metadata does not list refresh_token in grant_types_supported." : '';
    const hint = m.askedOffline || m.metadataSaysNoRefresh ? '' : ' Nothing in the traffic names an offline scope or parameter for this provider; if its documentation has one (offline_access, access_type=offline), ask for it.';
    return {
      cause: `The token response (${describe(m.grant.exchange)}) ${expiryText(m.grant)} but no refresh_token${asked}.${meta} The user will have to log in again when the token expires.${hint}`,
      evidence: found.map((x) => x.grant.exchange.seq),
    };
  },
};
