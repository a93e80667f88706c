/**
 * RFC 6749 §2.3: a client MUST NOT use more than one authentication method in one
 * request. Sending the secret both in a Basic header and in the body is refused by
 * strict providers (AD FS MSIS9631, RFC-strict servers).
 */
import { errorSummary, failuresOf } from './client-auth.js';
import type { Diagnosis } from './diagnosis.js';
import { describe } from './traffic.js';

export const credentialsSentTwice: Diagnosis = {
  id: 'credentials-sent-twice',
  level: 'error',
  title: 'Client credentials are sent twice in one request',
  specRef: 'RFC 6749 §2.3',
  fix: [
    'Send the credentials in one place only: the Basic header or the request body, whichever the provider accepts.',
    'When the Basic header is used, remove client_secret from the form body.',
  ],
  detect({ exchanges }) {
    const found = failuresOf(exchanges, 'twice');
    const f = found[found.length - 1];
    if (!f) return undefined;
    const where = f.used === 'multiple' ? 'both an HTTP Basic header and client_secret in the request parameters' : 'more than one client authentication method';
    return {
      cause: `The request carried ${where}; a client must use one method per request. ${describe(f.exchange)} answered ${errorSummary(f.error)}.`,
      evidence: found.map((x) => x.exchange.seq),
    };
  },
};
