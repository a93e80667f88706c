/**
 * What CI reads: the console of `run` and `verify` (a line per case, failures in full,
 * the recap of failures at the end, `--quiet`, `--reporter`, `--list`, progress counts),
 * and JUnit where a SHOULD warning is a passed test case with its finding in
 * `<system-out>`, not a `<failure>`, so a green job has green test widgets.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';
import { serveCommand } from '../../src/cli/commands/serve.js';
import type { RunResult } from '../../src/results/model.js';
import { all, parseXml } from '../reports/xml.js';

const CLI = join(packageRoot(), 'bin', 'oauth-harness.js');
const FIXTURES = 'test/reports/fixtures/scenarios';
const EXPECTED = 'test/reports/fixtures/expected-failures.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'oh-console-'));

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const run = (...more: string[]) => cli(['run', FIXTURES, '--expected-failures', EXPECTED, '--out', tmp(), ...more]);
/** The line of the first failed expectation of the fixture (`outcome: success` of steps[0]). */
const BODY_CREDENTIALS_LINE = readFileSync(join(FIXTURES, 'body-credentials-expected-to-work.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('expect: { outcome: success, response')) + 1;

describe('run: the console', () => {
  let out: { default: string; quiet: string; verbose: string; dot: string };
  beforeAll(async () => {
    const [d, q, v, dot] = await Promise.all([run(), run('--quiet'), run('--reporter', 'verbose'), run('--reporter', 'dot')]);
    for (const r of [d, q, v, dot]) expect(r.code).toBe(1);
    out = { default: d.stdout, quiet: q.stdout, verbose: v.stdout, dot: dot.stdout };
  }, 120_000);

  it('ends with the recap of failures, each with its file:line and why, then the summary line', () => {
    const lines = out.default.trimEnd().split('\n');
    const recap = lines.indexOf('2 failures:');
    expect(recap).toBeGreaterThan(0);
    expect(lines.slice(recap + 1, recap + 5)).toEqual([
      `  ✗ body-credentials-expected-to-work test/reports/fixtures/scenarios/body-credentials-expected-to-work.yaml:${BODY_CREDENTIALS_LINE}`,
      expect.stringMatching(/^ {6}steps\[0\]\.expect\.outcome: expected success.* \| diagnosis \[credentials-wrong-placement\]: Client credentials are sent where the provider does not accept them$/),
      expect.stringMatching(/^ {2}✗ expired-token-not-refreshed test\/reports\/fixtures\/scenarios\/expired-token-not-refreshed\.yaml:\d+$/),
      expect.stringMatching(/^ {6}steps\[2\]\.expect\.outcome: /),
    ]);
    expect(lines.at(-1)).toMatch(/^1 passed, 2 failed, 1 expected failure, 1 with warnings \(4 scenarios in \d+\.\d s\)$/);
    // every case line comes before the recap
    expect(lines.findIndex((l) => l.startsWith('✓ google-without-offline'))).toBeLessThan(recap);
  });

  it('shows a passing case\'s warning in one line by default, in full with --reporter verbose', () => {
    const brief = out.default.split('\n');
    const at = brief.findIndex((l) => l.startsWith('✓ google-without-offline'));
    expect(brief[at + 1]).toBe('    ⚠ warning [missing-refresh-token-needs-offline] No refresh token: offline access was not asked for');
    expect(brief[at + 2]).not.toMatch(/^ {6}cause:/);
    expect(out.default).not.toContain('Add access_type=offline');
    expect(out.verbose).toContain("1. Add access_type=offline to the integration's authorization parameters.");
    // failures are in full in both
    for (const o of [out.default, out.verbose]) expect(o).toContain('cause: The client sent its credentials in the form body');
  });

  it('--quiet prints no line per case: the recap and the summary', () => {
    const lines = out.quiet.trim().split('\n');
    expect(lines[0]).toBe('2 failures:');
    expect(out.quiet).not.toMatch(/^✓ /m);
    expect(out.quiet).not.toContain('oauth-harness run:');
    expect(out.quiet).not.toContain('cause:');
    expect(lines.at(-1)).toMatch(/^1 passed, 2 failed/);
    expect(lines.length).toBeLessThan(10);
  });

  it('--reporter dot: a character per case that passed or was listed, failures in full', () => {
    const lines = out.dot.split('\n');
    expect(lines.filter((l) => /^[.xsWi!?]+$/.test(l)).join('').split('').sort()).toEqual(['.', 'x']);
    expect(out.dot).toContain('✗ body-credentials-expected-to-work');
    expect(out.dot).not.toMatch(/^✓ /m);
    expect(out.dot).toContain('2 failures:');
  });

  it('an all-pass run prints a line per scenario plus one per warning, not their causes and fixes', async () => {
    const r = await cli(['run', 'scenarios/clients', '--out', tmp()]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const cases = lines.filter((l) => /^[✓✗-] /.test(l)).length;
    const warnings = lines.filter((l) => l.startsWith('    ⚠ warning [')).length;
    expect(cases).toBeGreaterThan(5);
    expect(warnings).toBeGreaterThan(0);
    expect(lines.length).toBe(1 + cases + warnings + 3);
    expect(r.stdout).not.toContain('cause:');
  }, 60_000);

  it.each([
    [['run', '--reporter', 'fancy'], 'error: --reporter: unknown reporter "fancy"; reporters: default, verbose, dot, github'],
    [['verify', '--issuer', 'http://127.0.0.1:9/x', '--reporter', 'junit'], 'error: --reporter: unknown reporter "junit"; reporters: default, verbose, dot, github'],
    [['merge-reports', 'reports', '--reporter', 'x'], 'error: --reporter: unknown reporter "x"; reporters: default, verbose, dot, github'],
  ])('%j is a one-line usage error, exit 2', async (args, message) => {
    const r = await cli([...args, '--out', tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(message);
    expect(r.stdout).toBe('');
  });
});

describe('run --reporter github', () => {
  it('annotates the scenario file and line of each failure, and writes the job summary', async () => {
    const summary = join(tmp(), 'step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = await cli(['run', FIXTURES, '--expected-failures', EXPECTED, '--out', tmp(), '--reporter', 'github'], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations[0]).toMatch(new RegExp(`^::error file=test/reports/fixtures/scenarios/body-credentials-expected-to-work\\.yaml,line=${BODY_CREDENTIALS_LINE},title=oauth-harness run%3A body-credentials-expected-to-work::steps\\[0\\]\\.expect\\.outcome: expected success.*%0Afix: Set the integration's credential placement`));
    expect(annotations[1]).toMatch(/^::error file=test\/reports\/fixtures\/scenarios\/expired-token-not-refreshed\.yaml,line=\d+,title=/);
    expect(annotations.filter((l) => l.startsWith('::error'))).toHaveLength(2);
    expect(annotations.filter((l) => l.startsWith('::warning'))).toEqual([expect.stringMatching(/^::warning file=test\/reports\/fixtures\/scenarios\/google-without-offline\.yaml,line=1,title=oauth-harness run%3A google-without-offline%3A warning \[missing-refresh-token-needs-offline\]::/)]);
    // one line each: a newline inside would end the workflow command
    for (const a of annotations) expect(a).not.toMatch(/\r/);
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# earlier step\n### ❌ oauth-harness run: 2 failed\n')).toBe(true);
    expect(md).toContain('| 4 | 1 | 2 | 1 | 1 | 0 |');
    expect(md).toContain(`| ❌ | \`body-credentials-expected-to-work\` | \`test/reports/fixtures/scenarios/body-credentials-expected-to-work.yaml:${BODY_CREDENTIALS_LINE}\` | steps[0].expect.outcome: expected success`);
  }, 60_000);

  it('keeps secrets out of the annotations and the job summary', async () => {
    // without the list, the fixture whose configured secret is wrong is a failure with a diagnosis about the secret
    const summary = join(tmp(), 'step-summary.md');
    const r = await cli(['run', FIXTURES, '--out', tmp(), '--reporter', 'github'], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(annotations.map((a) => /title=oauth-harness run%3A ([a-z-]+)/.exec(a)?.[1]).sort()).toEqual(['body-credentials-expected-to-work', 'expired-token-not-refreshed', 'wrong-secret-listed']);
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('client-credentials-wrong');
    for (const text of [r.stdout, md]) expect(text).not.toContain('outdated-secret');
  }, 60_000);
});

describe('verify: progress counts, --list, and SHOULD warnings that are not failures', () => {
  let served: Awaited<ReturnType<typeof serveCommand>>;
  const SHOULD = ['AS-CA-ASYMMETRIC', 'AS-TR-AUDIENCE', 'AS-TR-SENDER-CONSTRAINED'];
  beforeAll(async () => {
    served = await serveCommand({ profile: ['github-like'], port: '0', host: '127.0.0.1', seed: '1' });
  });
  afterAll(async () => {
    await served?.close();
  });
  const verify = (out: string, ...more: string[]) => {
    const i = served.info.issuers[0]!;
    return cli(['verify', '--issuer', i.issuer, '--client-id', i.client_id, '--client-secret', i.client_secret!, '--plan', 'bcp', '--out', out, ...more]);
  };

  it('a run with only SHOULD warnings exits 0, says "warnings", and JUnit has no failure but the findings in system-out', async () => {
    const out = tmp();
    const r = await verify(out, ...SHOULD.flatMap((id) => ['--only', id]), '--only', 'AS-MD-LOCATION');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => /^\[\d\/4\] /.test(l)).map((l) => l.slice(0, 7))).toEqual(['[1/4] ✓', '[2/4] ⚠', '[3/4] ⚠', '[4/4] ⚠']);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^1 passed, 0 failed, 3 SHOULD warnings \(4 checks in/);
    const doc = parseXml(readFileSync(join(out, 'junit.xml'), 'utf8'));
    expect([doc.attrs.tests, doc.attrs.failures, doc.attrs.skipped]).toEqual(['4', '0', '0']);
    expect(all(doc, 'failure')).toEqual([]);
    for (const id of SHOULD) {
      const t = all(doc, 'testcase').find((x) => x.attrs.name!.startsWith(`${id}:`))!;
      expect(t.children.map((c) => c.name)).toEqual(['system-out']);
      expect(t.children[0]!.text).toMatch(new RegExp(`^warning \\(SHOULD\\) \\[${id}\\] ${id}: `));
    }
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as RunResult;
    expect(results.cases.filter((c) => c.severity === 'warning').map((c) => c.verdict)).toEqual(['failed', 'failed', 'failed']);
  }, 60_000);

  it('MUST failures stay failures in JUnit, counted per suite', async () => {
    const out = tmp();
    const r = await verify(out, '--only', 'AS-TR-200-JSON', '--only', 'AS-TR-AUDIENCE', '--quiet');
    expect(r.code).toBe(1);
    const doc = parseXml(readFileSync(join(out, 'junit.xml'), 'utf8'));
    expect([doc.attrs.tests, doc.attrs.failures]).toEqual(['2', '1']);
    expect(all(doc, 'failure').map((f) => f.attrs.type)).toEqual(['failed']);
    expect(r.stdout.trim().split('\n')).toEqual([
      '1 failure:',
      '  ✗ AS-TR-200-JSON RFC 6749 §5.1',
      expect.stringMatching(/^ {6}AS-TR-200-JSON: token response Content-Type is application\/x-www-form-urlencoded/),
      '',
      expect.stringMatching(/^reports: /),
      expect.stringMatching(/^0 passed, 1 failed, 1 SHOULD warning \(2 checks in/),
    ]);
  }, 60_000);
});
