/**
 * Runs scenarios one after another in this process, as `oauth-harness run` and
 * `runScenarios()` do on the mock (docs/decisions/022-run-in-process.md): each scenario
 * has its own in-process provider, so nothing is shared between them but the process.
 *
 * What the vitest runner gave, kept here: a scenario that throws, rejects outside its
 * promise (an unhandled rejection or an uncaught exception while it runs) or does not
 * finish within {@link SCENARIO_TIMEOUT_MS} is a failed case with the reason, and the
 * run goes on; `bail` stops after the first failed case; results come in the order given.
 */
import type { CaseResult } from '../results/model.js';
import type { Scenario } from '../scenario/schema.js';
import { runScenario } from './run-scenario.js';

/** The longest one scenario may take (the per-test timeout `run` always had). */
export const SCENARIO_TIMEOUT_MS = 60_000;

export interface InProcessRunOptions {
  scenarios: readonly Scenario[];
  seed: number;
  /** Stop after the first failed scenario; the ones after it are not in the results. */
  bail?: boolean;
  /** Called as each scenario finishes (progress output, partial reports). */
  onResult?: (r: CaseResult) => void;
  /** Overrides {@link SCENARIO_TIMEOUT_MS} (tests). */
  timeoutMs?: number;
  /** Runs one scenario; default {@link runScenario} (tests give one that hangs or throws). */
  run?: (s: Scenario, seed: number) => Promise<CaseResult>;
}

/** The result of a scenario that did not complete: failed, with why. */
export function crashedCase(s: Scenario, message: string): CaseResult {
  return { id: s.id, title: s.title, kind: 'scenario', target: `mock:${s.provider.profile}`, client: 'reference', verdict: 'failed', message, durationMs: 0, steps: [], exchanges: [], diagnoses: [] };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

/** Runs the scenarios in order; returns their results in that order. */
export async function runInProcess(o: InProcessRunOptions): Promise<CaseResult[]> {
  const timeoutMs = o.timeoutMs ?? SCENARIO_TIMEOUT_MS;
  const run = o.run ?? ((s: Scenario, seed: number) => runScenario(s, { seed }));
  const results: CaseResult[] = [];
  // an error thrown outside the scenario's promise (a callback, a stray rejection) belongs to the scenario running
  let stray: unknown;
  const onStray = (e: unknown) => {
    stray ??= e;
  };
  process.on('unhandledRejection', onStray);
  process.on('uncaughtException', onStray);
  try {
    for (const s of o.scenarios) {
      stray = undefined;
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<CaseResult>((resolve) => {
        timer = setTimeout(() => resolve(crashedCase(s, `the scenario did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
      });
      let r = await Promise.race([run(s, o.seed).catch((e: unknown) => crashedCase(s, `the scenario crashed: ${messageOf(e)}`)), timedOut]);
      clearTimeout(timer);
      if (stray !== undefined && r.verdict !== 'failed') r = { ...r, verdict: 'failed', message: `an error escaped the scenario: ${messageOf(stray)}` };
      if (!r.durationMs) r = { ...r, durationMs: Math.round(performance.now() - started) };
      results.push(r);
      o.onResult?.(r);
      if (o.bail && r.verdict === 'failed') break;
    }
  } finally {
    process.off('unhandledRejection', onStray);
    process.off('uncaughtException', onStray);
  }
  return results;
}
