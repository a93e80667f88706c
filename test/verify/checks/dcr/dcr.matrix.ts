/** Quirk matrix rows: each check passes on the conformant broken AS and fails with the quirks listed. */
import type { MatrixGroup } from '../../check-matrix.js';

export const DCR_MATRIX: MatrixGroup = {
  name: 'dynamic client registration (RFC 7591)',
  rows: [
    { id: 'AS-DCR-REQUEST', broken: ['dcr-returns-200'] },
    { id: 'AS-DCR-RESPONSE', broken: ['dcr-no-secret-expires-at'] },
    { id: 'AS-DCR-ECHO', broken: ['dcr-no-echo'] },
    { id: 'AS-DCR-ERRORS', broken: ['dcr-accepts-bad-uri'] },
    { id: 'AS-DCR-NO-STORE', broken: ['dcr-no-cache-control'] },
    { id: 'AS-DCR-DEFAULT-AUTH', broken: ['dcr-default-post-only'] },
  ],
};
