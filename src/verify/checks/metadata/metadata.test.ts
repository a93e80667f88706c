import { checkMatrix } from '../../testing/check-matrix.js';

checkMatrix('authorization server metadata (RFC 8414)', [
  { id: 'AS-MD-LOCATION', broken: ['no-rfc8414-metadata'] },
  { id: 'AS-MD-RESPONSE', broken: ['metadata-text-plain'] },
  { id: 'AS-MD-ISSUER-IDENTICAL', broken: ['metadata-issuer-trailing-slash'] },
  { id: 'AS-MD-ISSUER-FORMAT', broken: ['metadata-issuer-fragment'] },
  { id: 'AS-MD-REQUIRED-FIELDS', broken: ['metadata-no-response-types'] },
  { id: 'AS-MD-ZERO-ELEMENTS', broken: ['metadata-empty-array'] },
  { id: 'AS-MD-JWKS', broken: ['jwks-mixed-use-missing', 'http-jwks-uri'] },
  { id: 'AS-MD-AUTH-SIGNING-NONE', broken: ['metadata-auth-signing-none'] },
  { id: 'AS-MD-SCOPES', broken: ['metadata-no-scopes'] },
  { id: 'AS-MD-ENDPOINTS-HTTPS', broken: ['http-registration-endpoint', 'http-revocation-endpoint'], conformant: 'skipped' },
  { id: 'AS-MD-ENDPOINTS-HTTPS', broken: [], options: { allowInsecureLoopback: false }, conformant: 'failed' },
  { id: 'AS-MD-AUTH-METHODS', broken: ['post-advertised-not-working', 'basic-refused'] },
  { id: 'AS-MD-CONSISTENT', broken: ['advertises-unsupported-grant', 'pkce-s256-unsupported'] },
  { id: 'AS-MD-SIGNED', base: ['signed-metadata'], broken: ['signed-metadata-bad'] },
  { id: 'AS-MD-GRANTS-EXPLICIT', broken: ['metadata-no-grant-types'] },
]);

checkMatrix('OpenID Connect Discovery', [
  { id: 'OP-DISC-LOCATION', broken: ['openid-config-text-plain'] },
  { id: 'OP-DISC-ZERO-ELEMENTS', broken: ['metadata-empty-array'] },
  { id: 'OP-DISC-ISSUER', broken: ['openid-config-issuer-mismatch', 'idtoken-wrong-iss'] },
  { id: 'OP-DISC-REQUIRED', broken: ['openid-config-no-subject-types'] },
  { id: 'OP-DISC-RS256', broken: ['openid-config-no-rs256'] },
  { id: 'OP-DISC-HTTPS', broken: ['http-jwks-uri', 'http-token-endpoint'], conformant: 'skipped' },
  { id: 'OP-DISC-OPENID-SCOPE', broken: ['openid-scope-no-id-token'] },
  { id: 'OP-DISC-JWKS-NO-PRIVATE', broken: ['jwks-private-key'] },
  { id: 'OP-DISC-AUTH-SIGNING-NONE', broken: ['metadata-auth-signing-none'] },
  { id: 'OP-DISC-RECOMMENDED', broken: ['openid-config-no-userinfo'] },
  { id: 'OP-DISC-CORS', broken: ['no-discovery-cors'] },
]);
