/** Quirk matrix rows: each check passes on the conformant broken AS and fails with the quirks listed. */
import type { MatrixGroup } from '../../check-matrix.js';

export const REFRESH_MATRIX: MatrixGroup = {
  name: 'refresh tokens (RFC 6749 §6; RFC 9700 §4.14.2)',
  rows: [
    { id: 'AS-RT-CONF-AUTH', broken: ['refresh-without-secret'] },
    { id: 'AS-RT-CLIENT-BINDING', broken: ['refresh-not-client-bound'] },
    { id: 'AS-RT-VALIDATE', broken: ['refresh-any-token'] },
    { id: 'AS-RT-SCOPE-NO-EXPAND', broken: ['refresh-scope-expand'] },
    { id: 'AS-RT-SCOPE-NARROW', broken: ['refresh-narrow-ignored-silently'] },
    { id: 'AS-RT-SCOPE-OMITTED', broken: ['refresh-omitted-scope-default'] },
    { id: 'AS-RT-NEW-RT-SAME-SCOPE', broken: ['refresh-rt-inherits-narrowed'] },
    { id: 'AS-RT-PUBLIC-PROTECTED', broken: ['no-public-rotation'] },
    { id: 'AS-RT-ROTATION-OLD-DEAD', broken: ['old-rt-alive'] },
    { id: 'AS-RT-REPLAY-REVOKES-FAMILY', broken: ['no-replay-detection'] },
  ],
};
