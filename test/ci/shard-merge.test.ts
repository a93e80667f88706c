/**
 * Shards and merged reports, as CI uses them: `run --shard i/n` in parallel processes, then
 * `merge-reports` over their folders, compared with one run of the whole; the same for
 * `verify` and `matrix`. The merge itself is shown exact (a whole run's results cut into
 * shards merge back to byte-identical reports); a real sharded run differs from a whole
 * run only in what every run draws afresh (state, PKCE, tokens, timings), which the
 * comparison leaves out.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';
import { serveCommand } from '../../src/cli/commands/serve.js';
import { HarnessError } from '../../src/errors/harness-error.js';
import { REPORTERS, writeReports } from '../../src/reports/write-reports.js';
import { mergeRuns } from '../../src/results/merge.js';
import type { RunResult } from '../../src/results/model.js';
import { catalogDir } from '../../src/runner/select-scenarios.js';
import { parseShard, shardIds } from '../../src/results/shard.js';
import { findScenarioFiles } from '../../src/scenario/load.js';
import { parseXml, all } from '../reports/xml.js';
import { needs } from '../support/system-requirements.js';

const CLI = join(packageRoot(), 'bin', 'oauth-harness.js');
const FIXTURES = 'test/reports/fixtures/scenarios';
const EXPECTED = 'test/reports/fixtures/expected-failures.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'oh-shard-'));

/** Runs the CLI as a shell user would; resolves with its exit code and output. */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const readRun = (dir: string) => JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunResult;

/**
 * What a run found, without what each run draws afresh: verdicts, messages, steps and
 * expectations, diagnoses with their evidence, and the exchanges' methods, paths and statuses.
 */
function content(run: RunResult) {
  const fresh = (s: string | undefined) => s?.replace(/\[redacted:[0-9a-f]{8}\]/g, '•••').replace(/\b(state|code_challenge|nonce|iat|exp|jti)([=":]+)[^&"\s,}]+/g, '$1$2…');
  return {
    command: run.command,
    seed: run.seed,
    summary: run.summary,
    cases: run.cases.map((c) => ({
      id: c.id,
      title: c.title,
      target: c.target,
      client: c.client,
      verdict: c.verdict,
      severity: c.severity,
      file: c.file,
      message: fresh(c.message),
      reason: c.expectedFailureReason,
      steps: c.steps.map((s) => ({ name: s.name, passed: s.passed, x: s.expectations.map((x) => `${x.passed} ${x.path} ${fresh(x.message)}`) })),
      diagnoses: c.diagnoses.map((d) => `${d.level} ${d.id} ${d.title} ${(d.evidence ?? []).join(',')}`),
      exchanges: c.exchanges.map((e) => `${e.seq} ${e.request.method} ${e.request.url.replace(/\?.*/, '')} ${e.response.status}`),
    })),
  };
}

/** junit.xml as a CI parser reads it: suites and counts, each test case's name, file, and outcome with its message. */
function junitContent(path: string) {
  const doc = parseXml(readFileSync(path, 'utf8'));
  return {
    counts: [doc.attrs.tests, doc.attrs.failures, doc.attrs.skipped],
    suites: all(doc, 'testsuite').map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures, s.attrs.skipped]),
    cases: all(doc, 'testcase').map((t) => [t.attrs.name, t.attrs.classname, t.attrs.file, ...t.children.map((c) => `${c.name} ${c.attrs.type ?? ''} ${(c.attrs.message ?? '').replace(/\[redacted:[0-9a-f]{8}\]/g, '•••')}`)]),
  };
}

describe('--shard i/n', () => {
  it.each(['0/2', '3/2', '1/0', '-1/2', 'a/b', '1', '1/2/3', '', '1.5/2'])('"%s" is a one-line usage error', (value) => {
    expect(() => parseShard(value)).toThrow(HarnessError);
    expect(() => parseShard(value)).toThrow(/^--shard: expected i\/n with 1 ≤ i ≤ n \(e\.g\. 1\/4\), got ".*"$/);
  });

  it('deals every id of the catalog to exactly one shard, the shards within one of each other, whatever the order', () => {
    const ids = findScenarioFiles([catalogDir()]).map((f) => basename(f).replace(/\.ya?ml$/, ''));
    expect(ids.length).toBeGreaterThan(100);
    for (const count of [1, 2, 3, 7, ids.length + 5]) {
      const parts = Array.from({ length: count }, (_, i) => shardIds(ids, { index: i + 1, count }));
      expect(parts.reduce((n, p) => n + p.size, 0)).toBe(ids.length);
      expect(new Set(parts.flatMap((p) => [...p])).size).toBe(ids.length);
      const sizes = parts.map((p) => p.size);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      const reversed = shardIds([...ids].reverse(), { index: 1, count });
      expect([...reversed].sort()).toEqual([...parts[0]!].sort());
    }
  });

  it('a bad --shard stops run, verify and matrix before anything runs (exit 2, one line)', async () => {
    for (const args of [['run', '--shard', '3/2'], ['verify', '--issuer', 'http://127.0.0.1:1/x', '--shard', 'x'], ['matrix', '--shard', '0/1']]) {
      const r = spawnSync(process.execPath, [CLI, ...args, '--out', tmp()], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toEqual([expect.stringMatching(/^error: --shard: expected i\/n/)]);
    }
  });

  it('--list prints the selected scenarios of a shard and runs nothing', () => {
    const whole = spawnSync(process.execPath, [CLI, 'run', FIXTURES, '--list'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(whole.status).toBe(0);
    const ids = whole.stdout.trim().split('\n').slice(0, -1).map((l) => l.split(' ')[0]);
    expect(ids.sort()).toEqual(['body-credentials-expected-to-work', 'expired-token-not-refreshed', 'google-without-offline', 'wrong-secret-listed']);
    expect(whole.stdout.trim().split('\n').at(-1)).toBe('4 scenarios');
    const part = spawnSync(process.execPath, [CLI, 'run', FIXTURES, '--list', '--shard', '2/3'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(part.stdout).toMatch(/^[a-z-]+ {2}mock:[a-z-]+ {2}test\/reports\/fixtures\/scenarios\/[a-z-]+\.yaml\n/);
    expect(part.stdout.trim().split('\n').at(-1)).toBe('1 scenario (shard 2/3 of 4)');
    expect(part.stdout).not.toMatch(/passed|failed/);
  });
});

describe('run: two shards in parallel, merged, are the whole run', () => {
  let whole: string;
  let merged: string;
  let shards: { code: number | null; stdout: string }[];
  let merge: { code: number | null; stdout: string; stderr: string };
  let single: { code: number | null; stdout: string };

  beforeAll(async () => {
    const root = tmp();
    whole = join(root, 'whole');
    merged = join(root, 'merged');
    const args = (out: string, ...more: string[]) => ['run', FIXTURES, '--expected-failures', EXPECTED, '--out', out, ...more];
    [single, ...shards] = await Promise.all([cli(args(whole)), cli(args(join(root, 's1'), '--shard', '1/2')), cli(args(join(root, 's2'), '--shard', '2/2'))]);
    merge = await cli(['merge-reports', join(root, 's2'), join(root, 's1'), '--out', merged]);
  }, 120_000);

  it('each shard runs its part and writes reports saying which part it is', () => {
    const parts = [1, 2].map((i) => readRun(join(merged, '..', `s${i}`)));
    expect(parts.map((p) => p.shard && [p.shard.index, p.shard.count])).toEqual([[1, 2], [2, 2]]);
    expect(parts[0]!.shard!.selection).toEqual(readRun(whole).cases.map((c) => c.id));
    expect(parts.map((p) => p.cases.length)).toEqual([2, 2]);
    expect(shards[0]!.stdout).toMatch(/^oauth-harness run: 2 scenarios \(shard 1\/2 of 4\)/);
  });

  it('the merge exits as the whole run does, with its recap and summary line', () => {
    expect(single.code).toBe(1);
    expect(merge.code).toBe(single.code);
    expect(merge.stderr).toBe('');
    const summary = (out: string) => out.trim().split('\n').at(-1)!.replace(/ \(.*\)$/, '');
    expect(summary(merge.stdout)).toBe(summary(single.stdout));
    expect(merge.stdout).toContain('2 failures:');
  });

  it('results.json has the content of the whole run, in its order, and no shard', () => {
    const m = readRun(merged);
    expect(m.shard).toBeUndefined();
    expect(content(m)).toEqual(content(readRun(whole)));
  });

  it('junit.xml reads the same to a CI parser', () => {
    expect(junitContent(join(merged, 'junit.xml'))).toEqual(junitContent(join(whole, 'junit.xml')));
  });

  it('report.html lists the same cases with the same verdicts and diagnoses', () => {
    const cases = (dir: string) => [...readFileSync(join(dir, 'report.html'), 'utf8').matchAll(/<details class="case" id="(c\d+)" data-id="([^"]+)" data-verdict="([a-z-]+)"/g)].map((m) => m.slice(1).join(' '));
    expect(cases(merged)).toEqual(cases(whole));
    expect(cases(merged)).toHaveLength(4);
  });
});

describe('the merge is exact', () => {
  /** A whole run's results cut into n shard files, as n shards would have written them. */
  function cut(run: RunResult, count: number): string[] {
    const selection = run.cases.map((c) => c.id);
    return Array.from({ length: count }, (_, i) => {
      const shard = { index: i + 1, count };
      const mine = shardIds(selection, shard);
      const dir = tmp();
      writeFileSync(join(dir, 'results.json'), REPORTERS.json!.render({ ...run, shard: { ...shard, selection }, cases: run.cases.filter((c) => mine.has(c.id)) }));
      return dir;
    });
  }
  let run: RunResult;
  beforeAll(async () => {
    const dir = tmp();
    const r = await cli(['run', FIXTURES, '--expected-failures', EXPECTED, '--out', dir, '--report', 'json']);
    expect(r.code).toBe(1);
    run = readRun(dir);
  }, 60_000);

  it('shards of a run merge back to byte-identical junit.xml, results.json and report.html, in any order', async () => {
    const parts = cut(run, 3).reverse();
    const out = tmp();
    const r = await cli(['merge-reports', ...parts, '--out', out]);
    expect(r.code).toBe(1);
    for (const name of ['junit', 'json', 'html'] as const) {
      const file = REPORTERS[name]!.file;
      expect(readFileSync(join(out, file), 'utf8'), file).toBe(REPORTERS[name]!.render(run));
    }
  });

  it('keeps merged reports redacted, whatever the inputs hold', () => {
    const leak = 'client_secret=s3cr3t-value-from-a-shard&code=abcdef0123456789';
    const c = run.cases.find((x) => x.exchanges.length)!;
    const tampered = { ...c, message: `failed with ${leak}`, exchanges: [{ ...c.exchanges[0]!, request: { ...c.exchanges[0]!.request, body: leak } }] };
    const merged = mergeRuns([{ path: 'a', run: { ...run, cases: [tampered] } }]);
    const dir = tmp();
    writeReports(merged, ['junit', 'json', 'html'], dir);
    for (const file of ['junit.xml', 'results.json', 'report.html']) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).not.toContain('s3cr3t-value-from-a-shard');
      expect(text, file).not.toContain('abcdef0123456789');
    }
  });

  it('refuses inputs that do not make one run: one line naming the file and the reason, exit 2', async () => {
    const [a, b, c] = cut(run, 3);
    const other = tmp();
    writeFileSync(join(other, 'results.json'), REPORTERS.json!.render({ ...run, seed: 7 }));
    const verifyRun = tmp();
    writeFileSync(join(verifyRun, 'results.json'), REPORTERS.json!.render({ ...run, command: 'verify', shard: { index: 3, count: 3, selection: run.cases.map((x) => x.id) }, cases: [] }));
    const junk = tmp();
    writeFileSync(join(junk, 'results.json'), '{"tool":"something else"}');
    const bad: [string[], RegExp][] = [
      [[a!, b!], /^error: merge-reports: missing shard 3\/3 \(given: 1\/3, 2\/3\)$/],
      [[a!, b!, c!, a!], /^error: merge-reports: shard 1\/3 given twice: /],
      [[a!, b!, other], /is not a shard \(--shard i\/n\)|ran with seed 7/],
      [[a!, b!, verifyRun], /is from `verify`/],
      [[a!, join(tmp(), 'nothing')], /nothing\/results\.json: no such file/],
      [[junk], /junk|not an oauth-harness results\.json/],
      [[], /error: missing required argument 'dirs'|give the folders/],
    ];
    for (const [dirs, message] of bad) {
      const r = await cli(['merge-reports', ...dirs, '--out', tmp()]);
      expect(r.code, dirs.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')[0], dirs.join(' ')).toMatch(message);
      expect(r.stdout).toBe('');
    }
    const junkRun = await cli(['merge-reports', junk, '--out', tmp()]);
    expect(junkRun.stderr.split('\n')[0]).toMatch(/not an oauth-harness results\.json/);
  });

  it('an empty shard (more shards than scenarios) writes an empty part that merges', async () => {
    const root = tmp();
    const runs = await Promise.all([1, 2, 3, 4, 5].map((i) => cli(['run', FIXTURES, '--expected-failures', EXPECTED, '--shard', `${i}/5`, '--out', join(root, `s${i}`), '--report', 'json'])));
    expect(runs.map((r) => r.code).sort()).toEqual([0, 0, 0, 1, 1]);
    expect(runs[4]!.stdout).toMatch(/^oauth-harness run: 0 scenarios \(shard 5\/5 of 4\)/);
    const out = join(root, 'merged');
    mkdirSync(out);
    const r = await cli(['merge-reports', ...[1, 2, 3, 4, 5].map((i) => join(root, `s${i}`)), '--out', out, '--report', 'json']);
    expect(r.code).toBe(1);
    expect(content(readRun(out))).toEqual(content(run));
  }, 60_000);
});

describe('verify: shards of the checks, merged, are the whole verify', () => {
  let served: Awaited<ReturnType<typeof serveCommand>>;
  beforeAll(async () => {
    served = await serveCommand({ profile: ['github-like'], port: '0', host: '127.0.0.1', seed: '1' });
  });
  afterAll(async () => {
    await served?.close();
  });

  it('merged results.json and junit.xml have the whole run\'s content; SHOULD warnings stay warnings', async () => {
    const i = served.info.issuers[0]!;
    const root = tmp();
    const args = (out: string, ...more: string[]) => ['verify', '--issuer', i.issuer, '--client-id', i.client_id, '--client-secret', i.client_secret!, '--plan', 'bcp', '--out', out, '--quiet', ...more];
    const [single, ...parts] = await Promise.all([cli(args(join(root, 'whole'))), cli(args(join(root, 's1'), '--shard', '1/2')), cli(args(join(root, 's2'), '--shard', '2/2'))]);
    const merge = await cli(['merge-reports', join(root, 's1'), join(root, 's2'), '--out', join(root, 'merged')]);
    expect(merge.code).toBe(single.code);
    expect(parts.map((p) => p.code)).toContain(1);
    const whole = readRun(join(root, 'whole'));
    expect(whole.cases.some((c) => c.verdict === 'failed' && c.severity === 'warning')).toBe(true);
    expect(content(readRun(join(root, 'merged')))).toEqual(content(whole));
    expect(junitContent(join(root, 'merged', 'junit.xml'))).toEqual(junitContent(join(root, 'whole', 'junit.xml')));
    const summary = (out: string) => out.trim().split('\n').at(-1)!.replace(/ \(.*\)$/, '');
    expect(summary(merge.stdout)).toBe(summary(single.stdout));
    expect(summary(merge.stdout)).toMatch(/^\d+ passed, \d+ failed, \d+ SHOULD warnings?, \d+ skipped$/);
  }, 120_000);

  it('--list --shard prints the plan\'s checks of that part without an issuer', () => {
    const parts = [1, 2, 3].map((n) => spawnSync(process.execPath, [CLI, 'verify', '--list', '--plan', 'rfc6749', '--shard', `${n}/3`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }));
    expect(parts.map((p) => p.status)).toEqual([0, 0, 0]);
    const ids = parts.flatMap((p) => p.stdout.trim().split('\n').slice(0, -1).map((l) => l.split(' ')[0]));
    const whole = spawnSync(process.execPath, [CLI, 'verify', '--list', '--plan', 'rfc6749'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const all = whole.stdout.trim().split('\n');
    expect(all.at(-1)).toMatch(/^\d+ checks in plan rfc6749$/);
    expect(ids.sort()).toEqual(all.slice(0, -1).map((l) => l.split(' ')[0]).sort());
    expect(all[0]).toMatch(/^[A-Z0-9-]+ {2}(MUST|SHOULD|MAY|INFO)\*? {2}RFC /);
  });
});

const matrixMachine = needs('matrix shards', ['python-oauth-clients', 'libfaketime']);
describe.runIf(matrixMachine.ok)('matrix: shards of the cells, merged, are the whole matrix', () => {
  it('matrix.md is identical, matrix.json the same cells in the same order', async () => {
    const root = tmp();
    const args = (out: string, ...more: string[]) => ['matrix', '--client', 'reference', '--client', 'oauth4webapi', '--concurrency', '1', '--out', out, ...more];
    const [single, ...parts] = await Promise.all([cli(args(join(root, 'whole'))), cli(args(join(root, 's1'), '--shard', '1/2')), cli(args(join(root, 's2'), '--shard', '2/2'))]);
    expect([single.code, ...parts.map((p) => p.code)]).toEqual([0, 0, 0]);
    expect(parts[0]!.stdout).toMatch(/^\[ 1\/13\] [✓✗] /);
    const merge = await cli(['merge-reports', join(root, 's2'), join(root, 's1'), '--out', join(root, 'merged')]);
    expect(merge.code).toBe(0);
    expect(readFileSync(join(root, 'merged', 'matrix.md'), 'utf8')).toBe(readFileSync(join(root, 'whole', 'matrix.md'), 'utf8'));
    const cells = (dir: string) => (JSON.parse(readFileSync(join(dir, 'matrix.json'), 'utf8')) as { cells: { client: string; scenario: string; verdict: string; reason?: string }[] }).cells.map((c) => `${c.client} ${c.scenario} ${c.verdict} ${c.reason ?? ''}`);
    expect(cells(join(root, 'merged'))).toEqual(cells(join(root, 'whole')));
    const missing = await cli(['merge-reports', join(root, 's2'), '--out', join(root, 'merged')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('error: merge-reports: missing shard 1/2 (given: 2/2)');
  }, 180_000);
});
