/**
 * The web driver against the example web client (clients/web/oauth4webapi-web.mjs): the
 * harness opens its login page, consents at the mock, lands on its callback, makes it
 * call the API, and reads what it did from the recorded exchange.
 *
 * The test that moves the clock needs libfaketime, which shares the scenario clock with
 * the client: without it, that test is skipped with one line (it fails under CI).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClientVerdict } from '../../src/drivers/client-verdicts.js';
import { parseClientOption } from '../../src/drivers/driver-spec.js';
import type { CaseResult } from '../../src/results/model.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { needs } from '../support/system-requirements.js';
import { scenario } from './verdict-fixtures.js';

const app = join(import.meta.dirname, '..', '..', 'clients', 'web', 'oauth4webapi-web.mjs');
const clock = needs('web driver', ['libfaketime'], { skipping: { libfaketime: 'refresh after expiry' } });
const web = parseClientOption(`web:${JSON.stringify(process.execPath)} ${JSON.stringify(app)}`);

async function run(doc: Record<string, unknown>) {
  const r = (await runScenario(scenario(doc, 'web'), { seed: 1, driver: web })) as CaseResult & { clientVerdicts: ClientVerdict[] };
  const failures = r.steps.flatMap((s) => s.expectations.filter((x) => !x.passed).map((x) => `${x.path}: ${x.message}`));
  return { r, failures, verdict: (id: string) => r.clientVerdicts.find((v) => v.id === id)! };
}

describe('web driver', () => {
  it.runIf(clock.ok)('connects, calls the API, refreshes after expiry, and disconnects, as the browser', async () => {
    const { r, failures, verdict } = await run({
      provider: { profile: 'rfc-strict' },
      client: { scopes: ['read'] },
      steps: [
        { connect: { user: 'alice' }, expect: { outcome: 'success', tokens: { refresh: 'present' } } },
        { callApi: {}, expect: { outcome: 'success' } },
        { advanceClock: '2h' },
        { callApi: {}, expect: { outcome: 'success' } },
        { disconnect: {}, expect: { outcome: 'success' } },
      ],
      verdicts: { state: 'pass', 'pkce-s256': 'pass', 'redirect-uri-repeated': 'pass', refreshed: 'pass', 'revoked-on-disconnect': 'pass' },
    });
    expect(failures).toEqual([]);
    expect(r.client).toMatch(/^web:/);
    expect(verdict('redirect-uri-registered').detail).toMatch(/^redirect_uri http:\/\/127\.0\.0\.1:\d+\/callback$/);
  });

  it('a forged state makes the callback fail and no code is redeemed', async () => {
    const { failures, verdict } = await run({
      provider: { profile: 'rfc-strict' },
      client: { scopes: ['read'] },
      steps: [{ connect: { user: 'alice', tamper: 'state' }, expect: { outcome: 'failure', tokens: { access: 'absent' } } }],
    });
    expect(failures).toEqual([]);
    expect(verdict('state-checked').outcome).toBe('pass');
  });

  it('a page the client does not have is "unsupported", and a client that never starts is a clear failure', async () => {
    const { r } = await run({ provider: { profile: 'rfc-strict' }, client: { scopes: ['read'] }, steps: [{ clientCredentials: {}, expect: { error: 'unsupported_by_client' } }] });
    expect(r.verdict).toBe('passed');
    const broken = parseClientOption('web:exit 7');
    await expect(runScenario(scenario({ provider: { profile: 'rfc-strict' }, steps: [{ connect: {} }] }, 'broken'), { seed: 1, driver: broken })).rejects.toMatchObject({ message: /the web client exited with 7 before answering/ });
  });

  it('a page the client never answers ends at the step time limit, naming the step and the page', async () => {
    const hanging = join(import.meta.dirname, 'fixtures', 'hanging-web-client.mjs');
    const driver = { ...parseClientOption(`web:${JSON.stringify(process.execPath)} ${JSON.stringify(hanging)}`) } as Extract<ReturnType<typeof parseClientOption>, { kind: 'web' }>;
    const limited = { ...driver, web: { ...driver.web, timeout: '500ms' } };
    const started = performance.now();
    const r = await runScenario(scenario({ provider: { profile: 'rfc-strict' }, steps: [{ name: 'stuck refresh', refresh: {} }] }, 'hanging-web'), { seed: 1, driver: limited });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(r.verdict).toBe('failed');
    expect(r.message).toMatch(/^steps\[0\]: unexpected failure: client_failed: step 1 "stuck refresh" did not finish within the web client's step time limit \(500ms\): the web client did not answer POST http:\/\/127\.0\.0\.1:\d+\/refresh within 500ms$/);
    expect(r.clientRuns?.map((x) => [x.step, x.timedOut])).toEqual([['refresh', true]]);
  }, 20_000);
});
