/**
 * The provider wants `client_id` in the body of a token request even when an HTTP Basic
 * header already names the client. RFC 6749 §3.2.1 asks it only of clients that do not
 * authenticate, so clients that follow it to the letter (oauth4webapi, openid-client)
 * leave it out, and the request is refused with an error that names `client_id`.
 */
import { missingClientId } from './client-auth.js';
import type { Diagnosis } from './diagnosis.js';
import { describe, errorOf, failed, kindOf, quote } from './traffic.js';

export const clientIdMissingFromBody: Diagnosis = {
  id: 'client-id-missing-from-body',
  level: 'error',
  title: 'The provider wants client_id in the request body beside the Basic header',
  specRef: 'RFC 6749 §3.2.1',
  fix: [
    "Send client_id in the form body of token requests as well as in the Basic header (most libraries have an option for extra token parameters).",
    'Or, where the provider accepts it, send the credentials in the body instead (client_secret_post).',
  ],
  detect({ exchanges }) {
    const found = exchanges.filter((e) => {
      const k = kindOf(e);
      if ((k !== 'token' && k !== 'revocation') || !failed(e)) return false;
      const err = errorOf(e.response);
      return err !== undefined && missingClientId(e, err);
    });
    const e = found[found.length - 1];
    if (!e) return undefined;
    const err = errorOf(e.response)!;
    return {
      cause: `${describe(e)}: the client authenticated with an HTTP Basic header and sent no client_id in the body, and the provider refused it with ${err.code ?? `HTTP ${err.status}`} ${quote(err.text)}. RFC 6749 §3.2.1 does not require client_id with Basic, but this provider does.`,
      evidence: found.map((x) => x.seq),
    };
  },
};
