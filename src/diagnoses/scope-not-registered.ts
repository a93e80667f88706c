/**
 * The app's registration at the provider does not allow a requested scope (docs/behaviours.md
 * §4): the login fails with `invalid_scope`, or the provider silently issues the token
 * with fewer scopes (RFC 6749 §3.3 allows both). Told apart from a user's choice at
 * consent: a scope the consent page never offered was dropped by the provider.
 */
import type { Exchange } from '../results/model.js';
import { loginScopes } from './consent.js';
import type { Diagnosis } from './diagnosis.js';
import { OFFLINE_SCOPES } from './missing-refresh.js';
import { refreshesBeyondGrant } from './refresh-scope.js';
import { commaJoined } from './scope-delimiter-wrong.js';
import { authorizationRequests, callbackErrors, describe, errorOf, grantedScopes, list, quote, splitScopes, tokenGrants } from './traffic.js';

/** Requested scopes that the provider's explanation names. */
function named(requested: string[], text: string): string[] {
  return requested.filter((s) => text.split(/[\s,"'`:;()[\]]+/).includes(s));
}

export const scopeNotRegistered: Diagnosis = {
  id: 'scope-not-registered',
  level: 'error',
  title: "A requested scope is not allowed for the app at the provider",
  specRef: 'RFC 6749 §3.3',
  fix: [
    "Add the scopes to the app's registration at the provider (its API permissions or scopes page), or remove them from the integration's scope list.",
    'Revoke the old token, delete the stored connection and connect again, so the new grant carries the right scopes.',
  ],
  detect({ exchanges }) {
    let cause = '';
    let fix: string[] = [];
    const evidence: Exchange[] = [];
    const auths = authorizationRequests(exchanges);
    // 1. invalid_scope sent back on the redirect
    for (const c of callbackErrors(exchanges)) {
      if (c.error !== 'invalid_scope') continue;
      const auth = [...auths].reverse().find((a) => a.exchange.seq <= c.exchange.seq);
      if (commaJoined(auth?.params.get('scope'))) continue; // scope-delimiter-wrong explains it
      const requested = splitScopes(auth?.params.get('scope'));
      const bad = named(requested, c.description);
      evidence.push(c.exchange);
      cause = `The provider refused the login with invalid_scope ${quote(c.description)}. The client asked for [${requested.join(' ')}]${bad.length ? `; not allowed for this app: ${list(bad)}` : ''}.`;
      fix = bad.length ? [`Allow ${list(bad)} for the app at the provider, or remove ${bad.length > 1 ? 'them' : 'it'} from the integration's scopes.`] : [];
    }
    // 2. invalid_scope at the token endpoint (client credentials, refresh with more scope)
    const beyondGrant = new Set(refreshesBeyondGrant(exchanges).map((f) => f.refresh.exchange.seq)); // refresh-scope-exceeds-grant explains those
    for (const g of tokenGrants(exchanges)) {
      const err = errorOf(g.exchange.response);
      if (err?.code !== 'invalid_scope' || commaJoined(g.params.get('scope')) || beyondGrant.has(g.exchange.seq)) continue;
      const requested = splitScopes(g.params.get('scope'));
      const bad = named(requested, err.text);
      evidence.push(g.exchange);
      cause = `The token endpoint refused the ${g.grantType || 'token'} request with invalid_scope ${quote(err.text)}${requested.length ? `; it asked for [${requested.join(' ')}]` : ''}${bad.length ? `; not allowed: ${list(bad)}` : ''}.`;
      fix = bad.length ? [`Allow ${list(bad)} for the app at the provider, or stop asking for ${bad.length > 1 ? 'them' : 'it'}.`] : [];
    }
    // 3. the token came back with fewer scopes, and the user did not decline them
    for (const l of loginScopes(exchanges)) {
      if (!l.grant || !l.granted || l.deniedAll) continue;
      // an offline scope that did its work (a refresh token came back) is left out of the grant by some providers (Microsoft), not refused
      const earnedRefresh = typeof l.grant.body.refresh_token === 'string';
      const missing = l.requested.filter((s) => !l.granted!.includes(s) && !(earnedRefresh && OFFLINE_SCOPES.includes(s)));
      if (!missing.length) continue;
      const declined = new Set([...l.reportedDenied, ...(l.offered && l.ticked ? l.offered.filter((s) => !l.ticked!.includes(s)) : [])]);
      const dropped = missing.filter((s) => !declined.has(s) && (l.offered === undefined || !l.offered.includes(s)));
      if (!dropped.length) continue;
      evidence.push(l.grant.exchange);
      const how = l.offered === undefined ? 'no consent page was seen, so either the provider dropped them or the user declined them' : 'the consent page never offered them to the user';
      cause = `The token (${describe(l.grant.exchange)}) was issued with scope [${l.granted.join(' ')}], without ${list(dropped)} that the client asked for; ${how}. The provider narrows the scopes to those the app's registration allows, and API calls that need them will fail.`;
      fix = [`Allow ${list(dropped)} for the app at the provider, or remove ${dropped.length > 1 ? 'them' : 'it'} from the integration's scopes.`];
    }
    // client credentials narrowed: no user involved
    for (const g of tokenGrants(exchanges)) {
      if (g.grantType !== 'client_credentials' || !g.ok) continue;
      const requested = splitScopes(g.params.get('scope'));
      const granted = grantedScopes(g);
      const missing = granted ? requested.filter((s) => !granted.includes(s)) : [];
      if (!missing.length) continue;
      evidence.push(g.exchange);
      cause = `The client-credentials token (${describe(g.exchange)}) was issued with scope [${granted!.join(' ')}], without ${list(missing)}: the app's registration does not allow ${missing.length > 1 ? 'them' : 'it'}.`;
      fix = [`Allow ${list(missing)} for the app at the provider.`];
    }
    return evidence.length ? { cause, fix, evidence: evidence.map((e) => e.seq) } : undefined;
  },
};
