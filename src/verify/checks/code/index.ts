/** Authorization code exchange checks (RFC 6749 §4.1.3), in plan order (time-dependent ones last). */
import asAcClientBinding from './as-ac-client-binding.js';
import asAcCode10min from './as-ac-code-10min.js';
import asAcCodeExpires from './as-ac-code-expires.js';
import asAcCodeValid from './as-ac-code-valid.js';
import asAcConfAuth from './as-ac-conf-auth.js';
import asAcPublicClientId from './as-ac-public-client-id.js';
import asAcRedirectIdentical from './as-ac-redirect-identical.js';
import asAcRedirectPresent from './as-ac-redirect-present.js';
import asAcReuseRevokes from './as-ac-reuse-revokes.js';
import asAcSingleUse from './as-ac-single-use.js';

export const CODE_CHECKS = [
  asAcSingleUse,
  asAcReuseRevokes,
  asAcClientBinding,
  asAcRedirectPresent,
  asAcRedirectIdentical,
  asAcCodeValid,
  asAcConfAuth,
  asAcPublicClientId,
];

export const CODE_TIME_CHECKS = [asAcCodeExpires, asAcCode10min];
