/**
 * `--shard i/n`: one of n parts of a selection, so n machines (or processes) share a run
 * and `oauth-harness merge-reports` puts their reports back together.
 *
 * The split is stable: it depends only on the ids of the selection, never on file order,
 * timing or the machine. Ids are sorted (by code point) and dealt round-robin, so every
 * shard gets ⌊N/n⌋ or ⌈N/n⌉ cases, and scenarios with a common prefix (often similar in
 * cost) are spread over the shards. Each shard keeps the selection's own order.
 *
 * `run` without `--grep` knows the selection from the file names (a scenario's id is its
 * file name) and parses only its own part's files (src/runner/select-scenarios.ts).
 */
import { HarnessError } from '../errors/harness-error.js';

export interface Shard {
  /** From 1. */
  index: number;
  count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n); anything else is a usage error (exit 2) naming `flag`. */
export function parseShard(value: string, flag = '--shard'): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new HarnessError('USAGE', `${flag}: expected i/n with 1 ≤ i ≤ n (e.g. 1/4), got "${value}"`);
  }
  return { index, count };
}

/** The ids that fall to shard `s`, as a set. */
export function shardIds(ids: readonly string[], s: Shard): Set<string> {
  const sorted = [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Set(sorted.filter((_, i) => i % s.count === s.index - 1));
}

/** The items of shard `s`, in their given order. */
export function takeShard<T>(items: readonly T[], idOf: (item: T) => string, s: Shard): T[] {
  const mine = shardIds(items.map(idOf), s);
  return items.filter((x) => mine.has(idOf(x)));
}
