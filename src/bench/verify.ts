/**
 * Section 8: `verify --plan bcp` wall time against three servers, as the targets of issue 13
 * ask: the in-process mock (rfc-strict served on loopback, the verify fixtures
 * registered, no configured lifetimes, so nothing waits for time to pass), oidc-provider
 * and Glewlwyd in containers (images cached; the container's start is not counted, only
 * the verify run on it). A container target that cannot start (no Docker engine) is
 * reported as not measured with the reason, and its target is left out.
 */
import { buildProvider } from '../../mocks/profiles.js';
import { createClock } from '../../mocks/provider/clock.js';
import { profileFixtureClients, verifyOptionsForProfile } from '../verify/profiles/options.js';
import { startNodeHttpServer } from '../../mocks/transports/node-http.js';
import { runVerify, type VerifyOptions } from '../verify/run-verify.js';
import type { RunResult } from '../results/model.js';

export interface VerifyTiming {
  server: 'mock' | 'oidc-provider' | 'glewlwyd';
  /** Wall time of the verify run (discovery to the last check), undefined when not measured. */
  ms?: number;
  checks?: number;
  summary?: RunResult['summary'];
  /** Why it was not measured. */
  skipped?: string;
}

export interface VerifyBenchResult {
  timings: VerifyTiming[];
}

async function timed(options: VerifyOptions): Promise<Pick<VerifyTiming, 'ms' | 'checks' | 'summary'>> {
  const t0 = performance.now();
  const r = await runVerify(options);
  return { ms: Math.round(performance.now() - t0), checks: r.cases.length, summary: r.summary };
}

async function onMock(): Promise<VerifyTiming> {
  const server = await startNodeHttpServer({ port: 0 });
  try {
    const provider = buildProvider({ profile: 'rfc-strict', issuer: `${server.origin}/rfc-strict`, seed: 1, clock: createClock(Date.now(), true), clients: profileFixtureClients('rfc-strict') });
    server.mount(provider);
    const { lifetimes: _lifetimes, ...options } = verifyOptionsForProfile(provider);
    return { server: 'mock', ...(await timed({ ...options, plan: 'bcp' })) };
  } finally {
    await server.close();
  }
}

async function onContainer(server: 'oidc-provider' | 'glewlwyd'): Promise<VerifyTiming> {
  const { parseTarget, startTarget } = await import('../targets/target.js');
  let target;
  try {
    target = await startTarget(parseTarget(`container:${server}`));
  } catch (e) {
    return { server, skipped: (e as Error).message.split('\n')[0]! };
  }
  try {
    return { server, ...(await timed({ ...target.verifyConfig(), ...(target.verifyUserAgent ? { userAgent: target.verifyUserAgent() } : {}), plan: 'bcp' })) };
  } finally {
    await target.stop();
  }
}

export async function runVerifyBench(log: (line: string) => void): Promise<VerifyBenchResult> {
  const timings: VerifyTiming[] = [];
  for (const run of [onMock, () => onContainer('oidc-provider'), () => onContainer('glewlwyd')]) {
    const t = await run();
    log(`  verify bcp on ${t.server}: ${t.ms !== undefined ? `${(t.ms / 1000).toFixed(1)} s, ${t.checks} checks` : `not measured (${t.skipped})`}`);
    timings.push(t);
  }
  return { timings };
}

/** Issue 13's goals, in seconds. */
export const VERIFY_GOALS: Record<VerifyTiming['server'], number> = { mock: 3, 'oidc-provider': 10, glewlwyd: 30 };
