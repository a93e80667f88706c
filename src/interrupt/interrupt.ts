/**
 * Ctrl-C (SIGINT) and SIGTERM for every command but `serve` (which stops its server and
 * exits 0): the command's own clean-ups run (stop the containers it started, by id;
 * write the partial reports, marked interrupted), every client program this harness
 * started is killed (found by its run mark, from any worker thread: see
 * src/drivers/processes.ts), and the process exits 130. The clean-ups get 15 seconds;
 * a second signal exits at once.
 */
import { harnessMarkPrefix, killLeftovers, killWatchedTrees } from '../drivers/processes.js';

type Cleanup = () => void | Promise<void>;

const cleanups = new Set<Cleanup>();
let installed = false;
let stopping = false;

/** How long the clean-ups may take before the process exits anyway. */
const CLEANUP_MS = 15_000;

/** Registers a clean-up for an interrupt; returns the function that removes it (call it when the work is done). */
export function onInterrupt(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

async function interrupted(signal: NodeJS.Signals): Promise<void> {
  if (stopping) process.exit(130);
  stopping = true;
  process.stderr.write(`\ninterrupted (${signal}): stopping…\n`);
  killWatchedTrees();
  killLeftovers(undefined, harnessMarkPrefix());
  const all = Promise.allSettled([...cleanups].map(async (c) => c()));
  await Promise.race([all, new Promise((r) => setTimeout(r, CLEANUP_MS).unref())]);
  killWatchedTrees();
  killLeftovers(undefined, harnessMarkPrefix());
  process.exit(130);
}

/** Installs the SIGINT and SIGTERM handlers (once). */
export function handleInterrupts(): void {
  if (installed) return;
  installed = true;
  for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => void interrupted(s));
}
