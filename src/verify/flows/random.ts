/** Random values for probes: unguessable, URL-safe. */
import { randomBytes } from 'node:crypto';

/** `bytes` random bytes as base64url. */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/** A value that cannot be a real client, scope or grant on the server. */
export function bogus(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}
