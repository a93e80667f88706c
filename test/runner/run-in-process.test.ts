/**
 * The in-process runner behind `oauth-harness run` (docs/decisions/022-run-in-process.md):
 * what vitest gave the run is kept: a scenario that throws, escapes its promise or hangs
 * is a failed case and the run goes on; --bail stops after the first failure; results
 * come in the order given. The last test runs real scenarios of the catalog.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';
import type { CaseResult } from '../../src/results/model.js';
import { crashedCase, runInProcess } from '../../src/runner/run-in-process.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';

const root = packageRoot();
const real = ['api-auth/api-call-with-bearer', 'credentials/google-body-credentials'].map((f) => loadScenario(join(root, 'scenarios', `${f}.yaml`), root));
const named = (id: string): Scenario => ({ ...real[0]!, id, title: id });
const passed = (s: Scenario): CaseResult => ({ ...crashedCase(s, ''), verdict: 'passed', message: undefined as never });

describe('runInProcess', () => {
  it('a scenario that throws, hangs or lets an error escape is a failed case, and the ones after it still run', async () => {
    const seen: string[] = [];
    const run = async (s: Scenario): Promise<CaseResult> => {
      if (s.id === 'throws') throw new Error('boom\nat somewhere');
      if (s.id === 'hangs') return new Promise(() => undefined);
      if (s.id === 'escapes') {
        void Promise.reject(new Error('stray rejection'));
        await new Promise((r) => setTimeout(r, 20));
      }
      return passed(s);
    };
    const results = await runInProcess({ scenarios: ['a', 'throws', 'hangs', 'escapes', 'z'].map(named), seed: 1, run, timeoutMs: 200, onResult: (r) => seen.push(r.id) });
    expect(results.map((r) => [r.id, r.verdict])).toEqual([['a', 'passed'], ['throws', 'failed'], ['hangs', 'failed'], ['escapes', 'failed'], ['z', 'passed']]);
    expect(results[1]!.message).toBe('the scenario crashed: boom');
    expect(results[2]!.message).toBe('the scenario did not finish within 0.2 s');
    expect(results[3]!.message).toBe('an error escaped the scenario: stray rejection');
    expect(seen).toEqual(['a', 'throws', 'hangs', 'escapes', 'z']);
  });

  it('removes its handlers for stray errors when it is done', async () => {
    const before = [process.listenerCount('unhandledRejection'), process.listenerCount('uncaughtException')];
    await runInProcess({ scenarios: [named('a')], seed: 1, run: async (s) => passed(s) });
    expect([process.listenerCount('unhandledRejection'), process.listenerCount('uncaughtException')]).toEqual(before);
  });

  it('--bail stops after the first failed case; without it every case runs', async () => {
    const run = async (s: Scenario) => (s.id === 'b' ? crashedCase(s, 'failed') : passed(s));
    const ids = ['a', 'b', 'c'].map(named);
    expect((await runInProcess({ scenarios: ids, seed: 1, run, bail: true })).map((r) => r.id)).toEqual(['a', 'b']);
    expect((await runInProcess({ scenarios: ids, seed: 1, run })).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('runs real scenarios with the reference client, in order', async () => {
    const results = await runInProcess({ scenarios: real, seed: 1 });
    expect(results.map((r) => [r.id, r.verdict])).toEqual([['api-call-with-bearer', 'passed'], ['google-body-credentials', 'passed']]);
    expect(results[0]!.exchanges.length).toBeGreaterThan(0);
  }, 60_000);
});
