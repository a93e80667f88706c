/**
 * The harness's few error classes. Each has a stable `code`; the CLI prints
 * `message` (no stack trace) for user mistakes and exits with `exitCode`.
 */

export type HarnessErrorCode =
  | 'SCENARIO_INVALID'
  | 'CONFIG_INVALID'
  | 'USAGE'
  | 'FILE_NOT_FOUND'
  | 'TARGET_UNREACHABLE'
  | 'PROFILE_UNKNOWN'
  /** A recording given to `import` is not a HAR or results.json, is truncated, or holds no OAuth traffic. */
  | 'INPUT_INVALID'
  /** An optional package a feature needs is not installed (e.g. testcontainers for `--target container:…`). */
  | 'DEPENDENCY_MISSING';

/** A mistake in what the user gave us: bad file, bad flag, unknown profile. Exit code 2. */
export class HarnessError extends Error {
  readonly code: HarnessErrorCode;
  readonly exitCode = 2;
  /** Individual problems, one line each (`file:line:col: field: message`). */
  readonly problems: string[];

  constructor(code: HarnessErrorCode, message: string, problems: string[] = []) {
    super(message);
    this.name = 'HarnessError';
    this.code = code;
    this.problems = problems;
  }
}
