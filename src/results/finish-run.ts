/**
 * Finishing a run's cases the same way wherever they ran: the scenario file, the
 * report-wide redaction pass (`scrubCase`), the expected-failures list; and the run
 * result (results.json's model) around them.
 */
import { scrubCase } from '../redaction/scrub.js';
import { summarize } from './summary.js';
import { applyToCase, type ExpectedFailure } from './expected-failures.js';
import type { CaseResult, RunResult } from './model.js';

/** What every case goes through before it is printed or reported. */
export function finishCase(r: CaseResult, fileOf: ReadonlyMap<string, string>, listed: ReadonlyMap<string, ExpectedFailure>): CaseResult {
  const file = fileOf.get(r.id);
  return applyToCase(scrubCase({ ...r, ...(file && !r.file ? { file } : {}) }), listed.get(r.id));
}

/** A run result from finished cases. */
export function makeRun(cases: CaseResult[], started: number, seed: number, command: RunResult['command'] = 'run'): RunResult {
  return { schemaVersion: 2, tool: 'oauth-harness', command, startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, seed, cases, summary: summarize(cases) };
}
