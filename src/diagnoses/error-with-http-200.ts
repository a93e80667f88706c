/**
 * An OAuth error sent with HTTP 200 (GitHub: `bad_verification_code`,
 * `incorrect_client_credentials`, `redirect_uri_mismatch` in a 200 body). RFC 6749 §5.2
 * says 400 (or 401); a client that trusts the status reads the error as a token.
 */
import { responseFields } from '../observe/wire.js';
import type { Diagnosis } from './diagnosis.js';
import { describe, errorOf, kindOf, quote } from './traffic.js';

export const errorWithHttp200: Diagnosis = {
  id: 'error-with-http-200',
  level: 'warning',
  title: 'The provider sends OAuth errors with HTTP 200',
  specRef: 'RFC 6749 §5.2',
  fix: [
    'Check every token response for an error member before reading access_token, whatever the HTTP status.',
    "Show the provider's error code and description to the user.",
  ],
  detect({ exchanges }) {
    const found = exchanges.filter((e) => {
      const k = kindOf(e);
      if (k !== 'token' && k !== 'revocation' && k !== 'introspection') return false;
      return e.response.status >= 200 && e.response.status < 300 && typeof responseFields(e.response)?.error === 'string';
    });
    const e = found[found.length - 1];
    if (!e) return undefined;
    const err = errorOf(e.response);
    return {
      cause: `${describe(e)} carried the error ${err?.code ?? ''} ${quote(err?.text ?? '')} with HTTP 200; RFC 6749 §5.2 uses 400 or 401. A client that trusts the status code reads it as a success.`.replace(/\s+/g, ' '),
      evidence: found.map((x) => x.seq),
    };
  },
};
