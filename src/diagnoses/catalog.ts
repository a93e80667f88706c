/**
 * The diagnosis catalog: every diagnosis module, in the order they are tried (and
 * shown). Adding one is adding a file under `diagnoses/` and a line here.
 */
import { addressNotAllowed } from './address-not-allowed.js';
import { apiAuthSchemeMismatch } from './api-auth-scheme-mismatch.js';
import { basicCredentialsNotFormEncoded } from './basic-credentials-not-form-encoded.js';
import { clientCredentialsWrong } from './client-credentials-wrong.js';
import { credentialsPlacementProbed } from './credentials-placement-probed.js';
import { credentialsSentTwice } from './credentials-sent-twice.js';
import { credentialsWrongPlacement } from './credentials-wrong-placement.js';
import type { Diagnosis } from './diagnosis.js';
import { tokenTypeUnsupported } from './token-type-unsupported.js';
import { tokenExpiredOnArrival } from './token-expired-on-arrival.js';
import { stateNotEchoed } from './state-not-echoed.js';
import { refreshTokenExpired } from './refresh-token-expired.js';
import { errorBodyNotRfc } from './error-body-not-rfc.js';
import { clientIdMissingFromBody } from './client-id-missing-from-body.js';
import { endpointUrlWrong } from './endpoint-url-wrong.js';
import { errorWithHttp200 } from './error-with-http-200.js';
import { insufficientScope } from './insufficient-scope.js';
import { missingRefreshTokenIssuedOnce } from './missing-refresh-token-issued-once.js';
import { missingRefreshTokenNeedsOffline } from './missing-refresh-token-needs-offline.js';
import { missingRefreshTokenNeverExpires } from './missing-refresh-token-never-expires.js';
import { missingRefreshTokenNoRefreshSupport } from './missing-refresh-token-no-refresh-support.js';
import { neverExpiringToken } from './never-expiring-token.js';
import { noAccessTokenSent } from './no-access-token-sent.js';
import { pkceRequired } from './pkce-required.js';
import { redirectUriMismatch } from './redirect-uri-mismatch.js';
import { refreshScopeExceedsGrant } from './refresh-scope-exceeds-grant.js';
import { refreshTokenInvalidated } from './refresh-token-invalidated.js';
import { refreshTokenReuse } from './refresh-token-reuse.js';
import { scopeDelimiterWrong } from './scope-delimiter-wrong.js';
import { scopeNotRegistered } from './scope-not-registered.js';
import { scopesDeniedByUser } from './scopes-denied-by-user.js';
import { stateMismatch } from './state-mismatch.js';
import { tokenExpiredNotRefreshed } from './token-expired-not-refreshed.js';
import { tokenResponseNotJson } from './token-response-not-json.js';
import { tokenTypeMissing } from './token-type-missing.js';
import { webServiceLoginRejected } from './web-service-login-rejected.js';

export const DIAGNOSES: Diagnosis[] = [
  // connecting: where the client talks to the provider, and whether it is recognised
  endpointUrlWrong,
  credentialsWrongPlacement,
  credentialsPlacementProbed,
  basicCredentialsNotFormEncoded,
  credentialsSentTwice,
  clientIdMissingFromBody,
  clientCredentialsWrong,
  redirectUriMismatch,
  addressNotAllowed,
  stateNotEchoed,
  stateMismatch,
  pkceRequired,
  // what the login granted
  scopeDelimiterWrong,
  refreshScopeExceedsGrant,
  scopeNotRegistered,
  scopesDeniedByUser,
  // calling the API
  noAccessTokenSent,
  apiAuthSchemeMismatch,
  webServiceLoginRejected,
  insufficientScope,
  tokenExpiredOnArrival,
  tokenExpiredNotRefreshed,
  // refresh tokens
  missingRefreshTokenNeverExpires,
  missingRefreshTokenNoRefreshSupport,
  missingRefreshTokenNeedsOffline,
  missingRefreshTokenIssuedOnce,
  refreshTokenExpired,
  refreshTokenInvalidated,
  refreshTokenReuse,
  // provider quirks worth a warning
  neverExpiringToken,
  errorWithHttp200,
  errorBodyNotRfc,
  tokenResponseNotJson,
  tokenTypeMissing,
  tokenTypeUnsupported,
];
