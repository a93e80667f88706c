/**
 * No secret reaches any output. The whole catalog (every scenario under `scenarios/`) runs
 * through the same runner as `oauth-harness run`; the runner's onProvider hook hands this test each
 * provider, so it sees the registered client secrets, the users' passwords and every raw
 * request and response before redaction. It collects every secret value on its own (not
 * with the redaction code it checks), then renders the console output and the JUnit, JSON
 * and HTML reports into a temporary --out folder and looks for each secret in every
 * spelling a report could carry.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import escapeHtml from 'escape-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultUsers, loadProfile, profileClients } from '../../mocks/profiles.js';
import type { MockProvider } from '../../mocks/provider/provider.js';
import { printCase, printSummary } from '../../src/cli/console-output.js';
import { finishCase, makeRun } from '../../src/cli/commands/run.js';
import { REPORTERS, writeReports } from '../../src/reports/write-reports.js';
import type { CaseResult } from '../../src/results/model.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { findScenarioFiles, loadScenarios } from '../../src/scenario/load.js';

const SECRET_PARAMS = ['client_secret', 'code', 'access_token', 'refresh_token', 'id_token', 'code_verifier', 'password', 'token', 'txn', 'client_assertion', 'device_code'];
const MIN = 6;

/** Every secret value one exchange carries, found without the redaction module. */
function secretsOf(e: { request: { url: string; headers: Record<string, string>; body: string }; response: { headers: Record<string, string>; body: string } }, out: Set<string>): void {
  const add = (v: string | null | undefined) => {
    if (v && v.length >= MIN) out.add(v);
  };
  const fromParams = (p: URLSearchParams) => {
    for (const k of SECRET_PARAMS) for (const v of p.getAll(k)) add(v);
  };
  const fromUrl = (u: string | undefined) => {
    try {
      if (u) fromParams(new URL(u).searchParams);
    } catch {
      /* relative */
    }
  };
  const fromJson = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(fromJson);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (typeof x === 'string' && SECRET_PARAMS.includes(k) ? add(x) : fromJson(x));
  };
  const fromBody = (b: string) => {
    if (!b) return;
    try {
      fromJson(JSON.parse(b));
      return;
    } catch {
      /* not JSON */
    }
    if (!b.trimStart().startsWith('<')) fromParams(new URLSearchParams(b));
    for (const m of b.matchAll(/name="(\w+)"[^>]*value="([^"]*)"/g)) if (SECRET_PARAMS.includes(m[1]!)) add(m[2]);
  };
  fromUrl(e.request.url);
  fromUrl(e.response.headers.location);
  fromBody(e.request.body);
  fromBody(e.response.body);
  const auth = e.request.headers.authorization;
  if (auth) {
    const [scheme, value] = auth.split(/\s+/, 2);
    add(value);
    if (/^basic$/i.test(scheme ?? '') && value) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const secret = decoded.slice(decoded.indexOf(':') + 1);
      add(secret);
      try {
        add(decodeURIComponent(secret.replace(/\+/g, ' ')));
      } catch {
        /* raw */
      }
    }
  }
}

/** The spellings under which a secret could show up in a report file or the console. */
function spellings(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret), new URLSearchParams({ x: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1), escapeHtml(secret), escapeHtml(JSON.stringify(secret).slice(1, -1))];
  return [...new Set(forms)].filter((f) => f.length >= MIN);
}

const scenarios = loadScenarios(findScenarioFiles(['scenarios']));
const secrets = new Set<string>();
const outputs = new Map<string, string>();
let cases: CaseResult[] = [];

beforeAll(async () => {
  const providers: MockProvider[] = [];
  const fileOf = new Map(scenarios.map((s) => [s.id, s.file]));
  const started = Date.now();
  for (const s of scenarios) {
    cases.push(finishCase(await runScenario(s, { seed: 1, onProvider: (p) => providers.push(p) }), fileOf, new Map()));
    if (typeof s.client.clientSecret === 'string' && s.client.clientSecret.length >= MIN) secrets.add(s.client.clientSecret);
    for (const c of s.provider.clients) if (typeof c.client_secret === 'string' && c.client_secret.length >= MIN) secrets.add(c.client_secret);
  }
  for (const p of providers) {
    for (const c of p.context.clients.values()) if (c.client_secret) secrets.add(c.client_secret);
    for (const u of p.context.users.values()) secrets.add(u.password);
    for (const e of p.exchanges) secretsOf(e, secrets);
  }
  const run = makeRun(cases, started, 1);
  const console: string[] = [];
  for (const c of run.cases) printCase(c, (line) => console.push(line));
  printSummary(run, [], (line) => console.push(line));
  outputs.set('console', console.join('\n'));
  const dir = mkdtempSync(join(tmpdir(), 'redaction-'));
  for (const file of writeReports(run, Object.keys(REPORTERS), dir)) outputs.set(file, readFileSync(file, 'utf8'));
}, 300_000);


describe('redaction across the whole catalog', () => {
  it('ran the catalog and collected its secrets', () => {
    expect(cases.length).toBe(scenarios.length);
    expect(scenarios.length).toBeGreaterThan(50);
    expect(secrets.size).toBeGreaterThan(200);
    expect(outputs.size).toBe(4);
    // the kinds of secret the issue names are all among them
    const all = [...secrets].join('\n');
    for (const prefix of ['at_', 'rt_', 'c_']) expect(all).toContain(prefix);
    expect(all).toMatch(/^eyJ/m); // JWT access and ID tokens
  });

  it('leaves no secret in the console output or in any report file', () => {
    const leaks: string[] = [];
    for (const secret of secrets) {
      for (const form of spellings(secret)) {
        for (const [name, text] of outputs) if (text.includes(form)) leaks.push(`${name}: ${form.slice(0, 6)}… (${form.length} chars)`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('replaces them by fingerprints that still match across uses', () => {
    const json = [...outputs].find(([n]) => n.endsWith('results.json'))![1];
    const markers = [...json.matchAll(/\[redacted:([0-9a-f]{8})\]/g)].map((m) => m[1]);
    expect(markers.length).toBeGreaterThan(500);
    expect(new Set(markers).size).toBeLessThan(markers.length);
  });
});

describe('redaction through the CLI (built code, as `npm test` builds it first)', () => {
  const built = existsSync('dist/cli/oauth-harness.js') && existsSync('bin/oauth-harness.js');
  it.skipIf(!built)('keeps the seeded client secrets and user passwords out of the console and every report', () => {
    const out = mkdtempSync(join(tmpdir(), 'redaction-cli-'));
    const r = spawnSync(process.execPath, ['bin/oauth-harness.js', 'run', '--out', out, '--report', 'junit,json,html', '--seed', '1'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 240_000 });
    expect(r.stdout).toMatch(/\d+ passed, \d+ failed/);
    const seeded = new Set<string>();
    for (const name of new Set(scenarios.map((s) => s.provider.profile))) {
      const profile = loadProfile(name);
      for (const c of profileClients(profile, 1)) if (c.client_secret) seeded.add(c.client_secret);
      for (const u of profile.users.length ? profile.users : defaultUsers(1)) seeded.add(u.password);
    }
    for (const s of scenarios) {
      if (typeof s.client.clientSecret === 'string' && s.client.clientSecret.length >= MIN) seeded.add(s.client.clientSecret);
      for (const c of s.provider.clients) if (typeof c.client_secret === 'string' && c.client_secret.length >= MIN) seeded.add(c.client_secret);
    }
    const texts = [r.stdout, r.stderr, ...readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8'))];
    const leaks = [...seeded].flatMap((s) => spellings(s).filter((f) => texts.some((t) => t.includes(f))).map((f) => `${f.slice(0, 4)}…`));
    expect(seeded.size).toBeGreaterThan(5); // profiles share seeded secrets and users; scenarios add their own
    expect(leaks).toEqual([]);
  }, 300_000);
});
