/** Refresh token checks (RFC 6749 §6; RFC 9700 §4.14.2), in plan order. */
import asRtClientBinding from './as-rt-client-binding.js';
import asRtConfAuth from './as-rt-conf-auth.js';
import asRtNewRtSameScope from './as-rt-new-rt-same-scope.js';
import asRtPublicProtected from './as-rt-public-protected.js';
import asRtReplayRevokesFamily from './as-rt-replay-revokes-family.js';
import asRtRotationOldDead from './as-rt-rotation-old-dead.js';
import asRtScopeNarrow from './as-rt-scope-narrow.js';
import asRtScopeNoExpand from './as-rt-scope-no-expand.js';
import asRtScopeOmitted from './as-rt-scope-omitted.js';
import asRtValidate from './as-rt-validate.js';

export const REFRESH_CHECKS = [
  asRtConfAuth,
  asRtClientBinding,
  asRtValidate,
  asRtScopeNoExpand,
  asRtScopeNarrow,
  asRtScopeOmitted,
  asRtNewRtSameScope,
  asRtPublicProtected,
  asRtRotationOldDead,
  asRtReplayRevokesFamily,
];
