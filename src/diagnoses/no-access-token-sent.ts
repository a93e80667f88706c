/**
 * The API was called without credentials (docs/behaviours.md §5): no Authorization header (and
 * no access_token parameter), answered 401 or 403. Distinct from an expired or a too
 * narrow token: the integration is not set to use authentication at all.
 */
import { getHeader } from '../observe/wire.js';
import type { Diagnosis } from './diagnosis.js';
import { describe, kindOf, paramsOf } from './traffic.js';

export const noAccessTokenSent: Diagnosis = {
  id: 'no-access-token-sent',
  level: 'error',
  title: 'The API was called without an access token',
  specRef: 'RFC 6750 §2',
  fix: [
    "Set the integration's API requests to use authentication: OAuth 2.0 sends 'Authorization: Bearer <access token>' on every call.",
    'Connect a user first, so that there is a token to send.',
  ],
  detect({ exchanges }) {
    // a call authenticated some other way (session cookie, API key) is not this case
    const otherAuth = (e: (typeof exchanges)[number]) => getHeader(e.request.headers, 'cookie') !== undefined || Object.keys(e.request.headers).some((h) => /^(x-)?api[-_]?key$|^x-auth-token$/i.test(h)) || paramsOf(e).has('api_key');
    const hits = exchanges.filter((e) => kindOf(e) === 'api' && (e.response.status === 401 || e.response.status === 403) && !getHeader(e.request.headers, 'authorization') && !paramsOf(e).has('access_token') && !otherAuth(e));
    const last = hits[hits.length - 1];
    if (!last) return undefined;
    const challenge = getHeader(last.response.headers, 'www-authenticate');
    const scheme = challenge ? /^\s*(\w+)/.exec(challenge)?.[1] : undefined;
    const asks = scheme ? ` The API asks for ${scheme} credentials (WWW-Authenticate: ${scheme} …).` : '';
    const basic = scheme && /^basic$/i.test(scheme);
    return {
      cause: `${describe(last)}: no Authorization header was sent, so the API could not tell who is calling.${asks}`,
      ...(basic ? { fix: ["This web service uses HTTP Basic: set the integration's authentication to Basic with the service's login and password."] } : {}),
      evidence: hits.map((e) => e.seq),
    };
  },
};
