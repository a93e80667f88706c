/**
 * A token response without `token_type` (RFC 6749 §5.1 REQUIRED; LinkedIn omits it), or
 * with a type other than Bearer. Strict clients (oauth4webapi, openid-client) refuse it.
 */
import type { Diagnosis } from './diagnosis.js';
import { describe, tokenGrants } from './traffic.js';

export const tokenTypeMissing: Diagnosis = {
  id: 'token-type-missing',
  level: 'warning',
  title: 'The token response has no token_type',
  specRef: 'RFC 6749 §5.1',
  fix: [
    "Treat a missing token_type as Bearer when the provider documents Bearer tokens (LinkedIn does), instead of refusing the response.",
    "Report it to the provider: token_type is required.",
  ],
  detect({ exchanges }) {
    const found = tokenGrants(exchanges).filter((g) => g.exchange.response.status < 300 && typeof g.body.access_token === 'string' && g.body.token_type === undefined);
    const g = found[found.length - 1];
    if (!g) return undefined;
    return {
      cause: `The token response (${describe(g.exchange)}) carries an access_token but no token_type, which RFC 6749 §5.1 requires; a strict client refuses the whole response.`,
      evidence: found.map((x) => x.exchange.seq),
    };
  },
};
