/** The command line as a process: what a shell user sees. */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';

const CLI = join(packageRoot(), 'bin', 'oauth-harness.js');

describe('oauth-harness CLI', () => {
  it('a reader that closes early (| head) ends it quietly with exit 0', async () => {
    const child = spawn(process.execPath, [CLI, 'schema'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the CLI has started: every write it makes meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('oauth-harness serve: bad flags', () => {
  it.each([
    [['--record', 'abc'], /--record: expected a whole number ≥ 0, got "abc"/],
    [['--seed', 'x'], /--seed: expected a whole number, got "x"/],
    [['--profile', 'nope'], /--profile: unknown profile "nope"/],
  ])('%j: one line, exit 2, nothing left listening', (args, message) => {
    const r = spawnSync(process.execPath, [CLI, 'serve', '--port', '0', ...args], { encoding: 'utf8', timeout: 10_000 });
    expect(r.signal).toBeNull(); // a server left listening would keep the process alive until the timeout
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('oauth-harness run: an unwritable --out', () => {
  it('is a one-line usage error before any scenario runs', () => {
    const r = spawnSync(process.execPath, [CLI, 'run', '--grep', '^github-token-never-expires$', '--out', '/dev/null/reports'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('error: --out: cannot write reports to /dev/null/reports: ENOTDIR');
    expect(r.stdout).not.toMatch(/passed|failed/);
  });
});
