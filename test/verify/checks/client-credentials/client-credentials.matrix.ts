/** Quirk matrix rows: each check passes on the conformant broken AS and fails with the quirks listed. */
import type { MatrixGroup } from '../../check-matrix.js';

export const CLIENT_CREDENTIALS_MATRIX: MatrixGroup = {
  name: 'client credentials (RFC 6749 §4.4)',
  rows: [
    { id: 'AS-CC-CONF-ONLY', broken: ['cc-public-allowed'] },
    { id: 'AS-CC-NO-REFRESH', broken: ['cc-issues-refresh'] },
  ],
};
