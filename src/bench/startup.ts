/**
 * Section 4: start-up. `oauth-harness serve` from spawn to the first discovery answer,
 * and `oauth-harness --help` from spawn to exit; the median of several runs each.
 */
import { spawn, spawnSync } from 'node:child_process';
import { get } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { packageRoot } from '../../mocks/package-root.js';
import { median } from './stats.js';
import { cpuMsOf, timeCommand } from './proc.js';

export interface StartupResult {
  runs: number;
  serveToDiscoveryMs: { median: number; all: number[] };
  /** CPU time (user + system, all threads) the serve process had used at that moment (10 ms ticks). */
  serveCpuMs: { median: number; all: number[] };
  helpMs: { median: number; all: number[] };
  /** `node -e 0`: the runtime's own start-up on this machine at the same time, for scale. */
  bareNodeMs: { median: number; all: number[] };
}

function getStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
}

/** Spawns `serve --profile rfc-strict --port 0 --json` and times it up to a 200 from discovery. */
export function serveToDiscovery(): Promise<{ ms: number; cpuMs: number }> {
  const bin = join(packageRoot(), 'bin', 'oauth-harness.js');
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [bin, 'serve', '--profile', 'rfc-strict', '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.once('error', reject);
    createInterface({ input: child.stdout }).once('line', (line) => {
      const discovery = (JSON.parse(line) as { issuers: { discovery: string }[] }).issuers[0]!.discovery;
      getStatus(discovery).then(
        (status) => {
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          const cpuMs = cpuMsOf(child.pid!);
          child.kill('SIGTERM');
          if (status !== 200) reject(new Error(`discovery answered ${status}`));
          else child.once('exit', () => resolve({ ms, cpuMs }));
        },
        (e) => {
          child.kill('SIGTERM');
          reject(e);
        },
      );
    });
  });
}

export async function runStartup(runs: number): Promise<StartupResult> {
  const bin = join(packageRoot(), 'bin', 'oauth-harness.js');
  await serveToDiscovery(); // warms the file cache and this process's HTTP client
  await timeCommand([bin, '--help']);
  const serve: number[] = [];
  const cpu: number[] = [];
  const help: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await serveToDiscovery();
    serve.push(s.ms);
    cpu.push(s.cpuMs);
    const h = await timeCommand([bin, '--help']);
    if (h.code !== 0) throw new Error(`oauth-harness --help exited ${h.code}: ${h.stderr}`);
    help.push(h.ms);
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const m = (all: number[]) => ({ median: median(all), all });
  return { runs, serveToDiscoveryMs: m(serve), serveCpuMs: m(cpu), helpMs: m(help), bareNodeMs: m(bare) };
}
