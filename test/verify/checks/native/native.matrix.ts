/** Quirk matrix rows: each check passes on the conformant broken AS and fails with the quirks listed. */
import type { MatrixGroup } from '../../check-matrix.js';

export const NATIVE_MATRIX: MatrixGroup = {
  name: 'native apps (RFC 8252)',
  rows: [
    { id: 'AS-NAT-LOOPBACK-PORT', broken: ['loopback-exact-port'] },
    { id: 'AS-NAT-LOOPBACK-ONLY-PORT', broken: ['loopback-any-path'] },
  ],
};
