/**
 * Where a running scenario is: the client driver in play, the step running and since
 * when, and what it recorded so far. `runScenario` keeps it up to date; the scenario
 * timeout of `runInProcess` reads it to say which step hung and to keep what happened
 * before (run-in-process.ts).
 */
import type { DriverKind } from '../drivers/driver.js';
import type { CaseResult } from '../results/model.js';

/** A step as messages name it: its number (from 1) and its `name`, or its action when it has none (`step 3 "connect"`). */
export function stepLabel(index: number, name: string): string {
  return `step ${index + 1} ${JSON.stringify(name)}`;
}

export interface ScenarioProgress {
  /** The client driver in play (set before the client starts). */
  driver?: DriverKind;
  /** The step running now: its index, its label (`stepLabel`), its name in the results, when it started (`performance.now()`). */
  step?: { index: number; label: string; name: string; startedAt: number };
  /** How many steps finished. */
  finished?: number;
  /** What was recorded so far, redacted as a result is: the client, the steps that finished, the exchanges, the client's runs. */
  partial?: () => Pick<CaseResult, 'client' | 'steps' | 'exchanges' | 'clientRuns'>;
  /** Set when the scenario's time ran out and its result is written: the scenario starts no further step and closes its client. */
  abandoned?: boolean;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Where the scenario was (`step 3 "connect" had been running for 41.2 s (command client)`); undefined when nothing was reported. */
export function describeProgress(p: ScenarioProgress, now = performance.now()): string | undefined {
  const client = p.driver ? `${p.driver} client` : 'client';
  if (p.step) return `${p.step.label} had been running for ${seconds(now - p.step.startedAt)}${p.driver ? ` (${client})` : ''}`;
  if (!p.driver && !p.finished) return undefined;
  if (!p.finished) return `the ${client} was starting (before step 1)`;
  return `after its ${p.finished} step${p.finished > 1 ? 's' : ''} had finished (stopping the ${client}, reading the verdicts)`;
}
