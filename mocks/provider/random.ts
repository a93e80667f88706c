import { randomBytes } from 'node:crypto';

/**
 * Token and code values: 256 bits from a pooled CSPRNG buffer (RFC 6749 §10.10 asks
 * for at least 128 bits). The pool avoids a system call per token on the hot path.
 */
const POOL_SIZE = 32 * 512;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

/** A fresh base64url value of 32 random bytes, with an optional readable prefix. */
export function randomToken(prefix = ''): string {
  if (offset + 32 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const value = pool.toString('base64url', offset, offset + 32);
  offset += 32;
  return prefix + value;
}
