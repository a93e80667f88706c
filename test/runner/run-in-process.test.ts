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
import { runScenario } from '../../src/runner/run-scenario.js';
import type { ScenarioProgress } from '../../src/runner/scenario-progress.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { scenario } from '../drivers/verdict-fixtures.js';

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
    expect(results[1]!.client).toBe('reference');
    // a crashed case names its driver, never the command line (it may hold a secret)
    const command = { ...named('command-crash'), client: { ...named('x').client, driver: 'command' as const, command: { run: 'my-client --secret hush-hush-1234', timeout: '20s', env: {} } } } as Scenario;
    const [crashed] = await runInProcess({ scenarios: [command], seed: 1, run: () => Promise.reject(new Error('boom')) });
    expect(crashed!.client).toBe('command');
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

  describe('a scenario that runs out of time names the step that was running', () => {
    const secret = 'hush-hush-client-secret-42';
    /** A command client whose second step (the refresh, named) hangs; its command line carries the client secret. */
    const hangsInRefresh = (timeout: string) =>
      scenario(
        {
          provider: { profile: 'rfc-strict' },
          client: { clientSecret: secret, driver: 'command', command: { run: `SECRET=${secret}; if [ "$OAUTH_HARNESS_STEP" = refresh ]; then echo "waiting $SECRET"; sleep 10; fi`, timeout } },
          steps: [{ clientCredentials: { scopes: ['read'] } }, { name: 'stuck refresh', refresh: {} }],
        },
        'hangs-in-refresh',
      );

    it('the scenario timeout names the step, how long it ran and the driver, keeps what came before, and shows no secret', async () => {
      // the scenario runs on in the background after its timeout: waited for at the end, so no client is left running
      let background: Promise<CaseResult> | undefined;
      const [r] = await runInProcess({ scenarios: [hangsInRefresh('2s')], seed: 1, timeoutMs: 1000, run: (s, seed, progress) => (background = runScenario(s, { seed, progress })) });
      expect(r!.verdict).toBe('failed');
      expect(r!.message).toMatch(/^the scenario did not finish within 1 s: step 2 "stuck refresh" had been running for \d+\.\d s \(command client\)$/);
      expect(r!.client).toMatch(/^command:/);
      expect(r!.steps.map((s) => [s.name, s.passed])).toEqual([['1. clientCredentials', true], ['stuck refresh', false]]);
      expect(r!.steps[1]!.expectations[0]).toMatchObject({ path: 'steps[1]', passed: false, message: expect.stringMatching(/^step 2 "stuck refresh" did not finish: the scenario timeout \(1 s\) ran out after it had run \d+\.\d s$/) });
      expect(r!.clientRuns?.map((c) => c.step)).toEqual(['client-credentials']);
      expect(JSON.stringify(r)).not.toContain(secret);
      await background;
    }, 10_000);

    it('after its timeout the scenario starts no further step, so the next scenario does not meet it', async () => {
      const base = hangsInRefresh('2s');
      const withThird = { ...base, steps: [...base.steps, { name: 'after the timeout', clientCredentials: { scopes: ['read'] } }] } as Scenario;
      let background: Promise<CaseResult> | undefined;
      await runInProcess({ scenarios: [withThird], seed: 1, timeoutMs: 1000, run: (s, seed, progress) => (background = runScenario(s, { seed, progress })) });
      // the hung step ends at its client's 2 s limit; the third never starts
      const late = await background!;
      expect(late.steps.map((x) => x.name)).toEqual(['1. clientCredentials', 'stuck refresh']);
      expect(late.exchanges.filter((e) => e.step === 'after the timeout')).toEqual([]);
    }, 10_000);

    it('a scenario that hangs before its first step says so', async () => {
      const run = (_s: Scenario, _seed: number, progress: ScenarioProgress) => {
        progress.driver = 'web';
        return new Promise<CaseResult>(() => undefined);
      };
      const [r] = await runInProcess({ scenarios: [named('starting')], seed: 1, timeoutMs: 100, run });
      expect(r!.message).toBe('the scenario did not finish within 0.1 s: the web client was starting (before step 1)');
    });

    it('the per-step limit names the step too', async () => {
      const r = await runScenario(hangsInRefresh('500ms'), { seed: 1 });
      expect(r.verdict).toBe('failed');
      expect(r.message).toMatch(/^steps\[1\]: unexpected failure: client_failed: step 2 "stuck refresh" did not finish within the command client's step time limit \(500ms\): the refresh: the client timed out: waiting \[redacted:[0-9a-f]{8}\]$/);
      expect(JSON.stringify(r)).not.toContain(secret);
    }, 10_000);
  });
});
