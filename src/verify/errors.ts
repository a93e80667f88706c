/**
 * The one error class of the verify engine for user mistakes and unreachable targets.
 * Callers print `message` (no stack trace) and exit 2.
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

export class VerifyError extends Error {
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
