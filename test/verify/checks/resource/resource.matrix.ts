/** Quirk matrix rows: each check passes on the conformant broken AS and fails with the quirks listed. */
import type { MatrixGroup } from '../../check-matrix.js';

export const RESOURCE_MATRIX: MatrixGroup = {
  name: 'resource server (RFC 6750)',
  rows: [
    { id: 'RS-BEARER-HEADER', broken: ['rs-requires-query'] },
    { id: 'RS-SCHEME-CASE', broken: ['rs-scheme-case-sensitive'] },
    { id: 'RS-BODY-PARAM', broken: ['rs-body-500'] },
    { id: 'RS-QUERY-PARAM', broken: ['rs-accepts-query'] },
    { id: 'RS-QUERY-CACHE-PRIVATE', base: ['rs-accepts-query'], broken: ['rs-no-cache-private'] },
    { id: 'RS-QUERY-CACHE-PRIVATE', broken: [], conformant: 'skipped' },
    { id: 'RS-401-NO-TOKEN', broken: ['rs-no-token-403'] },
    { id: 'RS-401-INVALID-TOKEN', broken: ['rs-invalid-token-no-challenge'] },
    { id: 'RS-403-INSUFFICIENT-SCOPE', broken: ['rs-insufficient-scope-401'] },
    { id: 'RS-400-INVALID-REQUEST', broken: ['rs-two-methods-ok'] },
    { id: 'RS-CHALLENGE-SYNTAX', broken: ['rs-bad-challenge'] },
    { id: 'RS-VALIDATE-TOKEN', broken: ['rs-no-expiry-check', 'revocation-noop-at'] },
    { id: 'RS-AUDIENCE', broken: ['rs-ignores-audience'] },
    { id: 'RS-CACHE-AUTHENTICATED', broken: ['rs-public-cache'] },
  ],
};
