/**
 * How the parity report counts, in one place for `parity.json`, `parity.md`, the console
 * and the README: a scenario *differs* when at least one compared fact differs between the
 * mock and the target (`compare.ts`); its *differences* are those facts, one per step,
 * endpoint call and field; a scenario is *not compared* when it did not run on both sides.
 */
import type { ParityReport, ScenarioParity } from './report.js';

export type ParitySummary = ParityReport['summary'];

/** The counts of `scenarios`, of which `compared` ran on both sides. */
export function paritySummary(scenarios: readonly ScenarioParity[], compared: number): ParitySummary {
  const count = (st: ScenarioParity['status']) => scenarios.filter((x) => x.status === st).length;
  return {
    scenarios: scenarios.length,
    compared,
    same: count('same'),
    different: count('different'),
    skipped: count('skipped'),
    differences: scenarios.reduce((n, x) => n + x.differences.length, 0),
  };
}

/** The one sentence every place prints: `42 of 197 scenarios compared: 20 same, 22 differ (40 differences), 155 not compared`. */
export function paritySentence(s: ParitySummary): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${s.compared} of ${plural(s.scenarios, 'scenario', 'scenarios')} compared: ${s.same} same, ${s.different} ${s.different === 1 ? 'differs' : 'differ'} (${plural(s.differences, 'difference', 'differences')}), ${s.skipped} not compared`;
}
