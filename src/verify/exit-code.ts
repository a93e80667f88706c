/**
 * Exit codes of `verify`, as `run` uses them: 0 all passed (warnings and info findings
 * allowed), 1 any MUST failure or an expected failure that now passes (`fixed`),
 * 2 bad input (config, unreachable issuer, …).
 */
import type { RunResult } from '../results/model.js';
import { HarnessError } from '../errors/harness-error.js';
import { VerifyError } from '../errors/verify-error.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

/** Exit code for a completed run. */
export function verifyExitCode(result: RunResult): 0 | 1 {
  const failing = result.cases.some(
    (c) => c.verdict === 'fixed' || (c.verdict === 'failed' && (c.severity ?? 'fail') === 'fail'),
  );
  return failing ? EXIT_FAILED : EXIT_OK;
}

/** Exit code for an error thrown by `runVerify` or a loader: 2 for user mistakes (VerifyError, HarnessError). */
export function exitCodeForError(error: unknown): 1 | 2 {
  return error instanceof VerifyError || error instanceof HarnessError ? EXIT_BAD_INPUT : EXIT_FAILED;
}
