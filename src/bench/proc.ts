/**
 * Child processes for the bench: servers pinned to one core, the load generator on
 * the other, and whole-command wall times.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

let tasksetAvailable: boolean | undefined;

/** Whether `taskset` exists and the machine has at least two cores to split. */
export function canPin(): boolean {
  if (tasksetAvailable === undefined) {
    try {
      execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
      tasksetAvailable = true;
    } catch {
      tasksetAvailable = false;
    }
  }
  return tasksetAvailable;
}

/** `node args…`, prefixed with `taskset -c CORE` when pinning is possible. */
export function nodeCommand(args: string[], core: number | undefined): [string, string[]] {
  if (core !== undefined && canPin()) return ['taskset', ['-c', String(core), process.execPath, ...args]];
  return [process.execPath, args];
}

export interface Started<T> {
  child: ChildProcess;
  /** The first JSON object line the child printed on stdout. */
  ready: T;
  stop(): Promise<void>;
}

/** Spawns `node args…` (pinned) and waits for its first stdout line holding a JSON object. */
export function startChild<T>(args: string[], o: { core?: number | undefined; cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Started<T>> {
  const [cmd, argv] = nodeCommand(args, o.core);
  const child = spawn(cmd, argv, { cwd: o.cwd, env: o.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${args.join(' ')}: no ready line within ${o.timeoutMs ?? 20_000} ms\n${stderr}`));
    }, o.timeoutMs ?? 20_000);
    const lines = createInterface({ input: child.stdout! });
    // Libraries may print warnings first: the ready line is the first JSON object line.
    const onLine = (line: string) => {
      if (!line.startsWith('{')) return;
      let ready: T;
      try {
        ready = JSON.parse(line) as T;
      } catch {
        return;
      }
      clearTimeout(timer);
      lines.off('line', onLine);
      child.stdout!.resume();
      resolve({ child, ready, stop });
    };
    lines.on('line', onLine);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code} before it was ready\n${stderr}`));
    });
  });
}

/** Runs `node args…` to its end (pinned to `core` when given and possible); returns wall milliseconds, exit code and stdout. */
export function timeCommand(args: string[], o: { cwd?: string; env?: NodeJS.ProcessEnv; core?: number | undefined } = {}): Promise<{ ms: number; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const [cmd, argv] = nodeCommand(args, o.core);
    const child = spawn(cmd, argv, { cwd: o.cwd, env: o.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, code, stdout, stderr }));
  });
}

function statusField(pid: number, field: string): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no ${field} for pid ${pid}`);
  return Number(m[1]) * 1024;
}

/** Resident set size of a process, in bytes (Linux `/proc`). */
export const rssOf = (pid: number): number => statusField(pid, 'VmRSS');

/** Peak resident set size of a process, in bytes. */
export const peakRssOf = (pid: number): number => statusField(pid, 'VmHWM');

/** CPU time a process has used so far (user + system), in milliseconds (Linux `/proc`, clock ticks of 10 ms). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
