/**
 * Client programs, and what they leave behind. A client is started in a session and
 * process group of its own (`spawn(…, { detached: true })` calls setsid), with a mark
 * in its environment, `OAUTH_HARNESS_RUN_MARK=<harness pid>:<random>`. Every process it
 * starts inherits the mark, also after `setsid`, a double fork or daemonising, which
 * leave the process group. While it runs, its process tree is watched
 * ({@link ProcessTree}: Linux's /proc/<pid>/task/<tid>/children, every 20 ms), so a
 * descendant that empties its environment *and* leaves the group (`env -i setsid …`) is
 * still known: by its pid (checked against its start time, so a reused pid is never
 * signalled), and by the new session or group it made, which its own children share. So
 * what a client left running is found by its process group, the mark and the tree
 * (Linux: /proc/<pid>/stat and /proc/<pid>/environ), reported, and stopped: SIGTERM, then
 * SIGKILL for what is still there a moment later.
 *
 * What escapes: a process that empties its environment, leaves the group and is orphaned
 * within one watch interval, then starts a new session again. Where /proc is missing
 * (macOS), only the process group is stopped.
 *
 * The harness pid in the mark lets an interrupted harness stop every client it started,
 * from any worker thread (see src/interrupt/interrupt.ts).
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
  ppid: number;
  pgrp: number;
  session: number;
  /** Clock ticks after boot: with the pid, names one process (pids are reused). */
  started: string;
  zombie: boolean;
}

function procInfo(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid pgrp session … starttime (field 22); comm may hold spaces and parentheses: read after the last ')'
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(rest[1]), pgrp: Number(rest[2]), session: Number(rest[3]), started: rest[19] ?? '', zombie: rest[0] === 'Z' || rest[0] === 'X' };
  } catch {
    return undefined;
  }
}

/** The children of a process (every thread's), from /proc/<pid>/task/<tid>/children; undefined where the kernel has no such file. */
function childrenOf(pid: number): number[] | undefined {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const t of tasks) {
    try {
      for (const c of readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ')) if (c) out.push(Number(c));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && t === String(pid)) return undefined;
    }
  }
  return out;
}

/** The trees of the clients running now (an interrupt kills them all: {@link killWatchedTrees}). */
const watched = new Set<ProcessTree>();

/** At most this many descendants are tracked per client (a bound on the work of a fork bomb). */
const MAX_TRACKED = 4096;
/** How often the tree is read while the client runs. */
const WATCH_MS = 20;

/**
 * A client's process tree, watched while it runs: every descendant seen (pid and start
 * time), and the sessions and process groups they made. What escapes the group and the
 * mark is still found by these ({@link findLeftovers}).
 */
export class ProcessTree {
  /** pid → start time of every descendant seen. */
  readonly seen = new Map<number, string>();
  /** Sessions and process groups the descendants made (never the harness's own). */
  readonly groups = new Set<number>();
  private readonly own: Set<number>;
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(private readonly root: number | undefined) {
    const self = procInfo(process.pid);
    this.own = new Set(self ? [self.pgrp, self.session] : []);
    if (root === undefined || !self) return;
    watched.add(this);
    this.poll();
    this.timer = setInterval(() => this.poll(), WATCH_MS);
    this.timer.unref();
  }

  /** Reads the tree once: the root's descendants, and those of every process seen before (an orphan keeps its children). */
  poll(): void {
    if (this.root === undefined) return;
    const queue = [this.root, ...this.seen.keys()];
    const visited = new Set<number>();
    for (let pid = queue.shift(); pid !== undefined && this.seen.size < MAX_TRACKED; pid = queue.shift()) {
      if (visited.has(pid)) continue;
      visited.add(pid);
      const kids = childrenOf(pid) ?? this.childrenByScan(pid);
      for (const c of kids) {
        if (this.seen.has(c) || c === process.pid) continue;
        const info = procInfo(c);
        if (!info) continue;
        this.seen.set(c, info.started);
        for (const g of [info.pgrp, info.session]) if (!this.own.has(g)) this.groups.add(g);
        queue.push(c);
      }
    }
  }

  /** Whether `info` is a process of this tree: a descendant seen (the same process, not a reused pid), or in a session or group one of them made. */
  holds(info: ProcInfo): boolean {
    const started = this.seen.get(info.pid);
    return (started !== undefined && started === info.started) || this.groups.has(info.session) || this.groups.has(info.pgrp);
  }

  /** Stops watching (what was seen is kept). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    watched.delete(this);
  }

  /** Where the kernel has no children files: the processes whose parent is `pid`, by a scan of /proc. */
  private childrenByScan(pid: number): number[] {
    let entries: string[];
    try {
      entries = readdirSync('/proc').slice(0, MAX_SCANNED);
    } catch {
      return [];
    }
    return entries.map(Number).filter((p) => Number.isInteger(p) && procInfo(p)?.ppid === pid);
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
 * `mark` (a whole mark, or a prefix such as {@link harnessMarkPrefix}), or of the client's
 * watched `tree`. Never this process. Empty where /proc cannot be read.
 */
export function findLeftovers(pgid: number | undefined, mark: string | undefined, tree?: ProcessTree): LeftProcess[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const needle = mark === undefined ? undefined : `${RUN_MARK}=${mark}`;
  const out: LeftProcess[] = [];
  let scanned = 0;
  for (const e of entries) {
    if (scanned++ > MAX_SCANNED) break;
    const pid = Number(e);
    if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) continue;
    const info = procInfo(pid);
    if (!info || info.zombie) continue;
    if ((pgid !== undefined && info.pgrp === pgid) || tree?.holds(info) || (needle !== undefined && carries(pid, needle))) out.push({ pid, command: commandOf(pid) });
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Stops what a client left running: its process group and every process with its mark.
 * SIGTERM first, SIGKILL after `graceMs` for whatever is still there. Returns what was
 * found running (before any signal), for the report.
 */
export async function stopLeftovers(pgid: number | undefined, mark: string, graceMs = 300, tree?: ProcessTree): Promise<LeftProcess[]> {
  tree?.poll();
  const found = findLeftovers(pgid, mark, tree);
  signalGroup(pgid, 'SIGTERM');
  for (const p of found) signal(p.pid, 'SIGTERM');
  if (!found.length) return found;
  for (let waited = 0; waited < graceMs; waited += 50) {
    await sleep(50);
    if (!findLeftovers(pgid, mark, tree).length) return found;
  }
  signalGroup(pgid, 'SIGKILL');
  for (const p of findLeftovers(pgid, mark, tree)) signal(p.pid, 'SIGKILL');
  return found;
}

/** Kills at once (SIGKILL) a process group, every process with the mark and the watched tree: at a time limit, or on Ctrl-C. */
export function killLeftovers(pgid: number | undefined, mark: string | undefined, tree?: ProcessTree): void {
  tree?.poll();
  signalGroup(pgid, 'SIGKILL');
  for (const p of findLeftovers(pgid, mark, tree)) signal(p.pid, 'SIGKILL');
}

/** One line for a report: `sleep 45 (pid 123), sleep 50 (pid 124)`. */
export function describeLeftovers(left: readonly LeftProcess[]): string {
  const shown = left.slice(0, 5).map((p) => `${p.command} (pid ${p.pid})`);
  return `${shown.join(', ')}${left.length > 5 ? ` and ${left.length - 5} more` : ''}`;
}

/** Kills at once (SIGKILL) everything of the client trees watched now: on Ctrl-C, with the harness's mark. */
export function killWatchedTrees(): void {
  for (const tree of [...watched]) {
    killLeftovers(undefined, undefined, tree);
    tree.stop();
  }
}
