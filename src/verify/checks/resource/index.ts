/** Resource server checks (RFC 6750), in plan order. */
import rs400InvalidRequest from './rs-400-invalid-request.js';
import rs401InvalidToken from './rs-401-invalid-token.js';
import rs401NoToken from './rs-401-no-token.js';
import rs403InsufficientScope from './rs-403-insufficient-scope.js';
import rsAudience from './rs-audience.js';
import rsBearerHeader from './rs-bearer-header.js';
import rsBodyParam from './rs-body-param.js';
import rsCacheAuthenticated from './rs-cache-authenticated.js';
import rsChallengeSyntax from './rs-challenge-syntax.js';
import rsQueryCachePrivate from './rs-query-cache-private.js';
import rsQueryParam from './rs-query-param.js';
import rsSchemeCase from './rs-scheme-case.js';
import rsValidateToken from './rs-validate-token.js';

export const RESOURCE_CHECKS = [
  rsBearerHeader,
  rsSchemeCase,
  rsBodyParam,
  rsQueryParam,
  rsQueryCachePrivate,
  rs401NoToken,
  rs401InvalidToken,
  rs403InsufficientScope,
  rs400InvalidRequest,
  rsChallengeSyntax,
  rsAudience,
  rsCacheAuthenticated,
];

/** Waits for token expiry when lifetimes.accessToken is configured. */
export const RESOURCE_TIME_CHECKS = [rsValidateToken];
