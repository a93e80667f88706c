/** Every quirk matrix, in plan order of areas: the proof that each check can fail. */
import type { MatrixGroup } from '../check-matrix.js';
import { AUTHORIZE_MATRIX } from './authorize/authorize.matrix.js';
import { CLIENT_AUTH_MATRIX } from './client-auth/client-auth.matrix.js';
import { CLIENT_CREDENTIALS_MATRIX } from './client-credentials/client-credentials.matrix.js';
import { CODE_MATRIX } from './code/code.matrix.js';
import { DCR_MATRIX } from './dcr/dcr.matrix.js';
import { DISCOVERY_MATRIX } from './discovery/discovery.matrix.js';
import { INTROSPECTION_MATRIX } from './introspection/introspection.matrix.js';
import { ISS_MATRIX } from './iss/iss.matrix.js';
import { METADATA_MATRIX } from './metadata/metadata.matrix.js';
import { NATIVE_MATRIX } from './native/native.matrix.js';
import { PKCE_MATRIX } from './pkce/pkce.matrix.js';
import { REFRESH_MATRIX } from './refresh/refresh.matrix.js';
import { RESOURCE_MATRIX } from './resource/resource.matrix.js';
import { REVOCATION_MATRIX } from './revocation/revocation.matrix.js';
import { TOKEN_MATRIX, TOKEN_RESPONSE_MATRIX } from './token/token.matrix.js';

export const MATRICES: readonly MatrixGroup[] = [
  METADATA_MATRIX,
  DISCOVERY_MATRIX,
  CLIENT_AUTH_MATRIX,
  TOKEN_MATRIX,
  TOKEN_RESPONSE_MATRIX,
  CLIENT_CREDENTIALS_MATRIX,
  AUTHORIZE_MATRIX,
  CODE_MATRIX,
  PKCE_MATRIX,
  ISS_MATRIX,
  REFRESH_MATRIX,
  REVOCATION_MATRIX,
  INTROSPECTION_MATRIX,
  NATIVE_MATRIX,
  DCR_MATRIX,
  RESOURCE_MATRIX,
];
