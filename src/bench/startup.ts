/**
 * Section 4: start-up. `oauth-harness serve` from spawn to the first discovery answer,
 * and `oauth-harness --help` from spawn to exit; the median of several runs each.
 */
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { packageRoot } from '../../mocks/package-root.js';
import { median } from './stats.js';
import { timeCommand } from './proc.js';

export interface StartupResult {
  runs: number;
  serveToDiscoveryMs: { median: number; all: number[] };
  helpMs: { median: number; all: number[] };
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
export function serveToDiscovery(): Promise<number> {
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
          child.kill('SIGTERM');
          if (status !== 200) reject(new Error(`discovery answered ${status}`));
          else child.once('exit', () => resolve(ms));
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
  const help: number[] = [];
  for (let i = 0; i < runs; i++) {
    serve.push(await serveToDiscovery());
    const h = await timeCommand([bin, '--help']);
    if (h.code !== 0) throw new Error(`oauth-harness --help exited ${h.code}: ${h.stderr}`);
    help.push(h.ms);
  }
  return { runs, serveToDiscoveryMs: { median: median(serve), all: serve }, helpMs: { median: median(help), all: help } };
}
