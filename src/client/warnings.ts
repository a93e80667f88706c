/**
 * Structured warnings the reference client raises while it works: things a good
 * integration tells its user about even when nothing failed yet.
 */

import { decideMissingRefresh, OFFLINE_PARAMS, OFFLINE_SCOPES, offlineAsk, type MissingRefreshCase } from '../observe/offline-access.js';
import type { WarningCode } from '../scenario/warning-codes.js';

export type { WarningCode } from '../scenario/warning-codes.js';

/** docs/behaviours.md §7: why a connection has no refresh token. */
export type { MissingRefreshCase };


export interface ClientWarning {
  code: WarningCode;
  message: string;
}

/** Scopes and parameters by which providers are asked for offline access (docs/provider-quirks.md §2). */
export { OFFLINE_PARAMS, OFFLINE_SCOPES };

export interface MissingRefreshEvidence {
  expiresIn: number | undefined;
  /** From the provider's metadata, when it has any. */
  grantTypesSupported: string[] | undefined;
  scopesSupported?: string[] | undefined;
  requestedScopes: string[];
  authorizationParams: Record<string, string>;
  /** Whether this user's connection held a refresh token before. */
  hadRefreshBefore: boolean;
  /** The provider family the scenario (or profile) declares. */
  family?: string | undefined;
}

/** Decides which case of docs/behaviours.md §7 a missing refresh token is: the same decision as the diagnoses'. */
export function missingRefreshCase(e: MissingRefreshEvidence): { case: MissingRefreshCase; ask?: string } {
  const params = new URLSearchParams(e.authorizationParams);
  if (e.requestedScopes.length) params.set('scope', e.requestedScopes.join(' '));
  const d = decideMissingRefresh({ expiresIn: e.expiresIn, grantTypesSupported: e.grantTypesSupported, scopesSupported: e.scopesSupported, askedOffline: offlineAsk(params), hadRefreshBefore: e.hadRefreshBefore, family: e.family });
  return { case: d.case, ...(d.ask ? { ask: d.ask } : {}) };
}

const CASE_TEXT: Record<MissingRefreshCase, string> = {
  'never-expires': 'the access token has no expiry and no refresh token: it is meant to work until revoked',
  'no-refresh-support': 'the provider issued no refresh token and nothing names a way to ask for one: the user will have to log in again when the token expires',
  'needs-offline': 'no refresh token: the provider issues one only when offline access is asked for',
  'issued-once': 'no refresh token although offline access was asked for: the provider issues one only once per user; revoke the earlier grant at the provider, then connect again',
};

export function missingRefreshWarning(c: MissingRefreshCase, ask?: string): ClientWarning {
  return { code: `missing-refresh-token:${c}`, message: ask ? `${CASE_TEXT[c]} (ask with ${ask})` : CASE_TEXT[c] };
}
