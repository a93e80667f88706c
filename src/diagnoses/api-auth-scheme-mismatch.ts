/**
 * The API asks for another authentication scheme than the one sent: a Bearer token to a
 * web service that only knows Basic (docs/behaviours.md §10), or Basic credentials to an
 * OAuth-protected API. Read from the 401's `WWW-Authenticate` challenge.
 */
import { getHeader } from '../observe/wire.js';
import type { Diagnosis } from './diagnosis.js';
import { describe, kindOf } from './traffic.js';

export const apiAuthSchemeMismatch: Diagnosis = {
  id: 'api-auth-scheme-mismatch',
  level: 'error',
  title: 'The API expects a different kind of authentication',
  specRef: 'RFC 9110 §11.6.1',
  fix: ["Check the service's documentation for the authentication it takes on this URL, and set the integration's authentication to match."],
  detect({ exchanges }) {
    const hits = exchanges
      .filter((e) => kindOf(e) === 'api' && e.response.status === 401)
      .map((e) => ({ e, sent: /^\s*(\w+)\s/.exec(getHeader(e.request.headers, 'authorization') ?? '')?.[1], wanted: /^\s*(\w+)/.exec(getHeader(e.response.headers, 'www-authenticate') ?? '')?.[1] }))
      .filter((h) => h.sent && h.wanted && h.sent.toLowerCase() !== h.wanted.toLowerCase());
    const h = hits[hits.length - 1];
    if (!h) return undefined;
    const wantsBasic = /^basic$/i.test(h.wanted!);
    return {
      cause: `${describe(h.e)}: the request carried ${h.sent} credentials, but the API answered with a ${h.wanted} challenge (WWW-Authenticate: ${h.wanted} …): it does not take ${h.sent} on this URL.`,
      fix: [
        wantsBasic
          ? "This web service uses HTTP Basic: set the integration's authentication to Basic with the service's login and password (an OAuth token will not open it)."
          : /^bearer$/i.test(h.wanted!)
            ? "This API uses OAuth 2.0: connect a user and send 'Authorization: Bearer <access token>' instead of a login and password."
            : `Send ${h.wanted} credentials as the service documents.`,
      ],
      evidence: hits.map((x) => x.e.seq),
    };
  },
};
