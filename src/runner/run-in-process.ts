/**
 * Runs scenarios one after another in this process, as `oauth-harness run` and
 * `runScenarios()` do on the mock (docs/decisions/022-run-in-process.md): each scenario
 * has its own in-process provider, so nothing is shared between them but the process.
 *
 * What the vitest runner gave, kept here: a scenario that throws, rejects outside its
 * promise (an unhandled rejection or an uncaught exception while it runs) or does not
 * finish within {@link SCENARIO_TIMEOUT_MS} is a failed case with the reason, and the
 * run goes on; `bail` stops after the first failed case; results come in the order given.
 * A timeout names the step that was running and keeps what the scenario recorded before it;
 * the scenario then starts no further step (the one running cannot be interrupted, and ends
 * at its client's step time limit) and closes its client.
 */
import type { CaseResult } from '../results/model.js';
import type { Scenario } from '../scenario/schema.js';
import { runScenario } from './run-scenario.js';
import { describeProgress, type ScenarioProgress } from './scenario-progress.js';

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
  /** Runs one scenario, keeping `progress` up to date; default {@link runScenario} (tests give one that hangs or throws). */
  run?: (s: Scenario, seed: number, progress: ScenarioProgress) => Promise<CaseResult>;
}

/**
 * The result of a scenario that did not complete: failed, with why. Its client is the
 * driver's kind (`command`, not the command line, which may hold a secret; a timeout's
 * result carries the redacted label instead).
 */
export function crashedCase(s: Scenario, message: string): CaseResult {
  return { id: s.id, title: s.title, kind: 'scenario', target: `mock:${s.provider.profile}`, client: s.client.driver, verdict: 'failed', message, durationMs: 0, steps: [], exchanges: [], diagnoses: [] };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

/**
 * The result of a scenario that ran out of time: the message names where it was (the step
 * running, for how long, the client driver); the steps that finished, the exchanges and the
 * client's runs so far are kept (redacted), with the step that hung as a failed step.
 */
export function timedOutCase(s: Scenario, timeoutMs: number, progress: ScenarioProgress): CaseResult {
  const now = performance.now();
  const limit = `${timeoutMs / 1000} s`;
  const where = describeProgress(progress, now);
  const crashed = crashedCase(s, `the scenario did not finish within ${limit}${where ? `: ${where}` : ''}`);
  let partial: ReturnType<NonNullable<ScenarioProgress['partial']>> | undefined;
  try {
    partial = progress.partial?.();
  } catch {
    // what was recorded could not be read: the message alone
  }
  if (!partial) return crashed;
  const hung = progress.step;
  const ran = hung ? `${((now - hung.startedAt) / 1000).toFixed(1)} s` : '';
  const steps = hung
    ? [...partial.steps, { name: hung.name, passed: false, detail: `still running when the scenario timeout (${limit}) ran out`, expectations: [{ path: `steps[${hung.index}]`, passed: false, message: `${hung.label} did not finish: the scenario timeout (${limit}) ran out after it had run ${ran}`, expected: 'finished', actual: 'still running' }] }]
    : partial.steps;
  return { ...crashed, ...partial, steps };
}

/** Runs the scenarios in order; returns their results in that order. */
export async function runInProcess(o: InProcessRunOptions): Promise<CaseResult[]> {
  const timeoutMs = o.timeoutMs ?? SCENARIO_TIMEOUT_MS;
  const run = o.run ?? ((s: Scenario, seed: number, progress: ScenarioProgress) => runScenario(s, { seed, progress }));
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
      const progress: ScenarioProgress = {};
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<CaseResult>((resolve) => {
        timer = setTimeout(() => {
          resolve(timedOutCase(s, timeoutMs, progress));
          progress.abandoned = true;
        }, timeoutMs);
      });
      let r = await Promise.race([run(s, o.seed, progress).catch((e: unknown) => crashedCase(s, `the scenario crashed: ${messageOf(e)}`)), timedOut]);
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
