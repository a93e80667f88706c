/** The client verdicts, by stable id (see `client-verdicts.ts`). */
export const VERDICT_IDS = [
  'credentials-placement',
  'token-request-method',
  'state',
  'state-checked',
  'pkce-s256',
  'redirect-uri-registered',
  'redirect-uri-repeated',
  'refreshed',
  'retried-after-401',
  'revoked-on-disconnect',
  'rotated-refresh-token-used',
  'refresh-token-kept',
  'gave-up-on-invalid-grant',
  'bearer-token-issued',
] as const;
export type VerdictId = (typeof VERDICT_IDS)[number];
