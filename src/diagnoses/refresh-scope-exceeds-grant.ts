/**
 * The client asked, at refresh, for a scope the grant does not hold, and the provider
 * refused with `invalid_scope` (RFC 6749 §6). Typical: requests-oauthlib and authlib send
 * the scope of the login with every refresh; when the provider narrowed the grant
 * (dropped `offline_access`, as Microsoft and oidc-provider do, or the user unticked a
 * scope), the refresh asks for more than the grant and a strict provider refuses it.
 * Measured on oidc-provider 9: those two clients fail there, Go's and Ruby's succeed.
 */
import { errorSummary } from './client-auth.js';
import type { Diagnosis } from './diagnosis.js';
import { refreshesBeyondGrant } from './refresh-scope.js';
import { describe, list } from './traffic.js';

export const refreshScopeExceedsGrant: Diagnosis = {
  id: 'refresh-scope-exceeds-grant',
  level: 'error',
  title: 'A refresh asked for a scope the grant does not hold, and was refused',
  specRef: 'RFC 6749 §6',
  fix: [
    "Send no scope with a refresh request (the new token gets the grant's scope), or only scopes from the grant: the scope member of the last token response.",
    "In requests-oauthlib and authlib, which add the session's scope to every refresh, refresh through a session created without a scope, or pass the granted scope (the token's scope member) explicitly.",
  ],
  detect({ exchanges }) {
    const found = refreshesBeyondGrant(exchanges).filter((f) => f.error?.code === 'invalid_scope');
    const f = found[found.length - 1];
    if (!f) return undefined;
    return {
      cause: `The refresh request (${describe(f.refresh.exchange)}) asked for scope [${f.asked.join(' ')}], but the grant holds [${f.granted.join(' ')}] (the token response of exchange #${f.issuedBy.exchange.seq}): ${list(f.beyond)} ${f.beyond.length > 1 ? 'are' : 'is'} not part of it. The grant was narrowed at login (the provider drops scopes such as offline_access from it, or the user unticked ${f.beyond.length > 1 ? 'them' : 'it'}), and RFC 6749 §6 forbids a refresh to ask for a scope not originally granted: ${errorSummary(f.error!)}.`,
      fix: [`Stop sending ${list(f.beyond)} at refresh: omit scope, or send only [${f.granted.join(' ')}].`],
      evidence: [f.issuedBy.exchange.seq, ...found.map((x) => x.refresh.exchange.seq)],
    };
  },
};
