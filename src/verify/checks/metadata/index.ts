/** Authorization server metadata checks (RFC 8414), in plan order. */
import asMdAuthMethods from './as-md-auth-methods.js';
import asMdAuthSigningNone from './as-md-auth-signing-none.js';
import asMdConsistent from './as-md-consistent.js';
import asMdEndpointsHttps from './as-md-endpoints-https.js';
import asMdGrantsExplicit from './as-md-grants-explicit.js';
import asMdIssuerFormat from './as-md-issuer-format.js';
import asMdIssuerIdentical from './as-md-issuer-identical.js';
import asMdJwks from './as-md-jwks.js';
import asMdLocation from './as-md-location.js';
import asMdRequiredFields from './as-md-required-fields.js';
import asMdResponse from './as-md-response.js';
import asMdScopes from './as-md-scopes.js';
import asMdSigned from './as-md-signed.js';
import asMdZeroElements from './as-md-zero-elements.js';

export const METADATA_CHECKS = [
  asMdLocation,
  asMdResponse,
  asMdIssuerIdentical,
  asMdIssuerFormat,
  asMdRequiredFields,
  asMdZeroElements,
  asMdJwks,
  asMdAuthSigningNone,
  asMdScopes,
  asMdEndpointsHttps,
  asMdAuthMethods,
  asMdSigned,
  asMdGrantsExplicit,
];

/** Runs after the flows exist (it exercises grants and PKCE methods). */
export { asMdConsistent };
