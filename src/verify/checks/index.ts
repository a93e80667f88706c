/**
 * Every check, in execution order: metadata and discovery first, then client
 * authentication, token endpoint and responses, authorization endpoint, code exchange,
 * PKCE, `iss`, refresh, revocation, introspection, native apps, DCR, resource server;
 * then the rows that wait for expiry; heuristic floods last (they may trigger lockouts).
 */
import type { Check } from '../check.js';
import { AUTHORIZE_CHECKS } from './authorize/index.js';
import { asCaBruteForce, CLIENT_AUTH_CHECKS } from './client-auth/index.js';
import { CLIENT_CREDENTIALS_CHECKS } from './client-credentials/index.js';
import { CODE_CHECKS, CODE_TIME_CHECKS } from './code/index.js';
import { DCR_CHECKS } from './dcr/index.js';
import { DISCOVERY_CHECKS } from './discovery/index.js';
import { INTROSPECTION_CHECKS, INTROSPECTION_TIME_CHECKS } from './introspection/index.js';
import { ISS_CHECKS } from './iss/index.js';
import { asMdConsistent, METADATA_CHECKS } from './metadata/index.js';
import { NATIVE_CHECKS } from './native/index.js';
import { PKCE_CHECKS } from './pkce/index.js';
import { REFRESH_CHECKS } from './refresh/index.js';
import { RESOURCE_CHECKS, RESOURCE_TIME_CHECKS } from './resource/index.js';
import { asRevDos, REVOCATION_CHECKS } from './revocation/index.js';
import { ENTROPY_CHECKS, TOKEN_ENDPOINT_CHECKS, TOKEN_RESPONSE_CHECKS } from './token/index.js';

export const ALL_CHECKS: readonly Check[] = [
  ...METADATA_CHECKS,
  ...DISCOVERY_CHECKS,
  ...CLIENT_AUTH_CHECKS,
  ...TOKEN_ENDPOINT_CHECKS,
  ...TOKEN_RESPONSE_CHECKS,
  ...CLIENT_CREDENTIALS_CHECKS,
  ...AUTHORIZE_CHECKS,
  ...CODE_CHECKS,
  ...PKCE_CHECKS,
  ...ISS_CHECKS,
  ...REFRESH_CHECKS,
  ...REVOCATION_CHECKS,
  ...INTROSPECTION_CHECKS,
  ...NATIVE_CHECKS,
  ...DCR_CHECKS,
  ...RESOURCE_CHECKS,
  asMdConsistent,
  ...CODE_TIME_CHECKS,
  ...INTROSPECTION_TIME_CHECKS,
  ...RESOURCE_TIME_CHECKS,
  ...ENTROPY_CHECKS,
  asCaBruteForce,
  asRevDos,
];
