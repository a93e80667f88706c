/**
 * Section 7: shards. The whole built-in catalog as one `oauth-harness run`, against the
 * same catalog as two `run --shard i/2` processes started together followed by
 * `merge-reports`, as a CI matrix of two jobs and a merge job would do it on one two-core
 * machine. Nothing is pinned: on a shared machine a process pinned to a core waits for
 * whatever else runs there, while the whole run could use both cores. Rounds alternate which goes first; the
 * ratio is the median of the rounds' own ratios (whole ÷ shards, with and without the
 * merge). Each round also checks that the merged results have the whole run's cases and
 * verdicts, in its order.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../mocks/package-root.js';
import { timeCommand } from './proc.js';
import { median } from './stats.js';

export interface ShardsResult {
  rounds: number;
  scenarios: number;
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
  /** Every round's merged results had the whole run's case ids and verdicts, in order, and every exit code matched. */
  sameResults: boolean;
  exitCodes: { whole: (number | null)[]; shards: (number | null)[][]; merge: (number | null)[] };
}

interface ResultsJson {
  cases: { id: string; verdict: string }[];
}

const verdicts = (dir: string) => (JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ResultsJson).cases.map((c) => `${c.id} ${c.verdict}`);

export async function runShards(rounds: number): Promise<ShardsResult> {
  const bin = join(packageRoot(), 'bin', 'oauth-harness.js');
  const r: ShardsResult = { rounds, scenarios: 0, wholeMs: [], shardsMs: [], mergeMs: [], ratio: 0, ratioWithoutMerge: 0, sameResults: true, exitCodes: { whole: [], shards: [], merge: [] } };
  for (let i = 0; i < rounds; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'oauth-harness-bench-shards-'));
    try {
      const whole = async () => {
        const t = await timeCommand([bin, 'run', '--quiet', '--report', 'json', '--out', join(dir, 'whole')]);
        r.wholeMs.push(t.ms);
        r.exitCodes.whole.push(t.code);
      };
      const sharded = async () => {
        const t0 = performance.now();
        const parts = await Promise.all([1, 2].map((n) => timeCommand([bin, 'run', '--quiet', '--report', 'json', '--shard', `${n}/2`, '--out', join(dir, `shard-${n}`)])));
        r.shardsMs.push(performance.now() - t0);
        r.exitCodes.shards.push(parts.map((p) => p.code));
        const m = await timeCommand([bin, 'merge-reports', '--report', 'json', '--out', join(dir, 'merged'), join(dir, 'shard-1'), join(dir, 'shard-2')]);
        r.mergeMs.push(m.ms);
        r.exitCodes.merge.push(m.code);
      };
      // alternate the order, so a machine that slows down or speeds up during a round favours neither
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
  r.ratio = median(r.wholeMs.map((w, i) => w / (r.shardsMs[i]! + r.mergeMs[i]!)));
  r.ratioWithoutMerge = median(r.wholeMs.map((w, i) => w / r.shardsMs[i]!));
  return r;
}
