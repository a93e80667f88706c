import type { CaseResult, RunResult } from '../results/model.js';

/** Exit code of a run: 0 all passed (or expected failures), 1 some failed. */
export function exitCodeOf(run: RunResult): 0 | 1 {
  return run.summary.failed > 0 ? 1 : 0;
}

/**
 * A failed `verify` check whose requirement is a SHOULD (`warning`) or a MAY/INFO
 * (`info`): a finding that is reported but does not fail the run, the JUnit report or
 * CI. Scenarios carry no severity, so their failures are never advisory.
 */
export function advisory(c: CaseResult): 'warning' | 'info' | undefined {
  return c.verdict === 'failed' && (c.severity === 'warning' || c.severity === 'info') ? c.severity : undefined;
}

/** A case that fails the run: a failed scenario or MUST check, or a listed expected failure that now passes. */
export function isFailure(c: CaseResult): boolean {
  return c.verdict === 'fixed' || (c.verdict === 'failed' && !advisory(c));
}
