/**
 * The marker that stands for a secret in every output: `[redacted:xxxxxxxx]`, the first
 * 8 hex digits of the value's SHA-256, so two uses of one secret can still be matched
 * without either being readable.
 */
import { createHash } from 'node:crypto';

/** The marker that replaces a secret value. */
export function fingerprint(value: string): string {
  return `[redacted:${createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 8)}]`;
}

/** The marker of a value, or the value itself when it already is one (redaction is idempotent). */
export function mark(value: string): string {
  return value.startsWith('[redacted:') ? value : fingerprint(value);
}
