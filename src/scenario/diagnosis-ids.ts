/**
 * The diagnosis ids, in catalog order (see `catalog.ts`; a test keeps the two equal).
 * Kept apart from the catalog so the scenario format can name them without loading
 * every detector.
 */
export const DIAGNOSIS_IDS = [
  'endpoint-url-wrong',
  'credentials-wrong-placement',
  'credentials-placement-probed',
  'basic-credentials-not-form-encoded',
  'credentials-sent-twice',
  'client-id-missing-from-body',
  'client-credentials-wrong',
  'redirect-uri-mismatch',
  'address-not-allowed',
  'state-not-echoed',
  'state-mismatch',
  'pkce-required',
  'scope-delimiter-wrong',
  'refresh-scope-exceeds-grant',
  'scope-not-registered',
  'scopes-denied-by-user',
  'no-access-token-sent',
  'api-auth-scheme-mismatch',
  'web-service-login-rejected',
  'insufficient-scope',
  'token-expired-on-arrival',
  'token-expired-not-refreshed',
  'missing-refresh-token-never-expires',
  'missing-refresh-token-no-refresh-support',
  'missing-refresh-token-needs-offline',
  'missing-refresh-token-issued-once',
  'refresh-token-expired',
  'refresh-token-invalidated',
  'refresh-token-reuse',
  'never-expiring-token',
  'error-with-http-200',
  'error-body-not-rfc',
  'token-response-not-json',
  'token-type-missing',
  'token-type-unsupported',
] as const;
export type DiagnosisId = (typeof DIAGNOSIS_IDS)[number];
