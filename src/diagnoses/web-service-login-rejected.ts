/**
 * A web service that uses plain HTTP Basic (docs/behaviours.md §10) refused the login and
 * password sent: 401 (with `WWW-Authenticate: Basic`, or no challenge). Names the login
 * seen in the header, never the password.
 */
import { basicParts, getHeader } from '../observe/wire.js';
import type { Diagnosis } from './diagnosis.js';
import { describe, errorOf, kindOf, quote } from './traffic.js';

export const webServiceLoginRejected: Diagnosis = {
  id: 'web-service-login-rejected',
  level: 'error',
  title: 'The web service rejects the login and password',
  specRef: 'RFC 7617',
  fix: [
    "Enter the web service user's current login and password in the integration (the password may have been changed or may have expired).",
    'Check that the account is active and not locked after failed attempts, and that it may use the web service.',
  ],
  detect({ exchanges }) {
    const hits = exchanges.filter((e) => {
      if (kindOf(e) !== 'api' || e.response.status !== 401 || !basicParts(e.request)) return false;
      const challenge = getHeader(e.response.headers, 'www-authenticate');
      return !challenge || /^\s*basic\b/i.test(challenge);
    });
    const e = hits[hits.length - 1];
    if (!e) return undefined;
    const login = basicParts(e.request)!.id;
    const err = errorOf(e.response);
    return {
      cause: `${describe(e)}: the web service refused the login "${login}" and its password sent in the Basic header${err?.text ? ` (${quote(err.text)})` : ''}.`,
      evidence: hits.map((x) => x.seq),
    };
  },
};
