/**
 * Section 1: token endpoint throughput. Each server runs in its own process pinned to
 * core 1, the load generator (autocannon) in another pinned to core 0. Rounds run the
 * servers in rotated order; each server's figure is its median round.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { packageRoot } from '../../mocks/package-root.js';
import type { LoadResult, LoadTask } from './load-runner.js';
import { TARGETS, type Target, type TargetId } from './peers/targets.js';
import type { PeerReady } from './peers/ready.js';
import { canPin, cpuMsOf, nodeCommand } from './proc.js';
import { medianBy } from './stats.js';

export interface ThroughputOptions {
  connections: number;
  warmupSeconds: number;
  seconds: number;
  rounds: number;
  targets?: TargetId[];
  log?: (line: string) => void;
}

/** One measured run, with how busy the server's core was. */
export type Run = LoadResult & {
  /** Server CPU time ÷ wall time over the measured run (100 = one core saturated). */
  serverCpuPercent: number;
  /** Verified responses per second of server CPU: the server's cost per request, whatever else ran on the machine. */
  okPerCpuSecond: number;
};

export interface TargetThroughput {
  id: TargetId;
  label: string;
  /** The median round (by verified responses per second). */
  median: Run;
  rounds: Run[];
}

export interface ThroughputResult {
  pinned: boolean;
  options: Omit<ThroughputOptions, 'log'>;
  targets: TargetThroughput[];
}

/** Sends real token requests and checks each answer is a 200 RFC 6749 §5.1 token response. */
export async function verifyTokenEndpoint(ready: PeerReady, n = 3): Promise<void> {
  const basic = Buffer.from(`${encodeURIComponent(ready.client_id)}:${encodeURIComponent(ready.client_secret)}`).toString('base64');
  for (let i = 0; i < n; i++) {
    const res = await fetch(ready.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}`, accept: 'application/json' },
      body: 'grant_type=client_credentials&scope=read',
    });
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      /* reported below */
    }
    const ok = res.status === 200 && typeof body.access_token === 'string' && body.access_token.length > 0 && String(body.token_type).toLowerCase() === 'bearer';
    if (!ok) throw new Error(`${ready.token_endpoint} did not answer a token response: ${res.status} ${text.slice(0, 300)}`);
  }
}

/**
 * Runs the load generator (pinned to core 0) against a started server; samples the
 * server's CPU time when the measured run starts and ends.
 */
export function runLoad(task: LoadTask, serverPid: number, pin: boolean): Promise<Run> {
  const runner = join(packageRoot(), 'dist', 'src', 'bench', 'load-runner.js');
  const [cmd, argv] = nodeCommand([runner, JSON.stringify(task)], pin ? 0 : undefined);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let cpu0 = 0;
    let t0 = 0;
    child.once('error', reject);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const msg = JSON.parse(line) as LoadResult | { phase: 'run' };
      if ('phase' in msg) {
        cpu0 = cpuMsOf(serverPid);
        t0 = performance.now();
        return;
      }
      const cpuMs = cpuMsOf(serverPid) - cpu0;
      const ok = msg.ok2xx - msg.mismatches;
      resolve({ ...msg, serverCpuPercent: (100 * cpuMs) / (performance.now() - t0), okPerCpuSecond: cpuMs > 0 ? ok / (cpuMs / 1000) : Number.NaN });
    });
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
    });
  });
}

async function measure(target: Target, o: ThroughputOptions): Promise<Run> {
  const pin = canPin();
  const server = await target.start(pin ? 1 : undefined);
  try {
    await verifyTokenEndpoint(server.ready);
    const task: LoadTask = { url: server.ready.token_endpoint, client_id: server.ready.client_id, client_secret: server.ready.client_secret, connections: o.connections, warmupSeconds: o.warmupSeconds, seconds: o.seconds };
    return await runLoad(task, server.pid, pin);
  } finally {
    await server.stop();
  }
}

export async function runThroughput(o: ThroughputOptions): Promise<ThroughputResult> {
  const targets = TARGETS.filter((t) => !o.targets || o.targets.includes(t.id));
  const runs = new Map<TargetId, Run[]>(targets.map((t) => [t.id, []]));
  for (let r = 0; r < o.rounds; r++) {
    // Rotate the order each round, so no server always runs first or last.
    const order = targets.map((_, i) => targets[(i + r) % targets.length]!);
    for (const t of order) {
      const res = await measure(t, o);
      runs.get(t.id)!.push(res);
      o.log?.(`  round ${r + 1}/${o.rounds} ${t.label}: ${Math.round(res.okPerSecond)} ok req/s, p50 ${res.latencyMs.p50} ms, p99 ${res.latencyMs.p99} ms, non-2xx ${res.non2xx}, mismatches ${res.mismatches}, server core ${Math.round(res.serverCpuPercent)} % busy`);
    }
  }
  const { log: _log, ...options } = o;
  return {
    pinned: canPin(),
    options,
    targets: targets.map((t) => {
      const rounds = runs.get(t.id)!;
      return { id: t.id, label: t.label, median: medianBy(rounds, (x) => x.okPerSecond)!, rounds };
    }),
  };
}
