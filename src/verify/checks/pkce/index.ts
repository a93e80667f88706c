/** PKCE checks (RFC 7636, RFC 9700 §2.1.1), in plan order. */
import asPkceChallengeOpaque from './as-pkce-challenge-opaque.js';
import asPkceConstant from './as-pkce-constant.js';
import asPkceDefaultPlain from './as-pkce-default-plain.js';
import asPkceDiscoverable from './as-pkce-discoverable.js';
import asPkceDowngrade from './as-pkce-downgrade.js';
import asPkceFormat from './as-pkce-format.js';
import asPkceMethodBound from './as-pkce-method-bound.js';
import asPkceMismatch from './as-pkce-mismatch.js';
import asPkcePlainAccepted from './as-pkce-plain-accepted.js';
import asPkcePlain from './as-pkce-plain.js';
import asPkcePublicReject from './as-pkce-public-reject.js';
import asPkceRequiredError from './as-pkce-required-error.js';
import asPkceS256 from './as-pkce-s256.js';
import asPkceSupport from './as-pkce-support.js';
import asPkceUnsupportedMethod from './as-pkce-unsupported-method.js';
import asPkceVerifierRequired from './as-pkce-verifier-required.js';

export const PKCE_CHECKS = [
  asPkceDiscoverable,
  asPkceSupport,
  asPkceS256,
  asPkceMismatch,
  asPkceVerifierRequired,
  asPkceDowngrade,
  asPkceMethodBound,
  asPkcePlain,
  asPkceDefaultPlain,
  asPkceUnsupportedMethod,
  asPkceRequiredError,
  asPkcePublicReject,
  asPkceFormat,
  asPkceChallengeOpaque,
  asPkcePlainAccepted,
  asPkceConstant,
];
