/** The short table `npm run bench` prints. */
import type { BenchReport } from './report.js';
import { median } from './stats.js';
import type { ShardsLayout } from './shards.js';
import { ratios, roundRatios } from './targets.js';

const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const mb = (b: number) => `${n(b / 1024 / 1024, 1)} MB`;
const pad = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');

export function formatTable(r: BenchReport): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`oauth-harness bench, ${r.startedAt}: node ${m.node}, ${m.cores} cores, load average ${m.loadAverageBefore.map((x) => x.toFixed(2)).join(' ')} before, ${m.loadAverageAfter.map((x) => x.toFixed(2)).join(' ')} after`);
  const t = r.throughput;
  if (t) {
    const o = t.options;
    out.push('', `1. Token endpoint, client_credentials: autocannon, ${o.connections} connections, keep-alive, ${o.seconds} s after ${o.warmupSeconds} s warm-up, median of ${o.rounds} round(s); ${t.pinned ? 'server on core 1, load on core 0' : 'not pinned (no taskset)'}`);
    const w = [36, 8, 7, 7, 8, 10, 9, 11];
    out.push(pad(['server', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'mock ÷ it', 'core busy', 'req/CPU-s'], w));
    for (const x of t.targets) {
      const bad = x.rounds.reduce((a, y) => a + y.non2xx + y.mismatches + y.errors, 0);
      const m = x.median;
      const ratio = x.id === 'mock' ? 1 : median(roundRatios(t, x.id));
      out.push(pad([x.label, n(m.okPerSecond), n(m.latencyMs.p50, 1), n(m.latencyMs.p99, 1), n(bad), Number.isNaN(ratio) ? '-' : `${n(ratio, 2)}×`, `${n(m.serverCpuPercent)} %`, n(m.okPerCpuSecond)], w));
    }
    const q = ratios(t);
    const bare = roundRatios(t, 'bare-node-http');
    if (bare.length) out.push(`   mock ÷ bare node:http by round: ${bare.map((x) => `${n(x * 100)} %`).join(', ')} (the ratios are medians of the rounds' own ratios)`);
    out.push(`   ratios: ${q.vsOauth2MockServer ? `${n(q.vsOauth2MockServer, 1)}× oauth2-mock-server (≥ 3×)` : ''}${q.vsOidcProvider ? `, ${n(q.vsOidcProvider, 1)}× oidc-provider (≥ 1.5×)` : ''}${q.ofBareNodeHttp ? `, ${n(q.ofBareNodeHttp * 100)} % of bare node:http (≥ 50 %)` : ''}`);
  }
  const s = r.refreshStorm;
  if (s) {
    const rr = s.revokeOnReuse.round;
    out.push('', `2. Refresh storm (rotating-refresh, ${n(s.concurrency)} concurrent refreshes over HTTP): ${s.passed ? 'all checks passed' : 'CHECKS FAILED'}`);
    out.push(`   as shipped (revoke-grant): ${rr.ok} won, ${n(rr.invalidGrant)} invalid_grant, ${rr.unexpected.length} other, ${n(rr.ms)} ms; grant revoked on reuse: ${s.revokeOnReuse.checks.slice(1).every((c) => c.passed) ? 'yes' : 'NO'}`);
    out.push(`   rotation chain (reject): ${s.rotationChain.rounds.map((x) => `${x.ok}/${n(x.invalidGrant)}`).join(', ')} (won/invalid_grant per rotation)`);
    for (const c of [...s.revokeOnReuse.checks, ...s.rotationChain.checks].filter((x) => !x.passed)) out.push(`   FAILED: ${c.name}: ${c.detail}`);
  }
  const c = r.catalog;
  if (c) {
    out.push('', `3. Catalog: oauth-harness run, ${c.scenarios} scenarios, cold process, ${c.runs} run(s): median ${n(c.wallMs.median / 1000, 2)} s (runs ${c.wallMs.all.map((x) => n(x / 1000, 2)).join(', ')} s; exit codes ${c.exitCodes.join(', ')})`);
    out.push(`   per-scenario median ${c.perScenarioMedianMs.map((x) => n(x, 1)).join(', ')} ms; slowest ${c.slowest.map((x) => `${x.id} ${n(x.ms)} ms`).join(', ')}`);
  }
  const u = r.startup;
  if (u) out.push('', `4. Start-up (median of ${u.runs}): serve → first discovery answer ${n(u.serveToDiscoveryMs.median)} ms (${n(u.serveCpuMs.median)} ms CPU); --help ${n(u.helpMs.median)} ms; for scale, \`node -e 0\` ${n(u.bareNodeMs.median)} ms`);
  const mem = r.memory;
  if (mem) {
    const f = mem.flat;
    const first = f.samples[1] ?? f.samples[0]!;
    const last = f.samples.at(-1)!;
    out.push('', `5. Memory: serve after ${n(mem.tokens.issued)} tokens: RSS ${mb(mem.tokens.rssAfterBytes)} (${mb(mem.tokens.rssBeforeBytes)} before, peak ${mb(mem.tokens.peakRssBytes)})`);
    out.push(`   ${n(f.requests)} requests with 1 s lifetimes in-process (${n(f.seconds, 1)} s): RSS ${mb(first.rssBytes)} at ${n(first.requests)} → ${mb(last.rssBytes)} at ${n(last.requests)}; heap ${mb(first.heapUsedBytes)} → ${mb(last.heapUsedBytes)}; store at end: ${Object.entries(last.store).map(([k, v]) => `${k} ${n(v)}`).join(', ')}; exchanges kept ${n(last.exchanges)}`);
  }
  const ins = r.install;
  if (ins) out.push('', `6. Install: oauth-harness (tarball ${mb(ins.tarballBytes)}) into a project with ${ins.baseline.packages.join(' + ')} (${ins.baseline.count} packages, ${mb(ins.baseline.bytes)}): +${mb(ins.addedBytes)}, +${ins.addedPackages} packages`);
  const sh = r.shards;
  if (sh) {
    const row = (l: ShardsLayout) => `whole ${l.wholeMs.map((x) => n(x / 1000, 2)).join(', ')} s; shards ${l.shardsMs.map((x) => n(x / 1000, 2)).join(', ')} s + merge ${l.mergeMs.map((x) => n(x / 1000, 2)).join(', ')} s; whole ÷ sharded ${n(l.ratio, 2)}× (${n(l.ratioWithoutMerge, 2)}× without the merge)`;
    out.push('', `7. Shards: the catalog (${sh.scenarios} scenarios) as one run, and as two \`run --shard i/2\` processes started together then \`merge-reports\`, ${sh.rounds} round(s); merged = whole: ${sh.sameResults ? 'yes' : 'NO'}`);
    out.push(sh.perCore ? `   one core per job (whole on core 0; the shards on cores 0 and 1; merge on core 0; the target is without the merge): ${row(sh.perCore)}` : '   one core per job: not measured (needs taskset and two cores)');
    out.push(`   one shared machine (nothing pinned; no target: each process repeats ~1 CPU-s of start and warm-up): ${row(sh.shared)}`);
  }
  out.push('', 'Targets:');
  for (const x of r.targets) out.push(`  ${x.met ? 'met   ' : 'MISSED'}  ${x.what}: ${n(x.value, x.unit === '×' ? 2 : 1)}${x.unit === '×' || !x.unit ? x.unit : ` ${x.unit}`} (${x.op === '>=' ? '≥' : '≤'} ${x.threshold}${x.unit === '×' || !x.unit ? x.unit : ` ${x.unit}`})`);
  out.push(`  ${r.targets.filter((x) => x.met).length} of ${r.targets.length} met`);
  return out.join('\n');
}
