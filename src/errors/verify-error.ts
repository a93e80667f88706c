/**
 * `verify`'s and `fingerprint`'s error for user mistakes and unreachable servers, beside
 * `HarnessError` (the rest of the harness). Both carry a stable `code`; callers
 * print `message` (no stack trace) and exit 2. Exported from the package root.
 */

/** Stable error codes. */
export type VerifyErrorCode =
  /** verify.yaml (or the options object) does not match the schema. */
  | 'CONFIG_INVALID'
  /** A file named by the user could not be read. */
  | 'FILE_NOT_FOUND'
  /** Neither RFC 8414 nor OIDC discovery produced metadata. */
  | 'DISCOVERY_FAILED'
  /** The login driver could not start (no chromium, bad script). */
  | 'USER_AGENT_UNAVAILABLE'
  /** The token endpoint does not accept the primary client's credentials (the preflight). */
  | 'CREDENTIALS_REJECTED'
  /** The server gave no usable answer to the preflight (no answer in time, a body too large, connection refused). */
  | 'TARGET_UNRESPONSIVE';

/** A mistake in `verify`'s input, or a server it cannot start testing. Exit code 2. */
export class VerifyError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly code: VerifyErrorCode,
    message: string,
    /** Individual problems (one per schema issue), already formatted `file:line:col: …`. */
    readonly issues: string[] = [],
  ) {
    super(message);
    this.name = 'VerifyError';
  }
}
