/** Quirk matrix rows: each check passes on the conformant broken AS and fails with the quirks listed. */
import type { MatrixGroup } from '../../check-matrix.js';

export const CODE_MATRIX: MatrixGroup = {
  name: 'authorization code exchange (RFC 6749 §4.1.3)',
  rows: [
    { id: 'AS-AC-SINGLE-USE', broken: ['code-reusable'] },
    { id: 'AS-AC-REUSE-REVOKES', broken: ['code-reuse-keeps-tokens'] },
    { id: 'AS-AC-CLIENT-BINDING', broken: ['code-not-client-bound'] },
    { id: 'AS-AC-REDIRECT-PRESENT', broken: ['redirect-uri-optional-at-token'] },
    { id: 'AS-AC-REDIRECT-IDENTICAL', broken: ['redirect-uri-not-compared'] },
    { id: 'AS-AC-CODE-VALID', broken: ['any-code-accepted'] },
    { id: 'AS-AC-CONF-AUTH', broken: ['code-redeem-without-secret'] },
    { id: 'AS-AC-PUBLIC-CLIENT-ID', broken: ['public-code-no-client-id', 'code-not-client-bound'] },
    { id: 'AS-AC-CODE-EXPIRES', broken: ['codes-never-expire'] },
    { id: 'AS-AC-CODE-10MIN', broken: ['codes-never-expire'] },
  ],
};
