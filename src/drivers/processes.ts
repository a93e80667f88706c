/**
 * Client programs, and what they leave behind. A client is started in a session and
 * process group of its own (`spawn(…, { detached: true })` calls setsid), with a mark
 * in its environment, `OAUTH_HARNESS_RUN_MARK=<harness pid>:<random>`. Every process it
 * starts inherits the mark, also after `setsid`, a double fork or daemonising, which
 * leave the process group. So what a client left running is found by its process group
 * and by the mark (Linux: /proc/<pid>/stat and /proc/<pid>/environ), reported, and
 * stopped: SIGTERM, then SIGKILL for what is still there a moment later.
 *
 * Only a process that empties its environment *and* leaves the process group escapes;
 * where /proc is missing (macOS), only the process group is stopped.
 *
 * The harness pid in the mark lets an interrupted harness stop every client it started,
 * from any worker thread (see src/cli/interrupt.ts).
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cutTail } from '../../mocks/provider/cut.js';

/** How much of a client's output is kept: the last 8 KiB. */
export const OUTPUT_KEEP = 8 * 1024;

/** The tail of a client's output, without a fragment of a token at the cut (redaction would not know a fragment). */
export function outputTail(text: string): string {
  return cutTail(text, OUTPUT_KEEP, (left) => `[${left} earlier characters not kept] `);
}

/** The environment variable that marks the processes of one client run. */
export const RUN_MARK = 'OAUTH_HARNESS_RUN_MARK';

/** A process a client left running. */
export interface LeftProcess {
  pid: number;
  /** Its command line (cut to 120 characters). */
  command: string;
}

/** A new mark for one client run of this harness process. */
export function newRunMark(): string {
  return `${process.pid}:${randomUUID()}`;
}

/** The mark prefix every client of this harness process carries. */
export function harnessMarkPrefix(): string {
  return `${process.pid}:`;
}

/** Sends a signal to a process group (the leader's pid); no error when it is gone. */
export function signalGroup(pgid: number | undefined, signal: NodeJS.Signals): void {
  if (!pgid) return;
  try {
    process.kill(-pgid, signal);
  } catch {
    /* already gone */
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

/** At most this many /proc entries are looked at (a bound on the work on a busy machine). */
const MAX_SCANNED = 65_536;

interface ProcInfo {
  pid: number;
  pgrp: number;
  zombie: boolean;
}

function procInfo(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses: read after the last ')'
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, pgrp: Number(rest[2]), zombie: rest[0] === 'Z' || rest[0] === 'X' };
  } catch {
    return undefined;
  }
}

function commandOf(pid: number): string {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return cmd.length > 120 ? `${cmd.slice(0, 119)}…` : cmd || `pid ${pid}`;
  } catch {
    return `pid ${pid}`;
  }
}

function carries(pid: number, needle: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`).includes(needle);
  } catch {
    return false; // gone, or another user's
  }
}

/**
 * The live processes of process group `pgid`, or whose environment carries the mark
 * `mark` (a whole mark, or a prefix such as {@link harnessMarkPrefix}). Never this
 * process. Empty where /proc cannot be read.
 */
export function findLeftovers(pgid: number | undefined, mark: string): LeftProcess[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const needle = `${RUN_MARK}=${mark}`;
  const out: LeftProcess[] = [];
  let scanned = 0;
  for (const e of entries) {
    if (scanned++ > MAX_SCANNED) break;
    const pid = Number(e);
    if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) continue;
    const info = procInfo(pid);
    if (!info || info.zombie) continue;
    if ((pgid !== undefined && info.pgrp === pgid) || carries(pid, needle)) out.push({ pid, command: commandOf(pid) });
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Stops what a client left running: its process group and every process with its mark.
 * SIGTERM first, SIGKILL after `graceMs` for whatever is still there. Returns what was
 * found running (before any signal), for the report.
 */
export async function stopLeftovers(pgid: number | undefined, mark: string, graceMs = 300): Promise<LeftProcess[]> {
  const found = findLeftovers(pgid, mark);
  signalGroup(pgid, 'SIGTERM');
  for (const p of found) signal(p.pid, 'SIGTERM');
  if (!found.length) return found;
  for (let waited = 0; waited < graceMs; waited += 50) {
    await sleep(50);
    if (!findLeftovers(pgid, mark).length) return found;
  }
  signalGroup(pgid, 'SIGKILL');
  for (const p of findLeftovers(pgid, mark)) signal(p.pid, 'SIGKILL');
  return found;
}

/** Kills at once (SIGKILL) a process group and every process with the mark: at a time limit, or on Ctrl-C. */
export function killLeftovers(pgid: number | undefined, mark: string): void {
  signalGroup(pgid, 'SIGKILL');
  for (const p of findLeftovers(pgid, mark)) signal(p.pid, 'SIGKILL');
}

/** One line for a report: `sleep 45 (pid 123), sleep 50 (pid 124)`. */
export function describeLeftovers(left: readonly LeftProcess[]): string {
  const shown = left.slice(0, 5).map((p) => `${p.command} (pid ${p.pid})`);
  return `${shown.join(', ')}${left.length > 5 ? ` and ${left.length - 5} more` : ''}`;
}
