/**
 * The catalog as a whole: every diagnosis is a module named after its id, describes
 * itself fully, and is proven by a scenario where it fires and one where it must not;
 * those scenarios pass; and no detector throws on any traffic the catalog produces.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSES } from '../../src/diagnoses/catalog.js';
import { DIAGNOSIS_IDS } from '../../src/scenario/diagnosis-ids.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { findScenarioFiles, loadScenarios } from '../../src/scenario/load.js';

const REQUIRED = [
  'credentials-wrong-placement', 'basic-credentials-not-form-encoded', 'client-credentials-wrong', 'credentials-sent-twice', 'endpoint-url-wrong',
  'redirect-uri-mismatch', 'scope-not-registered', 'scopes-denied-by-user', 'insufficient-scope', 'no-access-token-sent', 'address-not-allowed',
  'token-expired-not-refreshed', 'missing-refresh-token-never-expires', 'missing-refresh-token-no-refresh-support', 'missing-refresh-token-needs-offline',
  'missing-refresh-token-issued-once', 'refresh-token-invalidated', 'refresh-token-reuse', 'never-expiring-token', 'error-with-http-200', 'token-response-not-json',
];

const scenarios = loadScenarios(findScenarioFiles(['scenarios/diagnoses']));
const expectations = (s: (typeof scenarios)[number], key: 'diagnoses' | 'noDiagnoses'): string[] => s.steps.flatMap((st) => st.expect?.[key] ?? []);

describe('the diagnosis catalog', () => {
  it('names its ids in diagnosis-ids.ts (what the scenario format accepts), in catalog order', () => {
    expect(DIAGNOSES.map((d) => d.id)).toEqual([...DIAGNOSIS_IDS]);
  });

  it('has every required id, each once', () => {
    const ids = DIAGNOSES.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED) expect(ids).toContain(id);
  });

  for (const d of DIAGNOSES) {
    describe(d.id, () => {
      it('is a kebab-case module named after its id, with a title and fix steps', () => {
        expect(d.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(readdirSync('src/diagnoses')).toContain(`${d.id}.ts`);
        expect(readFileSync(join('src/diagnoses', `${d.id}.ts`), 'utf8')).toContain(`id: '${d.id}'`);
        expect(d.title.length).toBeGreaterThan(10);
        expect(d.title).not.toMatch(/\.$/);
        expect(d.fix.length).toBeGreaterThan(0);
        for (const f of d.fix) expect(f).toMatch(/^[A-Z].*[.)]$/);
      });
      it('has a scenario where it fires and a control where it must not', () => {
        const fires = scenarios.filter((s) => expectations(s, 'diagnoses').includes(d.id));
        const silent = scenarios.filter((s) => expectations(s, 'noDiagnoses').includes(d.id) && s.tags.includes('control'));
        expect(fires.map((s) => s.id)).toContain(`diagnosis-${d.id}`);
        expect(silent.map((s) => s.id)).toContain(`diagnosis-${d.id}-control`);
      });
    });
  }
});

describe('the fire and control scenarios pass', () => {
  for (const s of scenarios) {
    it(s.id, async () => {
      const r = await runScenario(s, { seed: 1 });
      expect(r.steps.flatMap((st) => st.expectations.filter((x) => !x.passed).map((x) => `${x.path}: ${x.message}`))).toEqual([]);
    });
  }
});

describe('no detector throws on the traffic of the whole catalog', () => {
  it('runs every detector directly on every scenario of scenarios/', async () => {
    const all = loadScenarios(findScenarioFiles(['scenarios']));
    const captured: import('../../src/results/model.js').Exchange[][] = [];
    const watch = (provider: import('../../mocks/provider/provider.js').MockProvider) => {
      const list: import('../../src/results/model.js').Exchange[] = [];
      captured.push(list);
      provider.onExchange((e) => list.push({ seq: e.seq, from: e.endpoint === 'authorize' || e.endpoint === 'decision' ? 'user-agent' : 'client', to: e.endpoint === 'api' ? 'resource-server' : 'authorization-server', endpoint: e.endpoint, at: e.at, request: { method: e.request.method, url: e.request.url, headers: e.request.headers, body: e.request.body }, response: e.response }));
    };
    for (const s of all) await runScenario(s, { seed: 1, onProvider: watch });
    const problems: string[] = [];
    for (const [i, exchanges] of captured.entries()) {
      for (const d of DIAGNOSES) {
        try {
          d.detect({ exchanges, reactions: [] });
        } catch (e) {
          problems.push(`${all[i]?.id}: ${d.id}: ${(e as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
