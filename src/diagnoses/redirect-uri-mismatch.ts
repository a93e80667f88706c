/**
 * The redirect URL does not match what the provider has registered (docs/behaviours.md §3):
 * the provider shows an error page instead of redirecting (Google "Error 400:
 * redirect_uri_mismatch", Auth0 "Callback URL mismatch", Azure AADSTS50011, Keycloak
 * "Invalid parameter: redirect_uri"), or the token endpoint refuses a `redirect_uri` that
 * differs from the one of the authorization request (RFC 6749 §4.1.3).
 */
import type { Exchange } from '../results/model.js';
import { DOMAIN_REFUSED } from './address-rules.js';
import type { Diagnosis } from './diagnosis.js';
import { authorizationRequests, callbackErrors, describe, errorOf, failed, isErrorPage, quote, tokenGrants } from './traffic.js';

const REDIRECT = /redirect[_ ]?ur[il]|callback url|redirect url|reply url|redirect_uri_mismatch/i;

export const redirectUriMismatch: Diagnosis = {
  id: 'redirect-uri-mismatch',
  level: 'error',
  title: 'The redirect URL does not match the one registered at the provider',
  specRef: 'RFC 6749 §3.1.2, §4.1.3',
  fix: [
    'Compare the two URLs character by character: scheme (http or https), host, port, path and trailing slash all count; providers compare exactly.',
    'Connect the user again.',
  ],
  detect({ exchanges }) {
    const evidence: Exchange[] = [];
    let cause = '';
    let fix: string[] = [];
    // 1. the provider refused to send the browser back (error page, no redirect)
    for (const a of authorizationRequests(exchanges)) {
      const res = a.exchange.response;
      if (!isErrorPage(res)) continue;
      const err = errorOf(res);
      const text = `${err?.code ?? ''} ${err?.text ?? ''}`;
      if (!err || !REDIRECT.test(text) || DOMAIN_REFUSED.test(text)) continue;
      const uri = a.params.get('redirect_uri');
      evidence.push(a.exchange);
      cause = `The provider refused to redirect back to ${uri ? uri : 'the client (the request has no redirect_uri)'}: ${describe(a.exchange)} showed ${quote(err.text || err.code || '')} instead of the login page. It sends the browser only to a redirect URL registered for the app, compared exactly.`;
      fix = uri
        ? [`Register ${uri} in the app's settings at the provider, or set the integration's redirect URL to the one registered there.`]
        : ["Set the integration's redirect URL: this provider requires redirect_uri."];
    }
    // 2. an error sent back to the client (some providers redirect with it)
    for (const c of callbackErrors(exchanges)) {
      if (!REDIRECT.test(`${c.error} ${c.description}`)) continue;
      evidence.push(c.exchange);
      cause = `The provider answered the authorization request with ${c.error} ${quote(c.description)}.`;
    }
    // 3. the token endpoint refused the redirect_uri of the code exchange
    const auths = authorizationRequests(exchanges);
    for (const g of tokenGrants(exchanges)) {
      if (g.grantType !== 'authorization_code' || !failed(g.exchange)) continue;
      const err = errorOf(g.exchange.response);
      if (!err || !(err.code === 'redirect_uri_mismatch' || (err.code === 'invalid_grant' || err.code === 'invalid_request') && REDIRECT.test(err.text))) continue;
      const auth = [...auths].reverse().find((a) => a.exchange.seq < g.exchange.seq);
      const before = auth?.params.get('redirect_uri');
      const now = g.params.get('redirect_uri');
      evidence.push(g.exchange);
      const compare = before !== undefined && before !== null && before !== now ? ` The authorization request sent redirect_uri=${before}, the token request ${now ? `sent ${now}` : 'sent none'}.` : now ? ` The token request sent redirect_uri=${now}.` : ' The token request sent no redirect_uri.';
      cause = `The token endpoint refused the code exchange: ${describe(g.exchange)} answered ${err.code} ${quote(err.text)}.${compare}`;
      fix = ['Send exactly the same redirect_uri in the token request as in the authorization request (RFC 6749 §4.1.3).'];
    }
    if (!evidence.length) return undefined;
    return { cause, fix, evidence: evidence.map((e) => e.seq) };
  },
};
