/**
 * Ctrl-C and SIGTERM during `oauth-harness verify`, `parity` and `matrix` (the built CLI:
 * `npm test` builds first): what finished is written (verify: results.json, junit.xml,
 * report.html; parity.json and parity.md; matrix.json and matrix.md) marked interrupted,
 * stderr says how far it got, and the exit code is 130, as for `run`
 * (test/reliability/interrupt.test.ts).
 *
 * verify and parity run against `serve` behind a proxy that never answers the revocation
 * endpoint, so they are caught in the middle; matrix is caught while its external clients run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../support/system-requirements.js';
import { startHoldingProxy, type HoldingProxy } from './holding-proxy.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'oauth-harness.js');
const dir = mkdtempSync(join(tmpdir(), 'oauth-harness-interrupt-commands-'));
let served: HoldingProxy;

beforeAll(async () => {
  served = await startHoldingProxy(['rfc-strict'], /revo/i);
});

afterAll(async () => {
  await served?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the CLI; `interrupt(signal)` sends the signal once `ready()` holds and returns the exit code and stderr. */
function cli(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (c) => (stderr += c));
  child.stdout.on('data', (c) => (stdout += c));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return {
    stdout: () => stdout,
    async interrupt(signal: NodeJS.Signals, ready: () => boolean, settleMs = 0) {
      for (let n = 0; n < 1200 && !ready() && child.exitCode === null; n++) await new Promise((r) => setTimeout(r, 100));
      expect(ready(), `never ready:\n${stdout}\n${stderr}`).toBe(true);
      await new Promise((r) => setTimeout(r, settleMs));
      child.kill(signal);
      return { code: await exited, stderr };
    },
  };
}

describe('oauth-harness verify, interrupted', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: writes the finished checks as reports marked interrupted and exits 130`, async () => {
      const i = served.info.issuers[0]!;
      const out = join(dir, signal);
      const before = served.held();
      const run = cli(['verify', '--issuer', i.issuer, '--client-id', i.client_id, '--client-secret', i.client_secret!, '--plan', 'bcp', '--timeout', '10m', '--out', out]);
      // a moment after the revocation request is held, so that other checks have finished
      const { code, stderr } = await run.interrupt(signal, () => served.held() > before, 500);
      expect(code).toBe(130);
      expect(stderr).toMatch(new RegExp(`interrupted \\(${signal}\\)`));
      const m = /(\d+) of (\d+) checks finished before the interrupt; partial reports \(marked interrupted\): (.*)/.exec(stderr);
      expect(m, stderr).not.toBeNull();
      const [done, total] = [Number(m![1]), Number(m![2])];
      expect(done).toBeGreaterThan(0);
      expect(done).toBeLessThan(total);
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
      expect(results).toMatchObject({ command: 'verify', interrupted: true });
      expect(results.cases).toHaveLength(done);
      expect(results.summary.total).toBe(done);
      expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain('<testsuites');
      expect(existsSync(join(out, 'report.html'))).toBe(true);
      expect(JSON.stringify(results)).not.toContain(i.client_secret!);
    }, 120_000);
  }
});

describe('oauth-harness parity, interrupted', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: writes parity.json and parity.md marked interrupted and exits 130`, async () => {
      const i = served.info.issuers[0]!;
      const alice = i.users[0]!;
      const work = join(dir, `parity-${signal}`);
      mkdirSync(work);
      const head = 'description: d\nprovider: { profile: rfc-strict }\n';
      writeFileSync(join(work, 'a-quick.yaml'), `title: quick\n${head}steps:\n  - clientCredentials: {}\n`);
      writeFileSync(join(work, 'b-revokes.yaml'), `title: revokes\n${head}client: { scopes: [read] }\nsteps:\n  - connect: { user: alice }\n  - revoke: { token: refresh }\n`);
      const out = join(dir, `parity-${signal}-out`);
      const before = served.held();
      const run = cli(['parity', work, '--target', i.issuer, '--client-id', i.client_id, '--client-secret', i.client_secret!, '--redirect-uri', i.redirect_uris[0]!, '--user', `alice:${alice.password}`, '--out', out]);
      const { code, stderr } = await run.interrupt(signal, () => served.held() > before);
      expect(code).toBe(130);
      expect(stderr).toMatch(new RegExp(`interrupted \\(${signal}\\)`));
      expect(stderr).toMatch(/0 of 2 scenarios finished before the interrupt; partial reports \(marked interrupted\): .*parity\.json, .*parity\.md/);
      const report = JSON.parse(readFileSync(join(out, 'parity.json'), 'utf8'));
      expect(report.interrupted).toBe(true);
      expect(report.scenarios.map((s: { id: string; status: string; reason: string; verdicts: { target: string | null } }) => [s.id, s.status, s.reason, s.verdicts.target])).toEqual([
        ['a-quick', 'skipped', 'interrupted before it ran on the mock', 'passed'],
        ['b-revokes', 'skipped', 'interrupted before it ran on the target', null],
      ]);
      expect(readFileSync(join(out, 'parity.md'), 'utf8')).toMatch(/\*\*Interrupted\*\*/);
      expect(readFileSync(join(out, 'parity.json'), 'utf8')).not.toContain(i.client_secret!);
    }, 120_000);
  }
});

const machine = needs('matrix interrupted', ['python-oauth-clients', 'libfaketime']);

describe.skipIf(!machine.ok)('oauth-harness matrix, interrupted', () => {
  it('SIGINT: writes the finished cells as matrix.json and matrix.md marked interrupted and exits 130', async () => {
    const out = join(dir, 'matrix');
    const run = cli(['matrix', '--client', 'reference', '--client', 'authlib', '--concurrency', '1', '--out', out]);
    // the reference cells finish first (in-process); stop while the authlib cells run
    const { code, stderr } = await run.interrupt('SIGINT', () => /✓|✗/.test(run.stdout()) && /authlib/.test(run.stdout()));
    expect(code).toBe(130);
    const m = /(\d+) of (\d+) cells finished before the interrupt; partial reports \(marked interrupted\): .*matrix\.json, .*matrix\.md/.exec(stderr);
    expect(m, stderr).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
    expect(Number(m![1])).toBeLessThan(Number(m![2]));
    const matrix = JSON.parse(readFileSync(join(out, 'matrix.json'), 'utf8'));
    expect(matrix.interrupted).toBe(true);
    expect(matrix.cells).toHaveLength(Number(m![1]));
    expect(existsSync(join(out, 'matrix.md'))).toBe(true);
    expect(readFileSync(join(out, 'matrix.md'), 'utf8')).toMatch(/\*\*Interrupted\*\*/);
  }, 300_000);
});
