/**
 * Section 7: shards. The whole built-in catalog as one `oauth-harness run`, against the
 * same catalog as two `run --shard i/2` processes started together followed by
 * `merge-reports`, in two layouts:
 *
 * - **One core per job** (the target, whole ÷ slower shard ≥ 1.15×): CI shards run on
 *   machines of their own, each the size of the machine that would run the whole catalog.
 *   On this machine a "machine" is one core: the whole run on core 0; the shards at once,
 *   one on core 0 and one on core 1; the merge on core 0 (`taskset`). Each process's own
 *   GC and compiler threads share its core, as they would share a one-core runner. The
 *   merge job is reported beside it: about half a second whatever the catalog's size, so
 *   sharding pays end to end once the shards save more than that (a catalog of more than
 *   about 2.5 s here).
 * - **One shared machine** (reported, no target): nothing pinned, the whole run and the
 *   two shards free to use both cores. Each process repeats the start and the warm-up of
 *   the code the catalog runs through, about 1 CPU-second, while a whole run already keeps
 *   about 1.4 cores busy: two shards on one two-core machine are not faster than one run
 *   of this catalog.
 *
 * Rounds alternate which goes first, so a machine that slows down or speeds up during a
 * round favours neither; each ratio is the median of the rounds' own ratios. Every round
 * also checks that the merged results have the whole run's cases and verdicts, in its
 * order, and its exit code. Without `taskset` (or with one core) only the shared layout is
 * measured.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../mocks/package-root.js';
import { canPin, timeCommand } from './proc.js';
import { median } from './stats.js';

/** One layout's timings. */
export interface ShardsLayout {
  /** Wall time of the whole run, per round. */
  wholeMs: number[];
  /** Wall time until both shards had finished, per round. */
  shardsMs: number[];
  /** Wall time of merge-reports, per round. */
  mergeMs: number[];
  /** Median over rounds of whole ÷ (shards + merge). */
  ratio: number;
  /** Median over rounds of whole ÷ shards (the merge left out). */
  ratioWithoutMerge: number;
}

export interface ShardsResult {
  rounds: number;
  scenarios: number;
  /** One core per job (whole run, each shard, merge): the target. Absent when the machine cannot pin two cores. */
  perCore?: ShardsLayout;
  /** Nothing pinned: the whole run and both shards share the machine's cores. */
  shared: ShardsLayout;
  /** Every round's merged results had the whole run's case ids and verdicts, in order, and every exit code matched. */
  sameResults: boolean;
  exitCodes: { whole: (number | null)[]; shards: (number | null)[][]; merge: (number | null)[] };
}

interface ResultsJson {
  cases: { id: string; verdict: string }[];
}

const verdicts = (dir: string) => (JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ResultsJson).cases.map((c) => `${c.id} ${c.verdict}`);

const emptyLayout = (): ShardsLayout => ({ wholeMs: [], shardsMs: [], mergeMs: [], ratio: 0, ratioWithoutMerge: 0 });

function finish(l: ShardsLayout): ShardsLayout {
  l.ratio = median(l.wholeMs.map((w, i) => w / (l.shardsMs[i]! + l.mergeMs[i]!)));
  l.ratioWithoutMerge = median(l.wholeMs.map((w, i) => w / l.shardsMs[i]!));
  return l;
}

export async function runShards(rounds: number): Promise<ShardsResult> {
  const bin = join(packageRoot(), 'bin', 'oauth-harness.js');
  const pin = canPin() && availableParallelism() >= 2;
  const r: ShardsResult = { rounds, scenarios: 0, ...(pin ? { perCore: emptyLayout() } : {}), shared: emptyLayout(), sameResults: true, exitCodes: { whole: [], shards: [], merge: [] } };
  const layouts: [ShardsLayout, boolean][] = [...(r.perCore ? [[r.perCore, true] as [ShardsLayout, boolean]] : []), [r.shared, false]];
  for (let i = 0; i < rounds; i++) {
    for (const [layout, pinned] of layouts) {
      const dir = mkdtempSync(join(tmpdir(), 'oauth-harness-bench-shards-'));
      try {
        const whole = async () => {
          const t = await timeCommand([bin, 'run', '--quiet', '--report', 'json', '--out', join(dir, 'whole')], { core: pinned ? 0 : undefined });
          layout.wholeMs.push(t.ms);
          r.exitCodes.whole.push(t.code);
        };
        const sharded = async () => {
          const t0 = performance.now();
          const parts = await Promise.all([1, 2].map((n) => timeCommand([bin, 'run', '--quiet', '--report', 'json', '--shard', `${n}/2`, '--out', join(dir, `shard-${n}`)], { core: pinned ? n - 1 : undefined })));
          layout.shardsMs.push(performance.now() - t0);
          r.exitCodes.shards.push(parts.map((p) => p.code));
          const m = await timeCommand([bin, 'merge-reports', '--report', 'json', '--out', join(dir, 'merged'), join(dir, 'shard-1'), join(dir, 'shard-2')], { core: pinned ? 0 : undefined });
          layout.mergeMs.push(m.ms);
          r.exitCodes.merge.push(m.code);
        };
        if (i % 2 === 0) {
          await whole();
          await sharded();
        } else {
          await sharded();
          await whole();
        }
        const a = verdicts(join(dir, 'whole'));
        r.scenarios = a.length;
        if (a.join('\n') !== verdicts(join(dir, 'merged')).join('\n') || r.exitCodes.merge.at(-1) !== r.exitCodes.whole.at(-1)) r.sameResults = false;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  if (r.perCore) finish(r.perCore);
  finish(r.shared);
  return r;
}
