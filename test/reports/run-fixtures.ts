/**
 * Runs scenario files in-process the way `oauth-harness run` does (same runner, same
 * finishing of each case: file, redaction pass, expected failures) and returns the run.
 */
import { finishCase, makeRun } from '../../src/cli/commands/run.js';
import type { ExpectedFailure } from '../../src/results/expected-failures.js';
import type { CaseResult, RunResult } from '../../src/results/model.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { findScenarioFiles, loadScenarios } from '../../src/scenario/load.js';

export const FIXTURES = 'test/reports/fixtures/scenarios';
export const EXPECTED_FAILURES = 'test/reports/fixtures/expected-failures.yaml';

export async function runFixtures(paths: string[] = [FIXTURES], expected: ExpectedFailure[] = []): Promise<RunResult> {
  const scenarios = loadScenarios(findScenarioFiles(paths));
  const started = Date.now();
  const fileOf = new Map(scenarios.map((s) => [s.id, s.file]));
  const listed = new Map(expected.map((e) => [e.id, e]));
  const cases: CaseResult[] = [];
  for (const s of scenarios) cases.push(finishCase(await runScenario(s, { seed: 1 }), fileOf, listed));
  return makeRun(cases, started, 1);
}
