/** Quirk matrix rows: each check passes on the conformant broken AS and fails with the quirks listed. */
import type { MatrixGroup } from '../../check-matrix.js';

export const ISS_MATRIX: MatrixGroup = {
  name: 'issuer identification (RFC 9207)',
  rows: [
    { id: 'AS-ISS-SUCCESS', broken: ['iss-with-query', 'no-iss'] },
    { id: 'AS-ISS-ERROR', broken: ['no-iss-on-error'] },
    { id: 'AS-ISS-FORMAT', broken: ['iss-with-query'], options: { allowInsecureLoopback: true } },
    { id: 'AS-ISS-METADATA', broken: ['iss-unadvertised', 'no-iss'] },
    { id: 'AS-ISS-IDTOKEN-MATCH', broken: ['idtoken-wrong-iss'] },
    // the server restricts the test client to code: not tested (inconclusive), never a failure
    { id: 'AS-ISS-IDTOKEN-MATCH', broken: [], base: ['hybrid-not-for-client'], conformant: 'inconclusive' },
  ],
};
