/** The issue's targets, each checked against the figures of one run. */
import type { CatalogResult } from './catalog.js';
import type { InstallSizeResult } from './install-size.js';
import type { MemoryResult } from './memory.js';
import type { StormResult } from './refresh-storm.js';
import type { ShardsResult } from './shards.js';
import type { StartupResult } from './startup.js';
import { median } from './stats.js';
import type { ThroughputResult } from './throughput.js';
import { VERIFY_GOALS, type VerifyBenchResult } from './verify.js';

export interface TargetCheck {
  id: string;
  what: string;
  value: number;
  unit: string;
  /** `>=` or `<=` the threshold. */
  op: '>=' | '<=';
  threshold: number;
  met: boolean;
}

const MB = 1024 * 1024;

function target(id: string, what: string, value: number, unit: string, op: '>=' | '<=', threshold: number): TargetCheck {
  return { id, what, value, unit, op, threshold, met: op === '>=' ? value >= threshold : value <= threshold };
}

export interface Ratios {
  vsOauth2MockServer?: number;
  vsOidcProvider?: number;
  ofBareNodeHttp?: number;
}

/** Each round's ratio (mock's verified req/s ÷ the peer's in the same round), in round order. */
export function roundRatios(t: ThroughputResult, peer: string): number[] {
  const mock = t.targets.find((x) => x.id === 'mock')?.rounds ?? [];
  const other = t.targets.find((x) => x.id === peer)?.rounds ?? [];
  const n = Math.min(mock.length, other.length);
  return Array.from({ length: n }, (_, i) => mock[i]!.okPerSecond / other[i]!.okPerSecond).filter(Number.isFinite);
}

/**
 * The mock's verified requests/s divided by each peer's: the median over rounds of the
 * ratio within a round. Both servers of a round ran within seconds of each other, so a
 * change in the machine's speed between rounds (a shared VM's neighbours) cancels out,
 * which a ratio of the two medians would not do.
 */
export function ratios(t: ThroughputResult): Ratios {
  const of = (id: string) => {
    const r = roundRatios(t, id);
    return r.length ? median(r) : undefined;
  };
  const r: Ratios = {};
  const a = of('oauth2-mock-server');
  const b = of('oidc-provider');
  const c = of('bare-node-http');
  if (a !== undefined) r.vsOauth2MockServer = a;
  if (b !== undefined) r.vsOidcProvider = b;
  if (c !== undefined) r.ofBareNodeHttp = c;
  return r;
}

export function checkTargets(s: { throughput?: ThroughputResult; storm?: StormResult; catalog?: CatalogResult; startup?: StartupResult; memory?: MemoryResult; install?: InstallSizeResult; shards?: ShardsResult; verify?: VerifyBenchResult }): TargetCheck[] {
  const out: TargetCheck[] = [];
  if (s.throughput) {
    const r = ratios(s.throughput);
    const clean = s.throughput.targets.every((t) => t.rounds.every((x) => x.non2xx === 0 && x.mismatches === 0 && x.errors === 0));
    if (r.vsOauth2MockServer !== undefined) out.push(target('throughput-vs-oauth2-mock-server', 'token endpoint req/s ÷ oauth2-mock-server', r.vsOauth2MockServer, '×', '>=', 3));
    if (r.vsOidcProvider !== undefined) out.push(target('throughput-vs-oidc-provider', 'token endpoint req/s ÷ oidc-provider', r.vsOidcProvider, '×', '>=', 1.5));
    if (r.ofBareNodeHttp !== undefined) out.push(target('throughput-of-bare-node-http', 'token endpoint req/s ÷ bare node:http', r.ofBareNodeHttp, '×', '>=', 0.5));
    out.push(target('throughput-all-verified', 'responses that were not verified 200 token responses', clean ? 0 : 1, '', '<=', 0));
  }
  if (s.storm) out.push(target('refresh-storm', 'refresh storm checks failed', [...s.storm.revokeOnReuse.checks, ...s.storm.rotationChain.checks].filter((c) => !c.passed).length, '', '<=', 0));
  if (s.catalog) {
    out.push(target('catalog-wall', 'catalog wall time (median)', s.catalog.wallMs.median / 1000, 's', '<=', 5));
  }
  if (s.startup) {
    out.push(target('serve-startup', 'serve: start to first discovery answer (median)', s.startup.serveToDiscoveryMs.median, 'ms', '<=', 250));
    out.push(target('help-startup', '--help (median)', s.startup.helpMs.median, 'ms', '<=', 300));
  }
  if (s.shards) {
    // The target is issue 16's: two shards on two cores finish the catalog faster than one run, in the CI layout (a core per
    // job). The merge job (about 0.5 s whatever the catalog) and one shared machine are reported in the table, without a target.
    if (s.shards.perCore) out.push(target('shards-faster', 'two shards at once, one core per job, against one whole run (whole ÷ slower shard)', s.shards.perCore.ratioWithoutMerge, '×', '>=', 1.15));
    out.push(target('shards-same-results', 'merged shards that differ from the whole run (cases, verdicts, order, exit code)', s.shards.sameResults ? 0 : 1, '', '<=', 0));
  }
  if (s.verify) {
    for (const t of s.verify.timings) if (t.ms !== undefined) out.push(target(`verify-bcp-${t.server}`, `verify --plan bcp on ${t.server === 'mock' ? 'the in-process mock (rfc-strict)' : `container:${t.server} (started, images cached)`}`, t.ms / 1000, 's', '<=', VERIFY_GOALS[t.server]));
  }
  if (s.install) out.push(target('install-size', 'installing oauth-harness into a project with vitest + msw adds', s.install.addedBytes / MB, 'MB', '<=', 25));
  if (s.memory) {
    out.push(target('rss-100k-tokens', `RSS after ${s.memory.tokens.issued.toLocaleString('en-US')} tokens`, s.memory.tokens.rssAfterBytes / MB, 'MB', '<=', 150));
    out.push(target('rss-flat', `RSS growth over ${s.memory.flat.requests.toLocaleString('en-US')} short-lived requests (after the first tenth)`, s.memory.flat.rssGrowthBytes / MB, 'MB', '<=', 10));
    const last = s.memory.flat.samples.at(-1)!;
    out.push(target('ring-bounded', 'recorded exchanges kept', last.exchanges, '', '<=', s.memory.flat.record));
  }
  return out;
}
