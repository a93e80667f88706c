/**
 * Ctrl-C during `oauth-harness run` (the built CLI: `npm test` builds first): the client
 * program running at that moment (and what it started) is stopped, the scenarios that
 * finished are written as reports marked `interrupted`, and the exit code is 130.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'oauth-harness.js');
const dir = mkdtempSync(join(tmpdir(), 'oauth-harness-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('oauth-harness run, interrupted', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: stops the running client, writes the partial reports marked interrupted, exits 130`, async () => {
      const work = join(dir, signal);
      const pidFile = join(dir, `${signal}.pid`);
      const head = 'description: d\nprovider: { profile: rfc-strict }\n';
      const { mkdirSync } = await import('node:fs');
      mkdirSync(work);
      writeFileSync(join(work, 'a-quick.yaml'), `title: quick\n${head}steps:\n  - clientCredentials: {}\n`);
      writeFileSync(join(work, 'b-hangs.yaml'), `title: hangs\n${head}client:\n  driver: command\n  command: { run: "setsid sleep 40 & echo $! > ${pidFile}; sleep 40", timeout: 1h }\nsteps:\n  - refresh: {}\n`);
      const out = join(dir, `${signal}-reports`);
      const child = spawn(process.execPath, [bin, 'run', work, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += c));
      child.stdout.resume();
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      for (let i = 0; i < 300 && !existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
      const pid = Number(readFileSync(pidFile, 'utf8'));
      expect(alive(pid)).toBe(true);
      child.kill(signal);
      expect(await exited).toBe(130);
      expect(stderr).toMatch(new RegExp(`interrupted \\(${signal}\\)`));
      expect(stderr).toMatch(/1 of 2 scenarios finished before the interrupt; partial reports \(marked interrupted\)/);
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
      expect(results.interrupted).toBe(true);
      expect(results.cases.map((c: { id: string }) => c.id)).toEqual(['a-quick']);
      await new Promise((r) => setTimeout(r, 200));
      expect(alive(pid)).toBe(false);
    }, 60_000);
  }
});
