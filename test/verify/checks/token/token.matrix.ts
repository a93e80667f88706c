/** Quirk matrix rows: each check passes on the conformant broken AS and fails with the quirks listed. */
import type { MatrixGroup } from '../../check-matrix.js';

export const TOKEN_MATRIX: MatrixGroup = {
  name: 'token endpoint (RFC 6749 §3.2, §5.2)',
  rows: [
    { id: 'AS-TOK-POST-ONLY', broken: ['token-accepts-get'] },
    { id: 'AS-TOK-FORM-BODY', broken: ['form-plus-not-space'] },
    { id: 'AS-TOK-EMPTY-PARAM', broken: ['empty-param-not-absent'] },
    { id: 'AS-TOK-IGNORE-UNKNOWN', broken: ['token-rejects-unknown-params'] },
    { id: 'AS-TOK-NO-REPEAT', broken: ['token-allows-repeat'] },
    { id: 'AS-TOK-MISSING-GRANT', broken: ['missing-grant-unsupported'] },
    { id: 'AS-TOK-UNSUPPORTED-GRANT', broken: ['unknown-grant-invalid-request'] },
    { id: 'AS-TOK-UNAUTHORIZED-CLIENT', broken: ['cc-for-all-clients'] },
    { id: 'AS-TOK-INVALID-SCOPE', broken: ['invalid-scope-granted', 'narrow-scope-silently'] },
    { id: 'AS-TOK-ERROR-FORMAT', broken: ['error-status-200', 'error-form-encoded', 'invalid-client-400'] },
    { id: 'AS-TOK-ERROR-CHARSET', broken: ['error-description-quotes'] },
    { id: 'AS-TOK-CORS', broken: ['token-cors-wildcard-credentials'] },
    { id: 'AS-TOK-ROPC-DISABLED', broken: ['ropc-enabled', 'ropc-unadvertised'] },
    // a refusal without a token is not an offer, whatever it looks like (Glewlwyd's bare 403)
    { id: 'AS-TOK-ROPC-DISABLED', broken: ['ropc-unadvertised'], base: ['password-refused-bare-403'] },
  ],
};

export const TOKEN_RESPONSE_MATRIX: MatrixGroup = {
  name: 'token response (RFC 6749 §5.1)',
  rows: [
    { id: 'AS-TR-200-JSON', broken: ['token-form-encoded'] },
    { id: 'AS-TR-ACCESS-TOKEN', broken: ['access-token-empty'] },
    { id: 'AS-TR-TOKEN-TYPE', broken: ['no-token-type'] },
    { id: 'AS-TR-EXPIRES-IN', broken: ['no-expires-in'] },
    { id: 'AS-TR-EXPIRES-IN-NUMBER', broken: ['expires-in-string'] },
    { id: 'AS-TR-SCOPE-IF-DIFFERENT', broken: ['narrow-scope-silently'], conformant: 'skipped' },
    { id: 'AS-TR-SCOPE-IF-DIFFERENT', broken: [], base: ['invalid-scope-granted'] },
    { id: 'AS-TR-NO-STORE', broken: ['no-cache-control'] },
    { id: 'AS-TR-PRAGMA', broken: ['no-pragma'] },
    { id: 'AS-TR-NO-DUP-MEMBERS', broken: ['duplicate-json-member'] },
    { id: 'AS-TR-SHORT-LIVED', broken: ['long-lived-tokens'] },
    { id: 'AS-TR-AUDIENCE', broken: ['no-audience'] },
    { id: 'AS-TR-SENDER-CONSTRAINED', broken: ['no-dpop-metadata'] },
    { id: 'AS-SEC-ENTROPY-128', broken: ['sequential-tokens'] },
    { id: 'AS-SEC-ENTROPY-160', broken: ['sequential-tokens'] },
  ],
};
