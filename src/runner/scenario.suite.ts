/**
 * The vitest test file behind `oauth-harness run`: one vitest test per scenario. The
 * scenarios (already loaded and validated) and the seed come from the main process
 * through `provide`/`inject`;
 * each test's `CaseResult` goes back through the task's `meta`.
 */
import { inject, test } from 'vitest';
import type { CaseResult } from '../results/model.js';
import type { Scenario } from '../scenario/schema.js';
import { runScenario } from './run-scenario.js';

declare module 'vitest' {
  interface ProvidedContext {
    oauthHarnessScenarios: Scenario[];
    oauthHarnessSeed: number;
  }
  interface TaskMeta {
    oauthHarness?: CaseResult;
  }
}

const scenarios = inject('oauthHarnessScenarios');
const seed = inject('oauthHarnessSeed');

for (const scenario of scenarios) {
  test(scenario.id, async ({ task }) => {
    const result = await runScenario(scenario, { seed });
    task.meta.oauthHarness = result;
    if (result.verdict === 'failed') throw new Error(result.message ?? 'scenario failed');
  });
}
