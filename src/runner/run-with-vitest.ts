/**
 * Runs scenarios as vitest tests (one per scenario) through vitest's Node API, and
 * collects their results as they finish.
 */
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestCase } from 'vitest/node';
import { startVitest } from 'vitest/node';
import { packageRoot } from '../../mocks/package-root.js';
import type { CaseResult } from '../results/model.js';
import type { Scenario } from '../scenario/schema.js';

export interface VitestRunOptions {
  scenarios: Scenario[];
  seed: number;
  bail: boolean;
  /** Called as each scenario finishes (for progress output). */
  onResult?: (r: CaseResult) => void;
}

function crashed(s: Scenario, message: string): CaseResult {
  return { id: s.id, title: s.title, kind: 'scenario', target: `mock:${s.provider.profile}`, client: 'reference', verdict: 'failed', message, durationMs: 0, steps: [], exchanges: [], diagnoses: [] };
}

/** Runs the scenarios; returns their results in catalog order. */
export async function runWithVitest(o: VitestRunOptions): Promise<CaseResult[]> {
  const here = fileURLToPath(import.meta.url);
  const suite = join(dirname(here), here.endsWith('.ts') ? 'scenario.suite.ts' : 'scenario.suite.js');
  const root = packageRoot();
  const byId = new Map(o.scenarios.map((s) => [s.id, s]));
  const results = new Map<string, CaseResult>();
  const reporter = {
    onTestCaseResult(testCase: TestCase) {
      const meta = testCase.meta().oauthHarness;
      const s = byId.get(testCase.name);
      const result = meta ?? (s ? crashed(s, testCase.result().errors?.[0]?.message ?? 'the scenario did not complete') : undefined);
      if (!result) return;
      results.set(result.id, result);
      o.onResult?.(result);
    },
  };
  const vitest = await startVitest(
    'test',
    [],
    {
      root,
      config: false,
      include: [relative(root, suite)],
      exclude: [],
      watch: false,
      reporters: [reporter],
      provide: { oauthHarnessScenarios: o.scenarios, oauthHarnessSeed: o.seed },
      pool: 'threads',
      isolate: false,
      fileParallelism: false,
      // The harness's own compiled modules load natively in the worker, like node_modules:
      // through vite's transform pipeline (the default for files under the root) they
      // took about a second of every run's start. Only the suite file goes through vitest.
      server: { deps: { external: [/\/dist\/(src|mocks)\//] } },
      ...(o.bail ? { bail: 1 } : {}),
      testTimeout: 60_000,
    },
    { logLevel: 'error', server: { watch: null } as never },
  );
  await vitest.close();
  return o.scenarios.flatMap((s) => results.get(s.id) ?? (o.bail ? [] : [crashed(s, 'the scenario did not run')]));
}
