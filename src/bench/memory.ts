/**
 * Section 5: memory. (a) RSS of the `oauth-harness serve` process after it issued
 * 100,000 tokens over HTTP (all still valid: one-hour lifetime); (b) a million requests
 * with one-second lifetimes in-process (memory-probe.ts), which must stay flat.
 */
import { join } from 'node:path';
import { packageRoot } from '../../mocks/package-root.js';
import type { LoadTask } from './load-runner.js';
import type { MemoryProbeResult } from './memory-probe.js';
import { mockTarget } from './peers/targets.js';
import { canPin, peakRssOf, rssOf, startChild } from './proc.js';
import { runLoad, verifyTokenEndpoint } from './throughput.js';

export interface MemoryResult {
  tokens: { issued: number; non2xx: number; rssBeforeBytes: number; rssAfterBytes: number; peakRssBytes: number };
  flat: MemoryProbeResult & {
    /** RSS at the last sample minus RSS at the second (after the first tenth, once the ring buffer is full). */
    rssGrowthBytes: number;
    heapGrowthBytes: number;
  };
}

export async function runMemory(o: { tokens: number; requests: number }): Promise<MemoryResult> {
  const pin = canPin();
  const server = await mockTarget.start(pin ? 1 : undefined);
  let tokens: MemoryResult['tokens'];
  try {
    await verifyTokenEndpoint(server.ready, 1);
    const rssBeforeBytes = rssOf(server.pid);
    const task: LoadTask = { url: server.ready.token_endpoint, client_id: server.ready.client_id, client_secret: server.ready.client_secret, connections: 50, warmupSeconds: 0, seconds: 0, amount: o.tokens };
    const load = await runLoad(task, server.pid, pin);
    tokens = { issued: load.ok2xx - load.mismatches, non2xx: load.non2xx + load.errors, rssBeforeBytes, rssAfterBytes: rssOf(server.pid), peakRssBytes: peakRssOf(server.pid) };
  } finally {
    await server.stop();
  }
  const probe = await startChild<MemoryProbeResult>(['--expose-gc', join(packageRoot(), 'dist', 'src', 'bench', 'memory-probe.js'), JSON.stringify({ requests: o.requests })], { core: pin ? 1 : undefined, timeoutMs: 600_000 });
  await probe.stop();
  const s = probe.ready.samples;
  const base = s[Math.min(1, s.length - 1)]!;
  const last = s.at(-1)!;
  return { tokens, flat: { ...probe.ready, rssGrowthBytes: last.rssBytes - base.rssBytes, heapGrowthBytes: last.heapUsedBytes - base.heapUsedBytes } };
}
