/**
 * The reference client's warning codes: what a scenario's `warnings:` may name. Kept in
 * the scenario format's folder so the loader checks names without loading the client.
 */
import type { MissingRefreshCase } from '../observe/offline-access.js';

/** A warning the reference client raises (`src/client/warnings.ts`). */
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
