/**
 * Ctrl-C and SIGTERM during `oauth-harness verify` (the built CLI: `npm test` builds
 * first): the checks that finished are written as results.json, junit.xml and
 * report.html marked `interrupted`, stderr says how far it got, and the exit code is 130,
 * as for `run` (test/reliability/interrupt.test.ts).
 *
 * The server is `serve` behind a small proxy that never answers the revocation endpoint,
 * so verify is caught in the middle: some checks done, the revocation checks waiting.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHoldingProxy, type HoldingProxy } from './holding-proxy.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'oauth-harness.js');
const dir = mkdtempSync(join(tmpdir(), 'oauth-harness-interrupt-verify-'));
let served: HoldingProxy;

beforeAll(async () => {
  served = await startHoldingProxy(['rfc-strict'], /revo/i);
});

afterAll(async () => {
  await served?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('oauth-harness verify, interrupted', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: writes the finished checks as reports marked interrupted and exits 130`, async () => {
      const i = served.info.issuers[0]!;
      const out = join(dir, signal);
      const before = served.held();
      const child = spawn(process.execPath, [bin, 'verify', '--issuer', i.issuer, '--client-id', i.client_id, '--client-secret', i.client_secret!, '--plan', 'bcp', '--timeout', '10m', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      let stdout = '';
      child.stderr.on('data', (c) => (stderr += c));
      child.stdout.on('data', (c) => (stdout += c));
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      for (let n = 0; n < 600 && served.held() === before && child.exitCode === null; n++) await new Promise((r) => setTimeout(r, 100));
      expect(served.held(), `verify never reached the revocation endpoint:\n${stdout}\n${stderr}`).toBeGreaterThan(before);
      await new Promise((r) => setTimeout(r, 500));
      child.kill(signal);
      expect(await exited).toBe(130);
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
