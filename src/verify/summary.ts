/** Summary counts of a run, recomputed from its cases. */
import type { CaseResult, RunResult } from '../results/model.js';

export function summarize(cases: readonly CaseResult[]): RunResult['summary'] {
  const count = (v: CaseResult['verdict']): number => cases.filter((c) => c.verdict === v).length;
  return {
    total: cases.length,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    inconclusive: count('inconclusive'),
    expectedFailures: count('expected-failure'),
    fixed: count('fixed'),
  };
}
