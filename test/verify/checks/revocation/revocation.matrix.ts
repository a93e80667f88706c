/** Quirk matrix rows: each check passes on the conformant broken AS and fails with the quirks listed. */
import type { MatrixGroup } from '../../check-matrix.js';

export const REVOCATION_MATRIX: MatrixGroup = {
  name: 'token revocation (RFC 7009)',
  rows: [
    { id: 'AS-REV-RT', broken: ['revocation-noop'] },
    // refused without invalid_grant: the token is dead, the error shape is another row's (no false failure)
    { id: 'AS-REV-RT', broken: ['revocation-noop'], base: ['refresh-refused-bare-400'] },
    { id: 'AS-REV-AT', broken: ['revocation-noop-at'] },
    { id: 'AS-REV-INVALID-TOKEN-200', broken: ['revocation-invalid-token-400'] },
    { id: 'AS-REV-BAD-HINT-IGNORED', broken: ['revocation-rejects-unknown-hint'] },
    { id: 'AS-REV-HINT-FALLBACK', broken: ['revocation-hint-strict'] },
    { id: 'AS-REV-CLIENT-AUTH', broken: ['revocation-no-client-auth', 'no-www-authenticate'] },
    { id: 'AS-REV-CLIENT-BINDING', broken: ['revocation-any-client'] },
    { id: 'AS-REV-IMMEDIATE', broken: ['revocation-delayed'] },
    { id: 'AS-REV-CASCADE', broken: ['revocation-no-cascade'] },
    { id: 'AS-REV-AT-REVOKES-RT', broken: ['at-revocation-keeps-rt'] },
    { id: 'AS-REV-UNSUPPORTED-TYPE', broken: ['revocation-at-400-invalid-request'] },
    { id: 'AS-REV-MISSING-TOKEN', broken: ['revocation-missing-token-200'] },
    { id: 'AS-REV-HTTPS', broken: ['http-revocation-endpoint'], conformant: 'skipped' },
    { id: 'AS-REV-DOS', broken: ['no-throttling'] },
  ],
};
