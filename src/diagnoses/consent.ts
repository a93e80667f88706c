/**
 * What happened to the requested scopes in one login: what the client asked for, what
 * the consent page offered, what the user ticked, and what the token finally carried.
 * Used to tell "the user declined" from "the provider does not allow it for this app".
 */
import type { Exchange } from '../results/model.js';
import { authorizationRequests, callbackErrors, grantedScopes, isHtml, kindOf, locationParams, paramsOf, splitScopes, tokenGrants, type TokenGrant } from './traffic.js';
import { controlsNamed } from '../user-agent/html.js';

export interface LoginScopes {
  authorization: Exchange;
  requested: string[];
  /** Scopes shown on the consent page (undefined: no consent page was seen). */
  offered: string[] | undefined;
  /** Scopes the user left ticked when submitting the consent form (undefined: not seen). */
  ticked: string[] | undefined;
  /** The user pressed "deny" (or the provider redirected back with access_denied). */
  deniedAll: Exchange | undefined;
  /** For `deniedAll`: the provider's error_description, and whether the user's own "deny" was seen. */
  denial: { description: string; byUser: boolean } | undefined;
  /** Scopes the provider itself reported as declined (Facebook `denied_scopes`). */
  reportedDenied: string[];
  /** The token grant that ended this login, if any. */
  grant: TokenGrant | undefined;
  /** Scopes of that grant (undefined when the response has no `scope`). */
  granted: string[] | undefined;
}

/** Scope inputs of a consent form (checkboxes or hidden fields named `scope`), read by the one HTML reader. */
export function consentScopes(html: string): string[] | undefined {
  if (!/name\s*=\s*["']?scope/i.test(html)) return undefined; // no scope control at all: skip the parse
  // several detectors read the same login: the page is parsed once (the last few pages kept)
  if (parsedPages.has(html)) return parsedPages.get(html)?.slice();
  const inputs = controlsNamed(html, 'scope').filter((c) => c.tag === 'input');
  const scopes = inputs.length ? [...new Set(inputs.flatMap((i) => (i.attrs.value !== undefined ? [i.attrs.value] : [])))] : undefined;
  if (parsedPages.size >= 16) parsedPages.delete(parsedPages.keys().next().value!);
  parsedPages.set(html, scopes);
  return scopes?.slice();
}

/** Consent pages already read, by their text, oldest first. */
const parsedPages = new Map<string, string[] | undefined>();

/** Each login (authorization request) with what became of its scopes. */
export function loginScopes(all: Exchange[]): LoginScopes[] {
  const auths = authorizationRequests(all);
  const grants = tokenGrants(all).filter((g) => g.grantType === 'authorization_code');
  const errors = callbackErrors(all);
  return auths.map((a, i) => {
    const start = a.exchange.seq;
    const end = auths[i + 1]?.exchange.seq ?? Infinity;
    const within = (e: Exchange) => e.seq >= start && e.seq < end;
    const page = all.filter((e) => within(e) && e.from === 'user-agent' && e.response.status === 200 && isHtml(e.response)).map((e) => consentScopes(e.response.body ?? '')).find((s) => s !== undefined);
    const decision = all.find((e) => within(e) && kindOf(e) === 'decision' && e.request.method === 'POST');
    const form = decision ? paramsOf(decision) : undefined;
    const denied = errors.find((x) => within(x.exchange) && x.error === 'access_denied');
    const reported = all.filter(within).flatMap((e) => splitScopes(locationParams(e)?.params.get('denied_scopes')));
    const grant = grants.find((g) => within(g.exchange) && g.ok);
    return {
      authorization: a.exchange,
      requested: splitScopes(a.params.get('scope')),
      offered: page,
      ticked: form && (form.has('scope') || page) ? form.getAll('scope').flatMap((s) => splitScopes(s)) : undefined,
      deniedAll: denied?.exchange ?? (form?.get('decision') === 'deny' ? decision : undefined),
      denial: denied || form?.get('decision') === 'deny' ? { description: denied?.description ?? '', byUser: form?.get('decision') === 'deny' } : undefined,
      reportedDenied: reported,
      grant,
      granted: grant ? grantedScopes(grant) : undefined,
    };
  });
}
