/**
 * The composite Action (`action.yml` at the repository root), run the way a GitHub runner
 * runs it: each `run:` step through `bash --noprofile --norc -eo pipefail` in its
 * working directory, with the environment GitHub sets (GITHUB_ACTIONS, GITHUB_WORKSPACE,
 * GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, …) and the step's
 * `env:` with its `${{ }}` expressions evaluated from the inputs (defaults from action.yml).
 * `uses:` steps (upload-artifact) are not run: what they would upload is checked to exist.
 *
 * The workspace is a project in a subfolder (`app/`) with oauth-harness installed
 * (node_modules/.bin) and scenario files of its own, so annotations must name the file
 * relative to the repository root.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';
import { serveCommand } from '../../src/cli/commands/serve.js';

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const ROOT = packageRoot();
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

interface ActionRun {
  workspace: string;
  /** Exit code of the first step that failed, or 0. */
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  /** The `uses:` steps that would have run, with their `with:` evaluated. */
  uses: { uses: string; with: Record<string, string> }[];
}

/** A workspace like actions/checkout leaves it: the project in app/, oauth-harness installed, its own scenarios. */
function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'oh-action-ws-'));
  const app = join(ws, 'app');
  mkdirSync(join(app, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(join(ROOT, 'bin', 'oauth-harness.js'), join(app, 'node_modules', '.bin', 'oauth-harness'));
  cpSync(join(ROOT, 'test/reports/fixtures/scenarios'), join(app, 'oauth'), { recursive: true });
  return ws;
}

/** Runs the Action with these inputs in a GitHub-like environment (asynchronously: a server in this process must be able to answer). */
async function runAction(inputs: Record<string, string>, ws = workspace()): Promise<ActionRun> {
  const values: Record<string, string> = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? '']));
  Object.assign(values, inputs);
  const temp = mkdtempSync(join(tmpdir(), 'oh-action-runner-'));
  const files = { GITHUB_OUTPUT: join(temp, 'output'), GITHUB_STEP_SUMMARY: join(temp, 'summary.md'), GITHUB_ENV: join(temp, 'env'), GITHUB_PATH: join(temp, 'path') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const stepOutputs: Record<string, Record<string, string>> = {};
  const expr = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, e: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(e);
      if (input) return values[input[1]!] ?? '';
      const out = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
      if (out) return stepOutputs[out[1]!]?.[out[2]!] ?? '';
      throw new Error(`expression the test runner does not know: ${e}`);
    });
  let failed = 0;
  const condition = (cond: string | undefined) => {
    if (!cond) return failed === 0; // success()
    return cond.split('&&').every((term) => {
      const t = term.trim();
      if (t === 'always()') return true;
      if (t === 'success()') return failed === 0;
      if (t === 'failure()') return failed !== 0;
      const m = /^([\w.-]+)\s*(==|!=)\s*'([^']*)'$/.exec(t);
      if (!m) throw new Error(`condition the test runner does not know: ${t}`);
      const left = expr(`\${{ ${m[1]} }}`);
      return m[2] === '==' ? left === m[3] : left !== m[3];
    });
  };
  let stdout = '';
  const uses: ActionRun['uses'] = [];
  for (const step of action.runs.steps) {
    if (!condition(step.if)) continue;
    if (step.uses) {
      uses.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expr(String(v))])) });
      continue;
    }
    expect(step.shell).toBe('bash');
    writeFileSync(files.GITHUB_OUTPUT, '');
    const r = await bash(step.run!, join(ws, expr(step['working-directory'] ?? '.')), {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: ws,
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_ACTION: '__run',
        GITHUB_REPOSITORY: 'example/app',
        GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
        GITHUB_RUN_ID: '1',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_EVENT_NAME: 'push',
        RUNNER_OS: 'Linux',
        RUNNER_TEMP: temp,
        ...files,
        ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expr(String(v))])),
    });
    stdout += r.stdout;
    if (step.id) stepOutputs[step.id] = Object.fromEntries(readFileSync(files.GITHUB_OUTPUT, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    if (r.status !== 0 && !failed) failed = r.status ?? 1;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, expr(v.value)]));
  return { workspace: ws, code: failed, stdout, outputs, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'), uses };
}

/** `shell: bash` as the runner starts it. */
function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.once('close', (status) => resolve({ status, stdout }));
  });
}

const errors = (out: string) => out.split('\n').filter((l) => l.startsWith('::error'));

describe('action.yml', () => {
  it('is a composite action whose inputs reach its script only through env (no ${{ }} inside run:)', () => {
    expect(action.runs.using).toBe('composite');
    for (const s of action.runs.steps) if (s.run) expect(s.run).not.toContain('${{');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['command', 'args', 'out', 'client-secret', 'fail-on-failures', 'artifact-name']));
  });

  describe('run with failing scenarios', () => {
    let r: ActionRun;
    beforeAll(async () => {
      r = await runAction({ args: 'oauth', 'working-directory': 'app' });
    }, 120_000);

    it('fails the step with exit code 1 and says so in its outputs', () => {
      expect(r.code).toBe(1);
      expect(r.outputs).toEqual({ 'exit-code': '1', results: 'oauth-harness-reports/results.json' });
    });

    it('annotates each failure at its scenario file (from the repository root) and line', () => {
      const lines = readFileSync(join(r.workspace, 'app/oauth/body-credentials-expected-to-work.yaml'), 'utf8').split('\n');
      const line = lines.findIndex((l) => l.includes('outcome: success, response')) + 1;
      expect(errors(r.stdout)).toEqual([
        expect.stringMatching(new RegExp(`^::error file=app/oauth/body-credentials-expected-to-work\\.yaml,line=${line},title=oauth-harness run%3A body-credentials-expected-to-work::`)),
        expect.stringMatching(/^::error file=app\/oauth\/expired-token-not-refreshed\.yaml,line=\d+,title=/),
        expect.stringMatching(/^::error file=app\/oauth\/wrong-secret-listed\.yaml,line=\d+,title=/),
      ]);
    });

    it('writes the job summary to GITHUB_STEP_SUMMARY', () => {
      expect(r.summary).toMatch(/^### ❌ oauth-harness run: 3 failed\n/);
      expect(r.summary).toContain('| ❌ | `body-credentials-expected-to-work` | `app/oauth/body-credentials-expected-to-work.yaml:');
    });

    it('uploads the reports folder, which holds the three reports, even though the step failed', () => {
      expect(r.uses).toEqual([{ uses: 'actions/upload-artifact@v4', with: { name: 'oauth-harness-reports', path: 'app/oauth-harness-reports', 'if-no-files-found': 'warn' } }]);
      for (const f of ['junit.xml', 'results.json', 'report.html']) expect(existsSync(join(r.workspace, 'app/oauth-harness-reports', f)), f).toBe(true);
    });
  });

  it('fail-on-failures: false passes the step and keeps the exit code in the output; upload: false uploads nothing', async () => {
    const r = await runAction({ args: 'oauth', 'working-directory': 'app', 'fail-on-failures': 'false', upload: 'false' });
    expect(r.code).toBe(0);
    expect(r.outputs['exit-code']).toBe('1');
    expect(r.stdout).toContain('::notice title=oauth-harness::some cases failed (exit 1)');
    expect(r.uses).toEqual([]);
  }, 120_000);

  it.each([
    [{ command: 'rm -rf /' }, /^::error title=oauth-harness::command: expected run, verify or merge-reports, got "rm -rf \/"$/],
    [{ 'fail-on-failures': 'maybe' }, /^::error title=oauth-harness::fail-on-failures: expected true or false, got "maybe"$/],
  ])('a bad input %j fails the step with exit 2 and one error', async (inputs, message) => {
    const r = await runAction({ ...inputs, 'working-directory': 'app' });
    expect(r.code).toBe(2);
    expect(errors(r.stdout)).toEqual([expect.stringMatching(message)]);
    expect(r.outputs['exit-code']).toBe('2');
  });

  it('a bad flag in args fails with exit 2 even when failures may pass', async () => {
    const r = await runAction({ args: 'oauth --shard 9/2', 'working-directory': 'app', 'fail-on-failures': 'false' });
    expect(r.code).toBe(2);
    expect(r.outputs['exit-code']).toBe('2');
  }, 60_000);

  it('a sharded run: shards with the default reporter, then merge-reports annotates and summarises once', async () => {
    const ws = workspace();
    const shards = await Promise.all([1, 2].map((i) => runAction({ args: `oauth --shard ${i}/2`, 'working-directory': 'app', out: `shards/s${i}`, reporter: 'default', 'fail-on-failures': 'false', 'artifact-name': `oauth-harness-shard-${i}` }, ws)));
    for (const s of shards) {
      expect(s.code).toBe(0);
      expect(errors(s.stdout)).toEqual([]);
      expect(s.summary).toBe('');
    }
    expect(shards.map((s) => s.uses[0]!.with.name)).toEqual(['oauth-harness-shard-1', 'oauth-harness-shard-2']);
    const merged = await runAction({ command: 'merge-reports', args: 'shards/*', 'working-directory': 'app', out: 'merged' }, ws);
    expect(merged.code).toBe(1);
    expect(errors(merged.stdout)).toHaveLength(3);
    expect(merged.summary).toMatch(/^### ❌ oauth-harness run: 3 failed\n/);
    expect(existsSync(join(ws, 'app/merged/report.html'))).toBe(true);
  }, 180_000);

  describe('verify', () => {
    let served: Awaited<ReturnType<typeof serveCommand>>;
    beforeAll(async () => {
      served = await serveCommand({ profile: ['github-like'], port: '0', host: '127.0.0.1', seed: '1' });
    });
    afterAll(async () => {
      await served?.close();
    });

    it('passes the client secret masked, never in the log, and annotates failed MUST checks only', async () => {
      const i = served.info.issuers[0]!;
      const secret = i.client_secret!;
      const r = await runAction({ command: 'verify', args: `--issuer ${i.issuer} --client-id ${i.client_id} --only AS-TR-200-JSON --only AS-TR-AUDIENCE`, 'client-secret': secret, 'working-directory': 'app' });
      expect(r.code).toBe(1);
      const lines = r.stdout.split('\n');
      expect(lines[0]).toBe(`::add-mask::${secret}`);
      expect(lines.slice(1).join('\n')).not.toContain(secret);
      expect(readFileSync(join(r.workspace, 'app/oauth-harness-reports/results.json'), 'utf8')).not.toContain(secret);
      expect(errors(r.stdout)).toEqual([expect.stringMatching(/^::error title=oauth-harness verify%3A AS-TR-200-JSON \(RFC 6749 §5\.1\)::/)]);
      expect(lines.filter((l) => l.startsWith('::warning'))).toEqual([expect.stringMatching(/^::warning title=oauth-harness verify%3A AS-TR-AUDIENCE \(SHOULD/)]);
      expect(r.summary).toContain('SHOULD warnings and MAY/INFO findings (1)');
    }, 60_000);
  });
});

describe('where a workflow gets the Action', () => {
  it('the npm package ships action.yml, and every workflow in the README uses it as the installed package (no placeholder)', () => {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(packed.status, packed.stderr).toBe(0);
    const files = (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toContain('action.yml');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const ours = [...readme.matchAll(/^\s*- uses: (\S+)/gm)].map((m) => m[1]!).filter((u) => !u.startsWith('actions/'));
    expect(ours.length).toBeGreaterThan(0);
    for (const u of ours) expect(u).toBe('./node_modules/oauth-harness');
    expect(readme).not.toMatch(/OWNER\//);
  }, 120_000);
});

