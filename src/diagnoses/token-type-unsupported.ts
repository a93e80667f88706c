/**
 * A token response whose `token_type` is neither Bearer (RFC 6750) nor DPoP (RFC 9449),
 * in any case: Slack's "bot" and "user", eBay's "User Access Token", "mac", "N_A". Strict
 * clients (oauth4webapi, openid-client) refuse the whole response; the tokens are in fact
 * used as Bearer tokens.
 */
import type { Diagnosis } from './diagnosis.js';
import { describe, tokenGrants } from './traffic.js';

export const tokenTypeUnsupported: Diagnosis = {
  id: 'token-type-unsupported',
  level: 'warning',
  title: 'The token response names a token_type other than Bearer',
  specRef: 'RFC 6749 §7.1, RFC 6750',
  fix: [
    "Where the provider documents its tokens as sent in an Authorization: Bearer header, treat its token_type as Bearer instead of refusing the response.",
    'Report it to the provider: clients that follow RFC 6750 strictly cannot use the token.',
  ],
  detect({ exchanges }) {
    const found = tokenGrants(exchanges).filter((g) => g.exchange.response.status < 300 && typeof g.body.access_token === 'string' && typeof g.body.token_type === 'string' && !/^(bearer|dpop)$/i.test(g.body.token_type));
    const g = found[found.length - 1];
    if (!g) return undefined;
    return {
      cause: `The token response (${describe(g.exchange)}) says token_type "${String(g.body.token_type)}", neither Bearer (RFC 6750) nor DPoP (RFC 9449); a strict client refuses the whole response, a lenient one sends the token as Bearer.`,
      evidence: found.map((x) => x.exchange.seq),
    };
  },
};
