/**
 * Running a client's program once: `/bin/sh -c <command>` in its own process group,
 * with a time limit, keeping the tail of its output. The whole group is killed when the
 * time is up, and again after exit, so no child outlives its step.
 */
import { spawn } from 'node:child_process';
import type { ClientRun } from '../driver.js';

const KEEP = 8 * 1024;

export interface ProgramInput {
  step: string;
  command: string;
  env: NodeJS.ProcessEnv;
  cwd?: string | undefined;
  timeoutMs: number;
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/** Runs the program to completion (or its time limit); never throws for the program's failures. */
export function runProgram(p: ProgramInput): Promise<ClientRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const child = spawn('/bin/sh', ['-c', p.command], { cwd: p.cwd, env: p.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (acc: string, chunk: Buffer) => (acc + chunk.toString('utf8')).slice(-4 * KEEP);
    child.stdout!.on('data', (c: Buffer) => (stdout = keep(stdout, c)));
    child.stderr!.on('data', (c: Buffer) => (stderr = keep(stderr, c)));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid, 'SIGKILL');
    }, p.timeoutMs);
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null, error?: Error) => {
      clearTimeout(timer);
      killGroup(child.pid, 'SIGKILL');
      resolve({
        step: p.step,
        command: p.command,
        exitCode,
        signal,
        timedOut,
        durationMs: Math.round(performance.now() - started),
        stdout: stdout.slice(-KEEP),
        stderr: (error ? `${stderr}\n${error.message}` : stderr).slice(-KEEP),
      });
    };
    child.on('error', (e) => finish(null, null, e));
    child.on('close', (code, signal) => finish(code, signal));
  });
}
