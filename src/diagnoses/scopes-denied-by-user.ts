/**
 * The user declined some (or all) of the requested permissions at consent (docs/behaviours.md
 * §4; Facebook, GitHub, Google granular consent). Evidence: the consent form submitted
 * without some offered scopes, Facebook's `denied_scopes`, or `access_denied` on the
 * redirect. Names the declined scopes.
 */
import { loginScopes } from './consent.js';
import type { Diagnosis } from './diagnosis.js';
import { describe, list, quote } from './traffic.js';

export const scopesDeniedByUser: Diagnosis = {
  id: 'scopes-denied-by-user',
  level: 'warning',
  title: 'The user declined some of the requested permissions at consent',
  specRef: 'RFC 6749 §5.1 (scope)',
  fix: [
    'Tell the user which permissions are missing and what the integration cannot do without them.',
    'Have the integration compare the scope of the token response with what it asked for, and report missing scopes right after login instead of failing later.',
  ],
  detect({ exchanges }) {
    let found: { cause: string; fix: string[]; seq: number[] } | undefined;
    for (const l of loginScopes(exchanges)) {
      if (l.deniedAll) {
        const d = l.denial?.description ?? '';
        // Auth0 rules, Azure AD user assignment and admin policies also answer access_denied
        const byUser = l.denial?.byUser || !d || /\buser\b.*\b(denied|declined|cancel)|denied the request|end-user denied|cancel|declin/i.test(d);
        const policy = !byUser ? ` The provider's description (${quote(d)}) points at a rule or policy of the provider rather than the user's choice: check the app's user assignment and access rules there.` : '';
        found = {
          cause: `${byUser ? 'The user denied the whole request at consent' : 'The authorization was denied'} (${describe(l.deniedAll)}: access_denied${byUser && d ? ` ${quote(d)}` : ''})${l.requested.length ? `; the client asked for ${list(l.requested)}` : ''}. No token was issued.${policy}`,
          fix: ['Ask the user to connect again and allow the request.'],
          seq: [l.authorization.seq, l.deniedAll.seq],
        };
        continue;
      }
      const declined = [...new Set([...l.reportedDenied, ...(l.offered && l.ticked ? l.offered.filter((s) => !l.ticked!.includes(s)) : [])])];
      if (!declined.length) continue;
      const granted = l.granted ? ` The token was issued with scope [${l.granted.join(' ')}].` : '';
      found = {
        cause: `At consent the user unticked ${list(declined)} of the requested [${l.requested.join(' ')}].${granted} Calls that need ${declined.length > 1 ? 'these permissions' : 'this permission'} will fail with insufficient_scope.`,
        fix: [`Ask the user to connect again and grant ${list(declined)}; providers that remember a partial consent must be asked to show it again (Facebook: auth_type=rerequest; Google: prompt=consent).`],
        seq: [l.authorization.seq, ...(l.grant ? [l.grant.exchange.seq] : [])],
      };
    }
    return found ? { cause: found.cause, fix: found.fix, evidence: found.seq } : undefined;
  },
};
