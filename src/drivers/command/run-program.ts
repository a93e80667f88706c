/**
 * Running a client's program once: `/bin/sh -c <command>` in a session and process group
 * of its own, with a time limit, keeping the tail of its output.
 *
 * The step ends when the program exits, not when its output pipes close: a child it
 * left behind (`sleep 45 &`, `setsid sleep 50 &`, a daemon) would hold them open. After
 * a short wait for the last output, whatever it left running is found (its process
 * group, every process carrying its run mark, and its watched process tree: see
 * ../processes.ts), reported in `leftBehind`, and stopped. At the time limit all of it
 * is killed at once.
 */
import { spawn } from 'node:child_process';
import type { ClientRun } from '../driver.js';
import { killLeftovers, newRunMark, OUTPUT_KEEP, outputTail, ProcessTree, RUN_MARK, stopLeftovers, type LeftProcess } from '../processes.js';

/** How long output may still arrive after the program exited (from a child that is about to exit too). */
const DRAIN_MS = 200;

export interface ProgramInput {
  step: string;
  command: string;
  env: NodeJS.ProcessEnv;
  cwd?: string | undefined;
  timeoutMs: number;
}

/** Runs the program to its exit (or its time limit); never throws for the program's failures. */
export function runProgram(p: ProgramInput): Promise<ClientRun & { leftBehind: LeftProcess[] }> {
  const started = performance.now();
  const mark = newRunMark();
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const child = spawn('/bin/sh', ['-c', p.command], { cwd: p.cwd, env: { ...p.env, [RUN_MARK]: mark }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    // what it starts, also what leaves the group with an empty environment (../processes.ts)
    const tree = new ProcessTree(child.pid);
    // 32 KiB kept while it runs; the last 8 KiB of it in the result
    const keep = (acc: string, chunk: Buffer) => (acc.length + chunk.length > 4 * OUTPUT_KEEP ? (acc + chunk.toString('utf8')).slice(-4 * OUTPUT_KEEP) : acc + chunk.toString('utf8'));
    child.stdout!.on('data', (c: Buffer) => (stdout = keep(stdout, c)));
    child.stderr!.on('data', (c: Buffer) => (stderr = keep(stderr, c)));
    const timer = setTimeout(() => {
      timedOut = true;
      killLeftovers(child.pid, mark, tree);
    }, p.timeoutMs);
    const finish = async (exitCode: number | null, signal: NodeJS.Signals | null, error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const leftBehind = await stopLeftovers(child.pid, mark, undefined, tree);
      tree.stop();
      // A pipe still held by something that escaped would keep the streams open: let go of them.
      child.stdout!.destroy();
      child.stderr!.destroy();
      resolve({
        step: p.step,
        command: p.command,
        exitCode,
        signal,
        timedOut,
        durationMs: Math.round(performance.now() - started),
        stdout: outputTail(stdout),
        stderr: outputTail(error ? `${stderr}\n${error.message}` : stderr),
        leftBehind,
      });
    };
    child.on('error', (e) => void finish(null, null, e));
    child.on('exit', (code, signal) => {
      // the last output of the program may still be in the pipes: wait for them to close, briefly
      let closed = false;
      const done = () => {
        if (closed) return;
        closed = true;
        void finish(code, signal);
      };
      child.once('close', done);
      setTimeout(done, DRAIN_MS).unref();
    });
  });
}
