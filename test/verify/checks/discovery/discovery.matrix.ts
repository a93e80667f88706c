/** Quirk matrix rows: each check passes on the conformant broken AS and fails with the quirks listed. */
import type { MatrixGroup } from '../../check-matrix.js';

export const DISCOVERY_MATRIX: MatrixGroup = {
  name: 'OpenID Connect Discovery',
  rows: [
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
  ],
};
