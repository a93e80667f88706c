/**
 * HARs of real clients nobody here wrote, recorded the way a maintainer gets them from a
 * server-side client (mitmproxy in front of it): the Python clients of the compatibility
 * matrix (requests-oauthlib and Authlib, Debian's packages, through their adapters in
 * clients/ and the command driver) run the compatibility scenarios against the mock with
 * HTTP_PROXY pointing at a recording proxy (test/support/recording-proxy.ts); the HAR it
 * writes is imported, the provider's switches are read from that client's traffic, and the
 * generated scenario, run on the mock, reproduces the recorded outcome. Skipped without
 * the Python clients locally; required under CI=true.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';
import type { DriverSpec } from '../../src/drivers/driver-spec.js';
import { MATRIX_CLIENTS } from '../../src/runner/matrix.js';
import { importRecording } from '../../src/import/import-recording.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { loadScenario } from '../../src/scenario/load.js';
import { startRecordingProxy } from '../support/recording-proxy.js';
import { needs } from '../support/system-requirements.js';
import { inferred, runGenerated } from './import-support.js';

const machine = needs('import of HARs recorded from the Python clients', ['python-oauth-clients']);

/** Scenario, the outcome the recording shows, and what its provider shows in any client's token traffic. */
const SCENARIOS: Record<string, { outcome: RegExp; shows: Record<string, unknown> }> = {
  'client-docusign-basic-only': { outcome: /^all \d+ steps succeed|^the single step succeeds/, shows: { 'clientAuth.methods': ['client_secret_basic'], 'refresh.policy': 'always', 'lifetimes.accessToken': 28800 } },
  'client-github-error-http-200': { outcome: /fails with/, shows: { 'errors.style': 'github' } },
  'client-rfc-strict-connect-api': { outcome: /^all \d+ steps succeed|^the single step succeeds/, shows: { 'lifetimes.accessToken': 3600, 'tokenResponse.tokenType': 'Bearer' } },
};

describe.runIf(machine.ok)('import of HARs recorded through a proxy from the Python clients of the matrix', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-python-'));
  for (const id of ['requests-oauthlib', 'authlib']) {
    for (const [scenarioId, want] of Object.entries(SCENARIOS)) {
      it(`${id} × ${scenarioId}`, async () => {
        const client = MATRIX_CLIENTS.find((c) => c.id === id)!;
        const scenario = loadScenario(join(packageRoot(), 'scenarios', 'clients', `${scenarioId}.yaml`));
        const proxy = await startRecordingProxy();
        try {
          const spec = client.spec(packageRoot()) as Extract<DriverSpec, { kind: 'command' }>;
          const driver = { ...spec, command: { ...spec.command, env: { ...spec.command.env, HTTP_PROXY: proxy.url, http_proxy: proxy.url, NO_PROXY: '', no_proxy: '' } } };
          const recorded = await runScenario(scenario, { seed: 1, driver });
          // the client's own requests went through the proxy: its token requests at least
          expect(proxy.entries.some((e) => e.request.method === 'POST' && /token/.test(new URL(e.request.url).pathname)), `recorded: ${proxy.entries.map((e) => `${e.request.method} ${e.request.url}`).join(', ')}`).toBe(true);
          const file = join(dir, `${id}-${scenarioId}.har`);
          writeFileSync(file, JSON.stringify(proxy.har()));
          const r = await importRecording({ file, display: `${id}-${scenarioId}.har` });
          expect(r.outcome).toMatch(want.outcome);
          // the recording's outcome is the client's run's: a failed run fails a step there too
          expect(recorded.verdict === 'passed' || /fails with/.test(r.outcome), `${recorded.verdict}: ${r.outcome}`).toBe(true);
          for (const [path, value] of Object.entries(want.shows)) expect(inferred(r, path), path).toEqual(value);
          expect(r.reproduced, r.differences.join('\n')).toBe(true);
          expect((await runGenerated(r.yaml, `${id}-${scenarioId}`)).verdict).toBe('passed');
        } finally {
          await proxy.close();
        }
      }, 120_000);
    }
  }
});
