/** Token introspection checks (RFC 7662), in plan order. */
import asIntActiveTrue from './as-int-active-true.js';
import asIntAuthzRequired from './as-int-authz-required.js';
import asIntBadCreds401 from './as-int-bad-creds-401.js';
import asIntHintFallback from './as-int-hint-fallback.js';
import asIntInactiveFalse from './as-int-inactive-false.js';
import asIntInactiveMinimal from './as-int-inactive-minimal.js';
import asIntMemberTypes from './as-int-member-types.js';
import asIntNoGet from './as-int-no-get.js';
import asIntRequestFormat from './as-int-request-format.js';
import asIntSpecificAuthz from './as-int-specific-authz.js';
import asIntStateChecks from './as-int-state-checks.js';
import asIntTls from './as-int-tls.js';

export const INTROSPECTION_CHECKS = [
  asIntAuthzRequired,
  asIntRequestFormat,
  asIntActiveTrue,
  asIntInactiveMinimal,
  asIntBadCreds401,
  asIntMemberTypes,
  asIntHintFallback,
  asIntStateChecks,
  asIntSpecificAuthz,
  asIntTls,
  asIntNoGet,
];

/** Waits for token expiry when lifetimes.accessToken is configured. */
export const INTROSPECTION_TIME_CHECKS = [asIntInactiveFalse];
