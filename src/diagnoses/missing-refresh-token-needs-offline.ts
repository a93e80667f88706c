/**
 * The provider issues a refresh token only when offline access is asked for
 * (docs/behaviours.md §7): a scope (`offline_access`, `offline.access`, Salesforce
 * `refresh_token`) or a parameter (Google `access_type=offline`, Dropbox
 * `token_access_type=offline`). Names what to ask for and how we know.
 */
import type { Diagnosis } from './diagnosis.js';
import { expiryText, missingRefreshTokens } from './missing-refresh.js';
import { describe } from './traffic.js';

export const missingRefreshTokenNeedsOffline: Diagnosis = {
  id: 'missing-refresh-token-needs-offline',
  level: 'warning',
  title: 'No refresh token: offline access was not asked for',
  fix: [
    'Connect the user again so that the new grant carries a refresh token.',
    'Providers that issue a refresh token only on the first consent (Google) need the earlier grant revoked, or a forced consent (prompt=consent), for the new login to get one.',
  ],
  detect({ exchanges, provider }) {
    const found = missingRefreshTokens(exchanges, provider?.family).filter((m) => m.case === 'needs-offline');
    const m = found[found.length - 1];
    if (!m) return undefined;
    const scope = m.authorization?.params.get('scope');
    const isParam = /parameter/.test(m.ask ?? '');
    return {
      cause: `The token response (${describe(m.grant.exchange)}) ${expiryText(m.grant)} but no refresh_token, and the authorization request did not ask for offline access (scope=${scope ? `"${scope}"` : 'none'}). The provider issues refresh tokens only when asked with ${m.ask} (${m.askSource}).`,
      fix: [isParam ? `Add ${m.ask!.replace('the authorization parameter ', '')} to the integration's authorization parameters.` : `Add ${m.ask!.replace('the scope ', '')} to the integration's scopes.`],
      evidence: [...(m.authorization ? [m.authorization.exchange.seq] : []), ...found.map((x) => x.grant.exchange.seq)],
    };
  },
};
