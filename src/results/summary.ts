/** A run's summary counts, recomputed from its cases: the same for `run`, `verify` and merged shards. */
import type { CaseResult, RunResult } from './model.js';

/** Counts verdicts; `failed` includes `fixed` (a listed expected failure that now passes fails the run). */
export function summarize(cases: readonly CaseResult[]): RunResult['summary'] {
  const count = (v: CaseResult['verdict']) => cases.filter((c) => c.verdict === v).length;
  return { total: cases.length, passed: count('passed'), failed: count('failed') + count('fixed'), skipped: count('skipped'), inconclusive: count('inconclusive'), expectedFailures: count('expected-failure'), fixed: count('fixed') };
}
