/** Quirk matrix rows: each check passes on the conformant broken AS and fails with the quirks listed. */
import type { MatrixGroup } from '../../check-matrix.js';

export const METADATA_MATRIX: MatrixGroup = {
  name: 'authorization server metadata (RFC 8414)',
  rows: [
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
  ],
};
