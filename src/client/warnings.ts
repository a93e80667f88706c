/**
 * Structured warnings the reference client raises while it works: things a good
 * integration tells its user about even when nothing failed yet.
 */

/** docs/behaviours.md §7: why a connection has no refresh token. */
export type MissingRefreshCase = 'never-expires' | 'no-refresh-support' | 'needs-offline' | 'issued-once';

export type WarningCode =
  | `missing-refresh-token:${MissingRefreshCase}`
  | 'never-expiring-token'
  | 'scope-narrowed'
  | 'error-with-http-200'
  | 'refresh-token-not-rotated';

/** Every warning code of the reference client (the scenario format checks `warnings:` against it). */
export const WARNING_CODES: readonly WarningCode[] = [
  'missing-refresh-token:never-expires',
  'missing-refresh-token:no-refresh-support',
  'missing-refresh-token:needs-offline',
  'missing-refresh-token:issued-once',
  'never-expiring-token',
  'scope-narrowed',
  'error-with-http-200',
  'refresh-token-not-rotated',
];

export interface ClientWarning {
  code: WarningCode;
  message: string;
}

/** Scopes and parameters by which providers are asked for offline access (docs/provider-quirks.md §2). */
export const OFFLINE_SCOPES = ['offline_access', 'offline.access', 'refresh_token', 'offline'];
export const OFFLINE_PARAMS: [string, string][] = [
  ['access_type', 'offline'],
  ['token_access_type', 'offline'],
  ['duration', 'permanent'],
];

export interface MissingRefreshEvidence {
  expiresIn: number | undefined;
  /** From the provider's metadata, when it has any. */
  grantTypesSupported: string[] | undefined;
  requestedScopes: string[];
  authorizationParams: Record<string, string>;
  /** Whether this user's connection held a refresh token before. */
  hadRefreshBefore: boolean;
}

/** Decides which case of docs/behaviours.md §7 a missing refresh token is. */
export function missingRefreshCase(e: MissingRefreshEvidence): MissingRefreshCase {
  if (e.expiresIn === undefined) return 'never-expires';
  if (e.grantTypesSupported && !e.grantTypesSupported.includes('refresh_token')) return 'no-refresh-support';
  const askedOffline = e.requestedScopes.some((s) => OFFLINE_SCOPES.includes(s)) || OFFLINE_PARAMS.some(([k, v]) => e.authorizationParams[k] === v);
  if (!askedOffline) return 'needs-offline';
  return e.hadRefreshBefore ? 'issued-once' : 'no-refresh-support';
}

const CASE_TEXT: Record<MissingRefreshCase, string> = {
  'never-expires': 'the access token has no expiry and no refresh token: it is meant to work until revoked',
  'no-refresh-support': 'the provider issues no refresh tokens: the user will have to log in again when the token expires',
  'needs-offline': 'no refresh token: the provider issues one only when offline access is asked for (a scope such as offline_access or a parameter such as access_type=offline)',
  'issued-once': 'no refresh token although offline access was asked for: the provider issues one only once per user; revoke the earlier grant at the provider, then connect again',
};

export function missingRefreshWarning(c: MissingRefreshCase): ClientWarning {
  return { code: `missing-refresh-token:${c}`, message: CASE_TEXT[c] };
}
