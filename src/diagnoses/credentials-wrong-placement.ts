/**
 * The client put its id and secret where this provider does not take them
 * (docs/behaviours.md §1; RFC 6749 §2.3.1). Evidence: the error names the accepted
 * placement, the metadata's `token_endpoint_auth_methods_supported`, a Basic challenge
 * answering body credentials, a refused GET, or the same client succeeding elsewhere.
 */
import { errorSummary, failuresOf, PLACEMENT_TEXT } from './client-auth.js';
import type { Diagnosis } from './diagnosis.js';
import { describe, list } from './traffic.js';

const SETTING: Record<string, string> = { basic: 'HTTP Basic header (client_secret_basic)', body: 'request body (client_secret_post)', query: 'query string (GET request, Facebook style)' };

export const credentialsWrongPlacement: Diagnosis = {
  id: 'credentials-wrong-placement',
  level: 'error',
  title: 'Client credentials are sent where the provider does not accept them',
  specRef: 'RFC 6749 §2.3.1',
  fix: [
    "Check the provider's documentation (or token_endpoint_auth_methods_supported in its /.well-known metadata) for the client authentication method it accepts.",
    'Use that placement for every request that carries the secret: code exchange, refresh and revocation.',
    'Connect the user again.',
  ],
  detect({ exchanges }) {
    // a client that moved its credentials at once and got through is credentials-placement-probed
    const found = failuresOf(exchanges, 'placement').filter((f) => !f.recoveredBy);
    const f = found[found.length - 1];
    if (!f) return undefined;
    const wanted = f.wanted.map((w) => PLACEMENT_TEXT[w]);
    return {
      cause: `The client sent its credentials in ${PLACEMENT_TEXT[f.used]}, but the provider wants them in ${list(wanted).replace(/ and /, ' or ')}: ${f.how}. ${describe(f.exchange)} answered ${errorSummary(f.error)}.`,
      fix: [`Set the integration's credential placement to the ${SETTING[f.wanted[0]!]}.`],
      evidence: found.map((x) => x.exchange.seq),
    };
  },
};
