/**
 * Proof that verdicts can fail: for every scenario family (a folder of the catalog), a real
 * catalog scenario passes as written, fails when one of its expectations is wrong, and
 * fails when the client under test is broken (a deliberate `client.faults` bug, or a
 * setting the family is about). Each failure is pinned to the expectation that catches it,
 * so a check that silently stopped checking would show here.
 *
 * Also: the CLI exits 1 and writes reports for a failing scenario, and 0 for the catalog.
 * The CLI tests need `dist/` (`npm test` builds first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../mocks/package-root.js';
import type { CaseResult } from '../src/results/model.js';
import { runScenario } from '../src/runner/run-scenario.js';
import { findScenarioFiles, loadScenarios } from '../src/scenario/load.js';
import type { ClientConfig, Scenario } from '../src/scenario/schema.js';

const root = packageRoot();
const catalog = new Map(loadScenarios(findScenarioFiles([join(root, 'scenarios')]), root).map((s) => [s.id, s]));

type Fault = ClientConfig['faults'][number];

/** One way to break a scenario, and the expectation that must catch it. */
interface Breakage {
  /** What is wrong, in words (the test name). */
  what: string;
  /** Another scenario of the same family, when the default one is not the right stage. */
  scenario?: string;
  faults?: Fault[];
  mutate?: (s: Scenario) => void;
  /** Expectation paths that must fail (at least these). */
  caughtBy: string[];
}

interface Family {
  family: string;
  scenario: string;
  wrongExpectation: Breakage;
  brokenClient: Breakage[];
}

const FAMILIES: Family[] = [
  {
    family: 'credentials',
    scenario: 'docusign-basic-header',
    wrongExpectation: { what: 'expects body credentials where Basic was sent', mutate: (s) => (s.steps[0]!.expect!.request!.credentials = 'body'), caughtBy: ['steps[0].expect.request.credentials'] },
    brokenClient: [
      { what: 'a client that sends Basic and body credentials at once', faults: ['send-credentials-twice'], caughtBy: ['steps[0].expect.outcome', 'steps[0].expect.request.credentials'] },
      { what: 'a client that does not form-encode a special-character secret in Basic (rfc-strict)', scenario: 'basic-special-characters-encoded', faults: ['no-basic-encoding'], caughtBy: ['steps[0].expect.outcome', 'steps[0].expect.request.headers.authorization'] },
    ],
  },
  {
    family: 'settings',
    scenario: 'correct-settings-baseline',
    wrongExpectation: { what: 'expects 201 from the token endpoint', mutate: (s) => (s.steps[0]!.expect!.response!.status = 201), caughtBy: ['steps[0].expect.response.status'] },
    brokenClient: [
      { what: 'a client that does not revoke on disconnect', faults: ['no-revoke-on-disconnect'], caughtBy: ['steps[3].expect.request'] },
      { what: 'a client that drops redirect_uri at the token endpoint', faults: ['drop-redirect-uri-at-token'], caughtBy: ['steps[0].expect.outcome', 'steps[0].expect.request.params.redirect_uri'] },
      { what: 'a client configured with a stale secret', mutate: (s) => (s.client.clientSecret = 'stale'), caughtBy: ['steps[0].expect.outcome'] },
    ],
  },
  {
    family: 'redirect',
    scenario: 'state-tampered',
    wrongExpectation: { what: 'expects access_denied instead of state_mismatch', mutate: (s) => (s.steps[0]!.expect!.error = 'access_denied'), caughtBy: ['steps[0].expect.error'] },
    brokenClient: [
      { what: 'a client that ignores state accepts a tampered callback', faults: ['ignore-state'], caughtBy: ['steps[0].expect.outcome', 'steps[0].expect.request.count', 'steps[0].expect.tokens.access'] },
      { what: 'a client without PKCE against a provider that requires it', scenario: 'pkce-required-by-provider', faults: ['no-pkce'], caughtBy: ['steps[0].expect.outcome', 'steps[0].expect.request.params.code_challenge'] },
      { what: 'a client that drops redirect_uri at the token endpoint', scenario: 'registered-redirect-exact-match', faults: ['drop-redirect-uri-at-token'], caughtBy: ['steps[0].expect.outcome', 'steps[0].expect.request.params.redirect_uri'] },
    ],
  },
  {
    family: 'scopes',
    scenario: 'github-scopes-silently-narrowed',
    wrongExpectation: { what: 'expects every requested scope to be granted', mutate: (s) => (s.steps[0]!.expect!.tokens!.scopes = ['gist', 'admin:org']), caughtBy: ['steps[0].expect.tokens.scopes'] },
    brokenClient: [
      { what: "a client that trusts the requested scopes over the response's scope", faults: ['ignore-granted-scope'], caughtBy: ['steps[0].expect.warnings', 'steps[0].expect.tokens.scopes'] },
      { what: 'a client that joins scopes with commas (Google)', scenario: 'google-scope-recovery-reconnect', mutate: (s) => (s.client.scopeDelimiter = ','), caughtBy: ['steps[0].expect.outcome', 'steps[0].expect.warnings'] },
    ],
  },
  {
    family: 'api-auth',
    scenario: 'api-call-with-bearer',
    wrongExpectation: { what: 'expects the userinfo call to be refused', mutate: (s) => (s.steps[1]!.expect!.response!.status = 401), caughtBy: ['steps[1].expect.response.status'] },
    brokenClient: [{ what: 'a client that sends the token in the query instead of the header', faults: ['bearer-in-query'], caughtBy: ['steps[1].expect.outcome', 'steps[1].expect.request.headers.authorization'] }],
  },
  {
    family: 'network',
    scenario: 'salesforce-ip-allowed',
    wrongExpectation: { what: 'expects the token request from another address', mutate: (s) => (s.steps[0]!.expect!.request!.headers!['x-forwarded-for'] = '203.0.113.9'), caughtBy: ['steps[0].expect.request.headers.x-forwarded-for'] },
    brokenClient: [
      { what: 'a client whose server calls from outside the allowed range', mutate: (s) => (s.client.sourceAddress = '203.0.113.9'), caughtBy: ['steps[0].expect.outcome'] },
      { what: 'a client that sends credentials twice', faults: ['send-credentials-twice'], caughtBy: ['steps[0].expect.outcome', 'steps[0].expect.request.credentials'] },
    ],
  },
  {
    family: 'refresh',
    scenario: 'expired-token-refreshed-once',
    wrongExpectation: { what: 'expects two refresh requests', mutate: (s) => (s.steps[2]!.expect!.request!.count = 2), caughtBy: ['steps[2].expect.request.count'] },
    brokenClient: [
      { what: 'a client that does not refresh an expired token', faults: ['no-refresh'], caughtBy: ['steps[2].expect.outcome', 'steps[2].expect.request.count'] },
      { what: 'a client that does not retry after a 401', scenario: 'unexpected-401-refreshed-and-retried-once', faults: ['no-retry'], caughtBy: ['steps[2].expect.outcome', 'steps[2].expect.request.count'] },
      { what: 'a client that keeps the old refresh token after rotation', scenario: 'rotation-stores-new-refresh-token', faults: ['keep-old-refresh-token'], caughtBy: ['steps[1].expect.tokens.refreshRotated'] },
      { what: 'a client that retries invalid_grant', scenario: 'refresh-token-revoked-at-provider', faults: ['retry-invalid-grant'], caughtBy: ['steps[2].expect.request.count'] },
    ],
  },
  {
    family: 'revocation',
    scenario: 'disconnect-revokes-refresh-token',
    wrongExpectation: { what: 'expects the access token to be revoked', mutate: (s) => (s.steps[1]!.expect!.request!.params!.token_type_hint = 'access_token'), caughtBy: ['steps[1].expect.request.params.token_type_hint'] },
    brokenClient: [
      { what: 'a client that does not revoke on disconnect', faults: ['no-revoke-on-disconnect'], caughtBy: ['steps[1].expect.request'] },
      { what: 'a client that deletes tokens without revoking (Google)', scenario: 'disconnect-revokes-drop-leaves-grant', faults: ['no-revoke-on-disconnect'], caughtBy: ['steps[1].expect.request.count', 'steps[2].expect.tokens.refresh'] },
    ],
  },
  {
    family: 'identity-service',
    scenario: 'client-credentials-jwt',
    wrongExpectation: { what: 'expects a three-minute client-credentials token', mutate: (s) => (s.steps[0]!.expect!.tokens!.expires = '3m'), caughtBy: ['steps[0].expect.tokens.expires'] },
    brokenClient: [
      { what: 'a client that sends credentials twice', faults: ['send-credentials-twice'], caughtBy: ['steps[0].expect.outcome', 'steps[0].expect.request.credentials'] },
      { what: 'a client that ignores state', scenario: 'state-mismatch', faults: ['ignore-state'], caughtBy: ['steps[0].expect.outcome', 'steps[0].expect.request.count'] },
      { what: 'a client that does not refresh three-minute tokens', scenario: 'access-token-three-minutes', faults: ['no-refresh'], caughtBy: ['steps[2].expect.outcome', 'steps[2].expect.request.count'] },
    ],
  },
  {
    family: 'basic-auth',
    scenario: 'basic-web-service',
    wrongExpectation: { what: 'expects a 401 from a correct login', mutate: (s) => (s.steps[0]!.expect!.response!.status = 401), caughtBy: ['steps[0].expect.response.status'] },
    brokenClient: [
      // The Basic web service is called with the user's login, not through the OAuth client: its broken client is a wrong login.
      { what: 'an integration with an outdated password', mutate: (s) => (s.steps[0]!.callApi!.wrongPassword = true), caughtBy: ['steps[0].expect.outcome'] },
      { what: 'an OAuth client that sends its token in the query', scenario: 'basic-web-service-bearer-token', faults: ['bearer-in-query'], caughtBy: ['steps[1].expect.request.headers.authorization'] },
    ],
  },
  {
    family: 'response-shape',
    scenario: 'github-error-with-http-200',
    wrongExpectation: { what: "expects GitHub's own error code", mutate: (s) => (s.steps[0]!.expect!.error = 'incorrect_client_credentials'), caughtBy: ['steps[0].expect.error'] },
    brokenClient: [{ what: 'a client that trusts HTTP 200 token responses', faults: ['trust-http-200'], caughtBy: ['steps[0].expect.error', 'steps[0].expect.warnings'] }],
  },
];

function load(family: string, id: string): Scenario {
  const s = catalog.get(id);
  if (!s) throw new Error(`no catalog scenario "${id}"`);
  expect(s.file).toBe(`scenarios/${family}/${id}.yaml`);
  return structuredClone(s);
}

function failedPaths(r: CaseResult): string[] {
  return r.steps.flatMap((st) => st.expectations.filter((x) => !x.passed).map((x) => x.path));
}

async function expectCaught(family: string, fallback: string, b: Breakage): Promise<void> {
  const s = load(family, b.scenario ?? fallback);
  if (b.faults) s.client.faults = [...s.client.faults, ...b.faults];
  b.mutate?.(s);
  const r = await runScenario(s, { seed: 1 });
  expect(r.verdict).toBe('failed');
  const failed = failedPaths(r);
  for (const path of b.caughtBy) expect(failed, `${path} should catch it; failed: ${failed.join(', ')}`).toContain(path);
}

describe.each(FAMILIES)('$family: verdicts can fail', (f) => {
  const used = [f.scenario, ...f.brokenClient.flatMap((b) => (b.scenario ? [b.scenario] : []))];
  it.each([...new Set(used)])('%s passes as written', async (id) => {
    const r = await runScenario(load(f.family, id), { seed: 1 });
    expect(failedPaths(r)).toEqual([]);
    expect(r.verdict).toBe('passed');
  });
  it(`a wrong expectation fails: ${f.wrongExpectation.what}`, () => expectCaught(f.family, f.scenario, f.wrongExpectation));
  it.each(f.brokenClient.map((b) => [b.what, b] as const))('a broken client fails: %s', (_what, b) => expectCaught(f.family, f.scenario, b));
});

it('every behaviour family of the catalog has a verdicts-can-fail entry', () => {
  // the behaviour folders; `diagnoses/` and `clients/` belong to other suites, proven by their own tests
  const families = ['credentials', 'settings', 'redirect', 'scopes', 'api-auth', 'network', 'refresh', 'revocation', 'identity-service', 'basic-auth', 'response-shape'];
  for (const f of families) expect([...catalog.values()].some((s) => s.file.startsWith(`scenarios/${f}/`)), f).toBe(true);
  expect(FAMILIES.map((f) => f.family).sort()).toEqual([...families].sort());
});

describe('the CLI verdict', () => {
  const CLI = join(root, 'bin', 'oauth-harness.js');
  const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });

  it('a failing scenario exits 1 and still writes the reports', () => {
    const out = mkdtempSync(join(tmpdir(), 'oauth-harness-failing-'));
    try {
      const r = cli(['run', 'test/fixtures/failing/wrong-expectation.yaml', '--out', out]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stdout).toMatch(/✗ wrong-expectation/);
      expect(r.stdout).toMatch(/steps\[0\]\.expect\.response\.status/);
      expect(r.stdout).toMatch(/0 passed, 1 failed/);
      expect(existsSync(join(out, 'junit.xml'))).toBe(true);
      expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(/<failure/);
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { cases: { id: string; verdict: string }[] };
      expect(results.cases).toEqual([expect.objectContaining({ id: 'wrong-expectation', verdict: 'failed' })]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('the whole built-in catalog exits 0 with at least 45 scenarios listed', () => {
    const out = mkdtempSync(join(tmpdir(), 'oauth-harness-catalog-'));
    try {
      const r = cli(['run', '--out', out]);
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
      const listed = r.stdout.split('\n').filter((l) => /^✓ [\w-]+ \(mock:/.test(l));
      expect(listed.length).toBeGreaterThanOrEqual(45);
      expect(r.stdout).toMatch(new RegExp(`${listed.length} passed, 0 failed`));
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { cases: unknown[] };
      expect(results.cases).toHaveLength(listed.length);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
