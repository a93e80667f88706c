/**
 * Recordings of real clients nobody here wrote: the Node clients of the compatibility
 * matrix (openid-client, oauth4webapi, simple-oauth2, through their adapters in clients/
 * and the command driver) run the compatibility scenarios against the mock; the run's
 * results.json (the provider's record of what each client sent) is imported. Each
 * import reproduces the recorded exchange on the mock, with the provider's switches
 * read from that client's traffic.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';
import { MATRIX_CLIENTS } from '../../src/runner/matrix.js';
import { importRecording } from '../../src/import/import-recording.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { loadScenario } from '../../src/scenario/load.js';
import { inferred, runGenerated } from './import-support.js';

/** Scenario, and what its provider shows in any client's traffic. */
const SCENARIOS: Record<string, Record<string, unknown>> = {
  'client-docusign-basic-only': { 'clientAuth.methods': ['client_secret_basic'], 'refresh.policy': 'always', 'lifetimes.accessToken': 28800 },
  'client-github-error-http-200': { 'errors.style': 'github' },
  'client-rfc-strict-connect-api': { 'lifetimes.accessToken': 3600, 'discovery.issParameter': true },
};
const CLIENTS = ['openid-client', 'oauth4webapi', 'simple-oauth2'];

describe('import of what real Node clients sent (matrix adapters, command driver)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-matrix-'));
  for (const id of CLIENTS) {
    for (const [scenarioId, shows] of Object.entries(SCENARIOS)) {
      it(`${id} × ${scenarioId}`, async () => {
        const client = MATRIX_CLIENTS.find((c) => c.id === id)!;
        const scenario = loadScenario(join(packageRoot(), 'scenarios', 'clients', `${scenarioId}.yaml`));
        const recorded = await runScenario(scenario, { seed: 1, driver: client.spec(packageRoot()) });
        expect(recorded.exchanges.length).toBeGreaterThan(2);
        const file = join(dir, `${id}-${scenarioId}.json`);
        writeFileSync(file, JSON.stringify({ schemaVersion: 1, tool: 'oauth-harness', command: 'run', cases: [recorded] }));
        const r = await importRecording({ file, display: `${id}-${scenarioId}.json` });
        for (const [path, value] of Object.entries(shows)) expect(inferred(r, path), path).toEqual(value);
        expect(r.reproduced, r.differences.join('\n')).toBe(true);
        expect((await runGenerated(r.yaml, `${id}-${scenarioId}`)).verdict).toBe('passed');
      }, 60_000);
    }
  }
});
