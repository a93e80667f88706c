/**
 * When a token really expires, against what its response said (RFC 6749 §5.1
 * `expires_in`): from an absolute expiry, introspection's `exp` (RFC 7662 §2.2) or a JWT
 * access token's `exp` (RFC 9068 §2.2, RFC 7519 §4.1.4), and the time the token was
 * issued on the observer's clock. A token whose response gave no `expires_in` but that
 * expires all the same is `tokenResponse.expiresIn: omit` with that lifetime; one that
 * expires sooner than its `expires_in` says is `lifetimes.clockSkew`. Used by `import`
 * and `fingerprint`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.2
 */

/** Clocks and network delays blur a measured expiry by a second or two; less than this is no skew. */
export const SKEW_TOLERANCE_SECONDS = 3;

/** A duration measured with a second or two of jitter, snapped to the round value it most likely is (a minute, else five seconds). */
export function snapSeconds(x: number): number {
  const minutes = Math.round(x / 60) * 60;
  if (Math.abs(x - minutes) <= SKEW_TOLERANCE_SECONDS) return minutes;
  const fives = Math.round(x / 5) * 5;
  if (Math.abs(x - fives) <= 2) return fives;
  return Math.round(x);
}

/** The `exp` claim of a JWT (read, not verified: only its time is used), or undefined. */
export function jwtExp(token: unknown): number | undefined {
  if (typeof token !== 'string') return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp : undefined;
  } catch {
    return undefined;
  }
}

export interface ExpiryReading {
  /** Seconds the token really lives from its issue. */
  lifetime: number;
  /** Seconds the token expires sooner than `expires_in` said (the mock's `lifetimes.clockSkew`); undefined without `expires_in`. */
  skew: number | undefined;
}

/**
 * What an absolute expiry `exp` (seconds since the epoch) says about a token issued at
 * `issuedAtMs` (the observer's clock) whose response said `expiresIn` (or nothing).
 */
export function readExpiry(expiresIn: number | undefined, exp: number, issuedAtMs: number): ExpiryReading {
  const left = exp - issuedAtMs / 1000;
  if (expiresIn === undefined) return { lifetime: Math.max(0, snapSeconds(left)), skew: undefined };
  const early = expiresIn - left;
  return { lifetime: expiresIn, skew: Math.abs(early) <= SKEW_TOLERANCE_SECONDS ? 0 : snapSeconds(early) };
}

/** Whether a measured value is the same as `v` within the measurement's blur. */
export function withinTolerance(measured: number): (v: unknown) => boolean {
  return (v) => typeof v === 'number' && Math.abs(v - measured) <= SKEW_TOLERANCE_SECONDS;
}
