/** Token revocation checks (RFC 7009), in plan order (the DoS flood runs last). */
import asRevAtRevokesRt from './as-rev-at-revokes-rt.js';
import asRevAt from './as-rev-at.js';
import asRevBadHintIgnored from './as-rev-bad-hint-ignored.js';
import asRevCascade from './as-rev-cascade.js';
import asRevClientAuth from './as-rev-client-auth.js';
import asRevClientBinding from './as-rev-client-binding.js';
import asRevHintFallback from './as-rev-hint-fallback.js';
import asRevHttps from './as-rev-https.js';
import asRevImmediate from './as-rev-immediate.js';
import asRevInvalidToken200 from './as-rev-invalid-token-200.js';
import asRevMissingToken from './as-rev-missing-token.js';
import asRevRt from './as-rev-rt.js';
import asRevUnsupportedType from './as-rev-unsupported-type.js';

export { default as asRevDos } from './as-rev-dos.js';

export const REVOCATION_CHECKS = [
  asRevRt,
  asRevAt,
  asRevInvalidToken200,
  asRevBadHintIgnored,
  asRevHintFallback,
  asRevClientAuth,
  asRevClientBinding,
  asRevImmediate,
  asRevCascade,
  asRevAtRevokesRt,
  asRevUnsupportedType,
  asRevMissingToken,
  asRevHttps,
];
