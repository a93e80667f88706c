/** PKCE values (RFC 7636 §4.1, §4.2). */
import { createHash, randomBytes } from 'node:crypto';

/** A 43-character verifier from 32 random bytes. */
export function createVerifier(): string {
  return randomBytes(32).toString('base64url');
}

/** `BASE64URL(SHA256(ASCII(verifier)))`. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}
