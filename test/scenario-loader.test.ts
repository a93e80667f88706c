/**
 * Loading scenario files: every problem of a malformed file is reported as
 * `file:line:col: field: message`, all of them in one pass, before anything runs; the CLI
 * prints them on stderr and exits 2 without a stack trace.
 *
 * The fixtures are in test/fixtures/bad-scenarios/. `dist/` must be built for the CLI
 * tests (`npm test` builds first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../mocks/package-root.js';
import { HarnessError } from '../src/errors/harness-error.js';
import { findScenarioFiles, loadScenario, loadScenarios } from '../src/scenario/load.js';

const root = packageRoot();
const dir = 'test/fixtures/bad-scenarios';
const CLI = join(root, 'bin', 'oauth-harness.js');

/** The problems `loadScenario` reports for a fixture (it must throw). */
function problemsOf(name: string): string[] {
  try {
    loadScenario(join(root, dir, name), root);
  } catch (e) {
    expect(e).toBeInstanceOf(HarnessError);
    expect((e as HarnessError).code).toBe('SCENARIO_INVALID');
    return (e as HarnessError).problems;
  }
  throw new Error(`${name} loaded without a problem`);
}

/** Checks one problem line per expectation, in order: `file:line:col: field: …message…`. */
function expectProblems(name: string, expected: [line: number, col: number, field: string, message: RegExp][]): void {
  const problems = problemsOf(name);
  expect(problems).toHaveLength(expected.length);
  expected.forEach(([line, col, field, message], i) => {
    const prefix = `${dir}/${name}:${line}:${col}: ${field}: `;
    expect(problems[i]!.startsWith(prefix), `problem ${i}: ${problems[i]} should start with ${prefix}`).toBe(true);
    expect(problems[i]!.slice(prefix.length)).toMatch(message);
  });
}

function cli(args: string[], cwd = root) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
}

describe('malformed scenario files: every problem with file:line:col', () => {
  it('YAML syntax errors name the line and column', () => {
    expectProblems('yaml-syntax.yaml', [[7, 3, 'YAML', /Flow map .* must be .* end with a \}/]]);
  });

  it('unknown fields at every level, plus a missing required field', () => {
    expectProblems('unknown-fields.yaml', [
      [1, 1, 'description', /required field is missing/],
      [2, 1, '(top level)', /^unknown field "descripton"$/],
      [6, 3, 'client', /^unknown field "secret"$/],
      [10, 7, 'steps[0].expect', /^unknown field "respons"$/],
    ]);
  });

  it('an unknown profile lists the built-in ones', () => {
    expectProblems('unknown-profile.yaml', [[4, 12, 'provider.profile', /^unknown profile "goggle-like"; built-in profiles: .*google-like.*rfc-strict/]]);
  });

  it('unknown switches, at the top and inside a group, and invalid switch values', () => {
    expectProblems('unknown-switch.yaml', [
      [6, 5, 'provider.switches', /^unknown field "refreshPolicy"$/],
      [7, 19, 'provider.switches.clientAuth', /^unknown field "placement"$/],
      [8, 26, 'provider.switches.refresh.rotation', /"keep"\|"rotate"\|"rotate-keep-old"/],
    ]);
  });

  it('users the provider does not have, for login and for the Basic web service', () => {
    expectProblems('unknown-user.yaml', [
      [6, 22, 'steps[0].connect.user', /^unknown user "mallory"; the provider's users are alice, bob, carol$/],
      [7, 55, 'steps[1].callApi.user', /^unknown user "eve"/],
    ]);
  });

  it('bad durations in advanceClock and in expect.tokens.expires', () => {
    expectProblems('bad-duration.yaml', [
      [7, 34, 'steps[0].expect.tokens.expires', /never.*duration such as 90s/],
      [8, 19, 'steps[1].advanceClock', /duration such as 90s, 10m, 2h or 3d/],
    ]);
  });

  it('a file with many kinds of problems reports all of them in one pass, in file order', () => {
    expectProblems('many-problems.yaml', [
      [1, 1, 'title', /required field is missing/],
      [3, 12, 'provider.profile', /unknown profile "goggle-like"/],
      [4, 30, 'provider.clients[0].client_secret', /expected string, received number/],
      [4, 34, 'provider.clients[0]', /^unknown field "redirect"$/],
      [6, 16, 'client.credentials', /"basic"\|"body"\|"query"/],
      [8, 5, 'steps[0]', /^a step takes one action, found connect, refresh$/],
      [10, 19, 'steps[1].advanceClock', /duration/],
      [12, 35, 'steps[2].expect.response.status', /expected number, received string/],
      [13, 5, 'steps[3]', /^a step needs one action: connect, /],
    ]);
  });

  it('loading several files collects the problems of all of them before failing', () => {
    const files = findScenarioFiles([join(root, dir), join(root, 'scenarios', 'credentials')]);
    let problems: string[] = [];
    try {
      loadScenarios(files, root);
    } catch (e) {
      problems = (e as HarnessError).problems;
    }
    const fixtures = readdirSync(join(root, dir)).filter((f) => f.endsWith('.yaml'));
    for (const f of fixtures) expect(problems.some((p) => p.startsWith(`${dir}/${f}:`)), f).toBe(true);
    expect(problems.every((p) => /^test\/fixtures\/bad-scenarios\/[\w-]+\.yaml:\d+:\d+: [^:]+: .+/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('scenarios/'))).toBe(false);
  });

  it('every catalog file loads cleanly', () => {
    expect(() => loadScenarios(findScenarioFiles([join(root, 'scenarios')]), root)).not.toThrow();
  });
});

describe('oauth-harness run with a malformed file', () => {
  it('exits 2 with the file:line:col lines on stderr, no stack trace, nothing run', () => {
    const out = mkdtempSync(join(tmpdir(), 'oauth-harness-bad-'));
    try {
      const r = cli(['run', `${dir}/many-problems.yaml`, '--out', out]);
      expect(r.status).toBe(2);
      const lines = r.stderr.split('\n');
      for (const p of problemsOf('many-problems.yaml')) expect(lines).toContain(`  ${p}`);
      expect(r.stderr).toMatch(/9 problems/);
      expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(r.stderr).not.toMatch(/HarnessError|ZodError/);
      expect(r.stdout).not.toMatch(/scenario/);
      expect(existsSync(join(out, 'results.json'))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('a YAML syntax error is reported the same way', () => {
    const r = cli(['run', `${dir}/yaml-syntax.yaml`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ {2}test\/fixtures\/bad-scenarios\/yaml-syntax\.yaml:7:3: YAML: /m);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('one bad file among good ones stops the whole run before anything runs', () => {
    const r = cli(['run', 'scenarios/credentials', `${dir}/unknown-switch.yaml`, '--report', 'json', '--out', join(tmpdir(), 'oauth-harness-never-written')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${dir}/unknown-switch.yaml:6:5: provider.switches: unknown field "refreshPolicy"`);
    expect(r.stdout).toBe('');
  });
});

describe('mistakes that used to pass silently (issue 12)', () => {
  it('unknown diagnosis, warning and verdict ids, an unknown endpoint, a client_id no profile client has: file:line:col with the valid values', () => {
    const problems = problemsOf('unknown-ids.yaml');
    const at = (field: string) => problems.find((p) => p.includes(`: ${field}: `)) ?? `(no problem for ${field} in ${problems.join(' | ')})`;
    expect(at('provider.clients[0].client_id')).toMatch(/^test\/fixtures\/bad-scenarios\/unknown-ids\.yaml:5:26: provider\.clients\[0\]\.client_id: no client "harnes-client" is registered .*harness-client/);
    expect(at('steps[0].expect.diagnoses[0]')).toMatch(/:10:19: [^:]+: unknown diagnosis "credential-wrong-placement" \(did you mean credentials-wrong-placement\?\); diagnoses: endpoint-url-wrong, /);
    expect(at('steps[0].expect.noDiagnoses[0]')).toMatch(/:11:21: .*did you mean scope-not-registered\?/);
    expect(at('steps[0].expect.noWarnings[0]')).toMatch(/:12:20: [^:]+: unknown warning "never-expiring" \(did you mean never-expiring-token\?\); warnings: .*scope-narrowed/);
    expect(at('steps[0].expect.request.endpoint')).toMatch(/:13:28: [^:]+: unknown endpoint "tokens" \(did you mean token\?\); endpoints: authorize, decision, token, revocation/);
    expect(at('verdicts')).toMatch(/:15:3: verdicts: .*"refreshd".*refreshed/);
    expect(problems).toHaveLength(6);
  });

  it('two files with the same id are a load error naming both files', () => {
    const files = findScenarioFiles([join(root, 'test/fixtures/duplicate-ids')]);
    let problems: string[] = [];
    try {
      loadScenarios(files, root);
    } catch (e) {
      expect(e).toBeInstanceOf(HarnessError);
      problems = (e as HarnessError).problems;
    }
    expect(problems).toEqual([expect.stringMatching(/^test\/fixtures\/duplicate-ids\/b\/same-id\.yaml:1:1: \(top level\): the id "same-id" is also the id of test\/fixtures\/duplicate-ids\/a\/same-id\.yaml/)]);
  });

  it('oauth-harness run with two files of one id exits 2 instead of reporting one of them', () => {
    const r = cli(['run', 'test/fixtures/duplicate-ids', '--out', join(tmpdir(), 'oauth-harness-never-written')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('test/fixtures/duplicate-ids/a/same-id.yaml');
    expect(r.stderr).toContain('test/fixtures/duplicate-ids/b/same-id.yaml');
  });
});
