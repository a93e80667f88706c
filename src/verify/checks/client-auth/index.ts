/** RFC 6749 §2.3 client authentication checks, in plan order (brute force runs last, see `checks/index.ts`). */
import asCaAsymmetric from './as-ca-asymmetric.js';
import asCaBasicFormdecode from './as-ca-basic-formdecode.js';
import asCaBasic from './as-ca-basic.js';
import asCaClientidWithBasic from './as-ca-clientid-with-basic.js';
import asCaConfRequired from './as-ca-conf-required.js';
import asCaInvalidClient401 from './as-ca-invalid-client-401.js';
import asCaInvalidClientBody from './as-ca-invalid-client-body.js';
import asCaNoUriCreds from './as-ca-no-uri-creds.js';
import asCaOneMethod from './as-ca-one-method.js';
import asCaPostBody from './as-ca-post-body.js';
import asCaTls from './as-ca-tls.js';
import asCaUnknownClient from './as-ca-unknown-client.js';

export { default as asCaBruteForce } from './as-ca-brute-force.js';

export const CLIENT_AUTH_CHECKS = [
  asCaBasic,
  asCaBasicFormdecode,
  asCaPostBody,
  asCaNoUriCreds,
  asCaOneMethod,
  asCaClientidWithBasic,
  asCaInvalidClient401,
  asCaInvalidClientBody,
  asCaUnknownClient,
  asCaConfRequired,
  asCaTls,
  asCaAsymmetric,
];
