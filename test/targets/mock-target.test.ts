/**
 * The HTTP path of targets, shown on the mock provider served on 127.0.0.1: the catalog's
 * rfc-strict and rotating-refresh scenarios pass when run over real HTTP with client-side
 * recording; the parity report finds no difference between that run and the in-process
 * (msw) run; and a deliberately changed setting is reported as a difference.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';
import { defaultUsers, loadProfile, profileClients } from '../../mocks/profiles.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { findScenarioFiles, loadScenarios } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { parityReport } from '../../src/targets/parity.js';
import { compareCases } from '../../src/targets/parity/compare.js';
import { runOnTarget } from '../../src/targets/run-on-target.js';

const root = packageRoot();
const catalog = loadScenarios(findScenarioFiles([join(root, 'scenarios')]), root);
const imitated = catalog.filter((s) => ['rfc-strict', 'rotating-refresh'].includes(s.provider.profile));
const byId = (id: string) => catalog.find((s) => s.id === id)!;

describe('runOnTarget(mock)', () => {
  it('passes the rfc-strict and rotating-refresh scenarios over HTTP', async () => {
    const run = await runOnTarget({ target: 'mock', scenarios: imitated, seed: 1 });
    const failures = run.cases.filter((c) => c.verdict !== 'passed').map((c) => `${c.id}: ${c.message}`);
    expect(failures).toEqual([]);
    expect(run.summary.total).toBe(imitated.length);
  });

  it('records the exchange client-side, names endpoints from discovery, and redacts it', async () => {
    const [c] = (await runOnTarget({ target: 'mock', scenarios: [byId('rotation-stores-new-refresh-token')], seed: 1 })).cases;
    expect(c!.target).toBe('mock:rotating-refresh');
    const endpoints = c!.exchanges.map((e) => `${e.from}:${e.endpoint}`);
    expect(endpoints).toEqual(['client:discovery', 'user-agent:authorize', 'user-agent:decision', 'client:token', 'client:token', 'client:token']);
    expect(c!.exchanges.map((e) => e.step)).toEqual(['1. connect', '1. connect', '1. connect', '1. connect', '2. refresh', '3. refresh']);
    const text = JSON.stringify(c);
    const secret = profileClients(loadProfile('rotating-refresh'), 1)[0]!.client_secret!;
    const password = defaultUsers(1)[0]!.password;
    expect(text).toContain('password=[redacted:');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(password);
    for (const e of c!.exchanges.filter((x) => x.endpoint === 'token')) {
      expect(e.request.headers.authorization).toMatch(/^Basic \[redacted:[0-9a-f]{8}\]$/);
      const body = JSON.parse(e.response.body!) as Record<string, unknown>;
      expect(body.access_token).toMatch(/^\[redacted:[0-9a-f]{8}\]$/);
      expect(body.refresh_token).toMatch(/^\[redacted:[0-9a-f]{8}\]$/);
    }
  });
});

describe('parity', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parity-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('finds no difference between the in-process mock and the same mock over HTTP', async () => {
    const report = await parityReport({ target: 'mock', scenarios: imitated, outDir: dir });
    expect(report.summary).toMatchObject({ scenarios: imitated.length, compared: imitated.length, same: imitated.length, different: 0, differences: 0 });
    const json = JSON.parse(await readFile(join(dir, 'parity.json'), 'utf8'));
    expect(json.summary.same).toBe(imitated.length);
    expect(await readFile(join(dir, 'parity.md'), 'utf8')).toMatch(/^# Parity: mock profiles vs mock/);
  });

  describe('compareCases', () => {
    const changed = (s: Scenario, switches: Record<string, unknown>): Scenario => ({ ...s, provider: { ...s.provider, switches } });

    it('reports a changed access token lifetime as an expires_in difference', async () => {
      const s = byId('diagnosis-refresh-token-invalidated-control');
      const diffs = compareCases(await runScenario(s, { seed: 1 }), await runScenario(changed(s, { lifetimes: { accessToken: 60 } }), { seed: 1 }));
      expect(diffs).toEqual([
        { step: '1. connect', endpoint: 'token', call: 1, field: 'expires_in', mock: 3600, target: 60 },
        { step: '2. refresh', endpoint: 'token', call: 1, field: 'expires_in', mock: 3600, target: 60 },
      ]);
    });

    it('reports refresh token rotation, and a refused request, field by field', async () => {
      const s = byId('diagnosis-refresh-token-invalidated-control');
      const diffs = compareCases(await runScenario(s, { seed: 1 }), await runScenario(changed(s, { refresh: { rotation: 'rotate' } }), { seed: 1 }));
      expect(diffs).toContainEqual({ step: '2. refresh', endpoint: 'token', call: 1, field: 'member refresh_token', mock: 'absent', target: 'present' });
      expect(diffs).toContainEqual({ step: '2. refresh', endpoint: 'token', call: 1, field: 'refresh rotation', mock: 'none', target: 'new' });
      const refused = compareCases(await runScenario(s, { seed: 1 }), await runScenario(changed(s, { clientAuth: { methods: ['client_secret_post'] } }), { seed: 1 }));
      expect(refused).toContainEqual({ step: '1. connect', endpoint: 'token', call: 1, field: 'status', mock: 200, target: 401 });
      expect(refused).toContainEqual({ step: '1. connect', endpoint: 'token', call: 1, field: 'error', mock: null, target: 'invalid_client' });
      expect(refused).toContainEqual({ step: '(case)', endpoint: '-', call: 0, field: 'case verdict', mock: 'passed', target: 'failed' });
    });
  });
});
