/**
 * Expected-failures files for `verify`: a YAML list of `{ id, reason }`. A listed failure
 * becomes `expected-failure` (does not fail the run); a listed check that now passes
 * becomes `fixed` (fails the run, so the list stays honest). Parsing and per-case rules
 * are the harness-wide ones (`src/results/expected-failures.ts`, errors exit 2 with
 * `file:line:col`); this module adapts them to a verify `RunResult`.
 */
import type { RunResult } from '../results/model.js';
import * as shared from '../results/expected-failures.js';
import { summarize } from './summary.js';

export type ExpectedFailure = shared.ExpectedFailure;

/** Parse an expected-failures document (throws `HarnessError` CONFIG_INVALID, exit 2). */
export function parseExpectedFailures(text: string, file: string): ExpectedFailure[] {
  return shared.parseExpectedFailures(text, file);
}

/** Read an expected-failures file (throws `HarnessError` FILE_NOT_FOUND / CONFIG_INVALID, exit 2). */
export async function loadExpectedFailures(file: string): Promise<ExpectedFailure[]> {
  return shared.loadExpectedFailures(file);
}

/** Apply the list to a run: failed → `expected-failure`, passed → `fixed`; summary recomputed. */
export function applyExpectedFailures(result: RunResult, list: readonly ExpectedFailure[]): RunResult {
  return shared.applyExpectedFailuresToRun(result, list, summarize);
}
