/**
 * `npm run bench`: throughput against peer mock servers and bare node:http, a refresh
 * storm, the catalog's wall time, start-up and memory, all measured in one run on this
 * machine. Writes reports/bench.json and prints a short table.
 *
 *   node dist/src/bench/index.js [--only throughput,storm,catalog,startup,memory,install,shards]
 *     [--seconds 5] [--warmup 1] [--connections 50] [--rounds 5] [--quick] [--out reports/bench.json]
 *
 * See docs/decisions/ for the method.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../../mocks/package-root.js';
import { HarnessError } from '../errors/harness-error.js';
import { prepareOutDir } from '../reports/write-reports.js';
import { runCatalog, type CatalogResult } from './catalog.js';
import { runInstallSize, type InstallSizeResult } from './install-size.js';
import { runMemory, type MemoryResult } from './memory.js';
import { canPin, startChild } from './proc.js';
import { runShards, type ShardsResult } from './shards.js';
import { runRefreshStorm, viaAdminApi, type StormIssuer, type StormResult } from './refresh-storm.js';
import { runStartup, type StartupResult } from './startup.js';
import type { BenchReport } from './report.js';
import { formatTable } from './table.js';
import { checkTargets, ratios, type Ratios, type TargetCheck } from './targets.js';
import { runThroughput, type ThroughputResult } from './throughput.js';
import { runVerifyBench } from './verify.js';

export type { BenchReport } from './report.js';

const SECTIONS = ['throughput', 'storm', 'catalog', 'startup', 'memory', 'install', 'shards', 'verify'] as const;

function commit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: packageRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** The storm against the real CLI process: `oauth-harness serve --profile rotating-refresh`. */
async function stormOverCli(): Promise<StormResult> {
  const bin = join(packageRoot(), 'bin', 'oauth-harness.js');
  const served = await startChild<{ admin: string; issuers: StormIssuer[] }>([bin, 'serve', '--profile', 'rotating-refresh', '--port', '0', '--json'], { core: canPin() ? 1 : undefined });
  try {
    const issuer = served.ready.issuers[0]!;
    return await runRefreshStorm(issuer, { concurrency: 1000, rotations: 5, setReuseDetection: viaAdminApi(served.ready.admin, issuer.profile) });
  } finally {
    await served.stop();
  }
}

/** The bench's options, or a `HarnessError` (exit 2, no stack trace) naming the bad one. */
export function parseBenchArgs(args: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        only: { type: 'string' },
        seconds: { type: 'string' },
        warmup: { type: 'string' },
        connections: { type: 'string' },
        rounds: { type: 'string' },
        quick: { type: 'boolean' },
        out: { type: 'string' },
      },
    }));
  } catch (e) {
    throw new HarnessError('USAGE', `${(e as Error).message} (options: --only, --seconds, --warmup, --connections, --rounds, --quick, --out)`);
  }
  const quick = values.quick === true;
  const only = new Set((values.only ?? SECTIONS.join(',')).split(',').map((s) => s.trim()));
  for (const s of only) if (!(SECTIONS as readonly string[]).includes(s)) throw new HarnessError('USAGE', `--only: unknown section "${s}" (${SECTIONS.join(', ')})`);
  const num = (name: string, value: string | undefined, fallback: number, min: number) => {
    const n = Number(value ?? fallback);
    if (!Number.isInteger(n) || n < min) throw new HarnessError('USAGE', `--${name}: expected a whole number ≥ ${min}, got "${value}"`);
    return n;
  };
  return {
    quick,
    only,
    out: values.out,
    connections: num('connections', values.connections, 50, 1),
    warmupSeconds: num('warmup', values.warmup, 1, 0),
    seconds: num('seconds', values.seconds, quick ? 2 : 5, 1),
    rounds: num('rounds', values.rounds, quick ? 1 : 5, 1),
  };
}

async function main(): Promise<void> {
  const values = parseBenchArgs(process.argv.slice(2));
  const { quick, only } = values;
  const out = resolve(values.out ?? join(packageRoot(), 'reports', 'bench.json'));
  prepareOutDir(dirname(out));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const t0 = Date.now();
  const busy = loadavg()[0]!;
  if (busy > 0.5) log(`note: load average ${busy.toFixed(2)}: other processes are using the cores, figures will be noisy`);
  const report: BenchReport = {
    schemaVersion: 1,
    startedAt: new Date(t0).toISOString(),
    durationSeconds: 0,
    machine: { node: process.version, cores: availableParallelism(), pinned: canPin(), loadAverageBefore: loadavg(), loadAverageAfter: [], commit: commit() },
    targets: [],
  };

  if (only.has('throughput')) {
    log('1/7 token endpoint throughput…');
    const t = await runThroughput({ connections: values.connections, warmupSeconds: values.warmupSeconds, seconds: values.seconds, rounds: values.rounds, log });
    report.throughput = { ...t, ratios: ratios(t) };
  }
  if (only.has('storm')) {
    log('2/7 refresh storm…');
    report.refreshStorm = await stormOverCli();
  }
  if (only.has('catalog')) {
    log('3/7 catalog wall time…');
    report.catalog = await runCatalog(quick ? 1 : 3);
  }
  if (only.has('startup')) {
    log('4/7 start-up…');
    report.startup = await runStartup(quick ? 3 : 7);
  }
  if (only.has('memory')) {
    log('5/7 memory…');
    report.memory = await runMemory({ tokens: 100_000, requests: quick ? 200_000 : 1_000_000 });
  }
  if (only.has('install')) {
    log('6/7 install size (npm pack, then npm i into a project with vitest and msw)…');
    report.install = runInstallSize();
  }
  if (only.has('shards')) {
    log('7/7 shards: the catalog as one run, and as two --shard processes in parallel plus merge-reports…');
    report.shards = await runShards(quick ? 1 : 5);
  }
  if (only.has('verify')) {
    log('8/8 verify --plan bcp: the in-process mock, container:oidc-provider, container:glewlwyd…');
    report.verify = await runVerifyBench(log);
  }
  report.machine.loadAverageAfter = loadavg();
  report.durationSeconds = (Date.now() - t0) / 1000;
  report.targets = checkTargets({ throughput: report.throughput, storm: report.refreshStorm, catalog: report.catalog, startup: report.startup, memory: report.memory, install: report.install, shards: report.shards, verify: report.verify });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${formatTable(report)}\n\nwritten: ${out}\n`);
  if (report.targets.some((t) => !t.met)) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await main();
  } catch (e) {
    if (!(e instanceof HarnessError)) throw e;
    process.stderr.write(`error: ${e.message}\n`);
    process.exitCode = 2;
  }
}
