/** The throughput ratios pair each round's mock figure with the same round's peer figure. */
import { describe, expect, it } from 'vitest';
import { checkTargets, ratios, roundRatios } from '../../src/bench/targets.js';
import type { Run, ThroughputResult } from '../../src/bench/throughput.js';
import type { TargetId } from '../../src/bench/peers/targets.js';

const run = (okPerSecond: number): Run => ({
  requestsPerSecond: okPerSecond,
  okPerSecond,
  total: okPerSecond * 5,
  ok2xx: okPerSecond * 5,
  non2xx: 0,
  mismatches: 0,
  errors: 0,
  timeouts: 0,
  latencyMs: { p50: 1, p99: 2, mean: 1, max: 3 },
  durationSeconds: 5,
  serverCpuPercent: 95,
  okPerCpuSecond: okPerSecond,
});

function result(rounds: Partial<Record<TargetId, number[]>>): ThroughputResult {
  return {
    pinned: true,
    options: { connections: 50, warmupSeconds: 1, seconds: 5, rounds: 3 },
    targets: Object.entries(rounds).map(([id, xs]) => ({ id: id as TargetId, label: id, median: run(xs![0]!), rounds: xs!.map(run) })),
  };
}

describe('throughput ratios', () => {
  it('are the median of the per-round ratios, so a slow round slows both servers of it', () => {
    // Round 2 ran while the machine was slow for the mock, round 3 while it was slow for bare:
    // each round's ratio is 0.5 or 1.24; the ratio of medians (30 ÷ 25 = 1.2) would mix rounds.
    const t = result({ mock: [10, 30, 31], 'bare-node-http': [20, 60, 25] });
    expect(roundRatios(t, 'bare-node-http')).toEqual([0.5, 0.5, 1.24]);
    expect(ratios(t).ofBareNodeHttp).toBe(0.5);
  });

  it('a mock below half of bare node:http misses the target', () => {
    const met = (mock: number[], bare: number[]) => checkTargets({ throughput: result({ mock, 'bare-node-http': bare }) }).find((x) => x.id === 'throughput-of-bare-node-http')!.met;
    expect(met([16, 17, 18], [30, 32, 34])).toBe(true);
    expect(met([14, 15, 16], [30, 32, 34])).toBe(false);
  });

  it('leaves out peers that were not measured', () => {
    expect(ratios(result({ mock: [10] }))).toEqual({});
  });
});

describe('shards target', () => {
  /** `ratio`: whole ÷ (shards + merge); `withoutMerge`: whole ÷ shards. */
  const layout = (ratio: number, withoutMerge = ratio) => ({ wholeMs: [], shardsMs: [], mergeMs: [], ratio, ratioWithoutMerge: withoutMerge });
  const shards = (perCore: [number, number] | undefined, shared: number, sameResults = true) => ({ rounds: 3, scenarios: 197, ...(perCore ? { perCore: layout(...perCore) } : {}), shared: layout(shared), sameResults, exitCodes: { whole: [], shards: [], merge: [] } });
  const met = (s: ReturnType<typeof shards>) => Object.fromEntries(checkTargets({ shards: s }).map((t) => [t.id, t.met]));

  it('is met when two shards, a core per job, beat one whole run by 15 % and the merge equals the whole run', () => {
    expect(met(shards([1.1, 1.35], 0.8))).toEqual({ 'shards-faster': true, 'shards-same-results': true });
    expect(met(shards([1.2, 1.1], 2))).toEqual({ 'shards-faster': false, 'shards-same-results': true });
    expect(met(shards([1.6, 1.9], 1.6, false))).toEqual({ 'shards-faster': true, 'shards-same-results': false });
  });

  it('has no speed verdict when the machine could not give each job a core (the shared layout has no target)', () => {
    expect(met(shards(undefined, 3))).toEqual({ 'shards-same-results': true });
  });
});
