/** The client verdicts, by stable id, in report order (see `client-verdicts.ts`; a test keeps the two equal). */
export const VERDICT_IDS = [
  'credentials-placement',
  'token-request-method',
  'state',
  'state-checked',
  'pkce-s256',
  'redirect-uri-registered',
  'redirect-uri-repeated',
  'rotated-refresh-token-used',
  'refresh-token-kept',
  'refresh-scope-within-grant',
  'refreshed',
  'retried-after-401',
  'revoked-on-disconnect',
  'gave-up-on-invalid-grant',
  'bearer-token-issued',
] as const;
export type VerdictId = (typeof VERDICT_IDS)[number];

/**
 * What a verdict can say: `pass`; `warning` (the client got there, at a cost worth
 * fixing, e.g. an extra round trip); `fail`; `not-applicable` (nothing to judge).
 */
export const VERDICT_OUTCOMES = ['pass', 'warning', 'fail', 'not-applicable'] as const;
export type VerdictOutcome = (typeof VERDICT_OUTCOMES)[number];
