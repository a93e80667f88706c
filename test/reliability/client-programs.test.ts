/**
 * Client programs that misbehave (issue 14): output that carries a token where the
 * harness cuts it, and children left running after the program exits (`sleep 45 &`,
 * `setsid sleep 50 &`, a daemon, and children that empty their environment and leave
 * the process group: fixtures/escaping-client.sh). The step ends when the program exits; what it left is
 * reported as a warning and stopped; no token, nor a piece of one, reaches a result.
 *
 * Everything here runs on 127.0.0.1; every process started is stopped.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../src/drivers/command/run-program.js';
import { parseClientOption } from '../../src/drivers/driver-spec.js';
import { findLeftovers, harnessMarkPrefix } from '../../src/drivers/processes.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { scenario } from '../drivers/verdict-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-harness-programs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const leaky = join(import.meta.dirname, 'fixtures', 'leaky-client.mjs');
/** Leaves three children with an empty environment outside its process group. */
const escaping = join(import.meta.dirname, 'fixtures', 'escaping-client.sh');

/** Whether a process runs (a zombie does not). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Every 24-character piece of `secret` that appears in `text`. */
function pieces(text: string, secret: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + 24 <= secret.length; i += 4) if (text.includes(secret.slice(i, i + 24))) found.push(secret.slice(i, i + 24));
  return found;
}

describe('secrets are redacted before output is cut', () => {
  for (const leak of ['stderr', 'stdout-cut'] as const) {
    it(`a JWT access token in ${leak === 'stderr' ? "a failed step's last stderr line (cut at 300 characters)" : 'stdout where the 8 KiB cut falls inside it'} leaves no piece in the result`, async () => {
      const s = scenario(
        {
          provider: { profile: 'rfc-strict', switches: { tokenResponse: { accessTokenFormat: 'jwt' } } },
          client: { driver: 'command', command: { run: `${JSON.stringify(process.execPath)} ${JSON.stringify(leaky)}`, env: { LEAK: leak, LEAK_OUT: join(dir, leak) } } },
          steps: [{ clientCredentials: { scopes: ['read'] }, expect: { outcome: 'failure' } }],
        },
        `leak-${leak}`,
      );
      const result = await runScenario(s, { seed: 1 });
      const token = readFileSync(join(dir, leak), 'utf8');
      expect(token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(token.length).toBeGreaterThan(400);
      expect(pieces(JSON.stringify(result), token)).toEqual([]);
      if (leak === 'stderr') expect(result.steps[0]!.detail).toMatch(/the client exited with 1: the API refused token \[redacted:[0-9a-f]{8}\] with 401$/);
      else expect((result.clientRuns ?? [])[0]!.stdout).toMatch(/^\[\d+ earlier characters not kept\] \n {8091}$/);
    });
  }
});

describe('a client that leaves processes behind', () => {
  const run = (command: string, timeoutMs = 20_000) => runProgram({ step: 'refresh', command, env: { ...process.env }, timeoutMs });

  it('`sleep 45 &` holding stdout: the step ends when the client exits, the child is reported and stopped', async () => {
    const pidFile = join(dir, 'bg');
    const r = await run(`sleep 45 & echo $! > ${pidFile}; echo done`);
    expect(r.exitCode).toBe(0);
    expect(r.timedOut).toBe(false);
    expect(r.stdout).toBe('done\n');
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(r.leftBehind.map((p) => p.pid)).toContain(pid);
    expect(r.leftBehind.find((p) => p.pid === pid)!.command).toBe('sleep 45');
    expect(alive(pid)).toBe(false);
  });

  it('`setsid sleep 50 &` (another session, still holding stdout) is found by its mark and stopped', async () => {
    const pidFile = join(dir, 'setsid');
    const r = await run(`setsid sleep 50 & echo $! > ${pidFile}; exit 4`);
    expect(r.exitCode).toBe(4);
    expect(r.timedOut).toBe(false);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(r.leftBehind.map((p) => p.command)).toContain('sleep 50');
    expect(alive(pid)).toBe(false);
  });

  it('a fully detached daemon (setsid, double fork, stdio on /dev/null) does not outlive the step', async () => {
    const pidFile = join(dir, 'daemon');
    const r = await run(`setsid sh -c 'sleep 55 & echo $! > ${pidFile}' </dev/null >/dev/null 2>&1 & sleep 0.2; exit 0`);
    expect(r.exitCode).toBe(0);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(r.leftBehind.map((p) => p.pid)).toContain(pid);
    expect(alive(pid)).toBe(false);
  });

  it('children that empty their environment and leave the process group (setsid; a double fork in a new session; a new group) are found by the watched tree and stopped', async () => {
    const base = join(dir, 'escaping');
    const r = await run(`sh ${JSON.stringify(escaping)} ${JSON.stringify(base)}`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('done\n');
    const pids = [1, 2, 3].map((n) => Number(readFileSync(`${base}.${n}`, 'utf8')));
    expect(r.leftBehind.map((p) => p.pid)).toEqual(expect.arrayContaining(pids));
    expect(r.leftBehind.filter((p) => pids.includes(p.pid)).map((p) => p.command).sort()).toEqual(['sleep 57', 'sleep 58', 'sleep 59']);
    for (const pid of pids) expect(alive(pid), `pid ${pid}`).toBe(false);
  });

  it('at the time limit the client and everything it started are killed, also what emptied its environment and left the group', async () => {
    const base = join(dir, 'escaping-limit');
    const r = await run(`sh ${JSON.stringify(escaping)} ${JSON.stringify(base)}; sleep 60`, 1500);
    expect(r.timedOut).toBe(true);
    for (const n of [1, 2, 3]) expect(alive(Number(readFileSync(`${base}.${n}`, 'utf8'))), `child ${n}`).toBe(false);
  });

  it('at the time limit the client and everything it started are killed', async () => {
    const pidFile = join(dir, 'limit');
    const r = await run(`setsid sleep 60 & echo $! > ${pidFile}; sleep 60`, 500);
    expect(r.timedOut).toBe(true);
    expect(alive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  it('a well-behaved client leaves nothing and gets no warning; no marked process of this harness is left', async () => {
    const r = await run('echo hello; sleep 0.1');
    expect(r.leftBehind).toEqual([]);
    expect(findLeftovers(undefined, harnessMarkPrefix())).toEqual([]);
  });

  it('in a scenario, the step is not timed out and carries a client-left-processes warning', async () => {
    const s = scenario(
      {
        provider: { profile: 'rfc-strict' },
        client: { driver: 'command', command: { run: 'setsid sleep 45 & sleep 45 & exit 3', timeout: '20s' } },
        steps: [{ refresh: {}, expect: { outcome: 'failure' } }],
      },
      'left-behind',
    );
    const result = await runScenario(s, { seed: 1 });
    expect(result.clientRuns?.[0]).toMatchObject({ exitCode: 3, timedOut: false });
    expect(result.warnings ?? []).toEqual([expect.objectContaining({ code: 'client-left-processes', message: expect.stringMatching(/^step refresh: the client exited but left 2 processes running, stopped by the harness: sleep 45 \(pid \d+\), sleep 45 \(pid \d+\)$/) })]);
    expect(findLeftovers(undefined, harnessMarkPrefix())).toEqual([]);
  });
});

describe('a web client that hides what it starts', () => {
  it('children it started with an emptied environment outside its process group are stopped when the scenario ends', async () => {
    const base = join(dir, 'web-escaping');
    const app = join(import.meta.dirname, '..', '..', 'clients', 'web', 'oauth4webapi-web.mjs');
    // the escaping script first, then the example web client in the same shell
    const web = parseClientOption(`web:sh ${JSON.stringify(escaping)} ${JSON.stringify(base)} >/dev/null; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(app)}`);
    const s = scenario({ provider: { profile: 'rfc-strict' }, client: { scopes: ['read'] }, steps: [{ connect: { user: 'alice' }, expect: { outcome: 'success' } }] }, 'web-escaping');
    const result = await runScenario(s, { seed: 1, driver: web });
    expect(result.verdict, result.message).toBe('passed');
    const pids = [1, 2, 3].map((n) => Number(readFileSync(`${base}.${n}`, 'utf8')));
    for (const pid of pids) expect(alive(pid), `pid ${pid}`).toBe(false);
  });
});
