/**
 * `runVerify`: discover the authorization server (RFC 8414, then OpenID Connect
 * Discovery), run a plan of checks, and return a {@link RunResult} with one case per check.
 *
 * Options are plain data (what `verify.yaml` holds, validated by the same schema) plus
 * callbacks, so the CLI can build them from flags and files.
 */
import { existsSync } from 'node:fs';
import type { CaseResult, RunResult } from '../results/model.js';
import type { Check } from './check.js';
import { clientSecrets, resolveClients } from './clients.js';
import { verifyConfigSchema, type VerifyConfig, type VerifyConfigInput } from './config.js';
import type { RunState } from './context.js';
import { discover } from './discovery.js';
import { VerifyError } from '../errors/verify-error.js';
import { applyExpectedFailuresToRun as applyExpectedFailures, type ExpectedFailure } from '../results/expected-failures.js';
import { metaString } from './metadata.js';
import { planChecks } from './plans.js';
import { Probe } from './probe.js';
import { runCheck } from './run-check.js';
import { summarize } from '../results/summary.js';
import { createDriver } from './create-driver.js';
import type { UserAgentDriver } from '../user-agent/login-strategy.js';
import { preflightCredentials } from './preflight.js';

/** Progress events, in order: `discovered`, then `check-start`/`check-end` per check. */
export type VerifyProgress =
  | { type: 'discovered'; source: 'oauth-authorization-server' | 'openid-configuration'; total: number }
  | { type: 'check-start'; index: number; total: number; id: string; title: string }
  | { type: 'check-end'; index: number; total: number; result: CaseResult }
  /** A check is about to wait `seconds` for `what` (e.g. an access token to expire). */
  | { type: 'waiting'; id: string; seconds: number; what: string };

export interface VerifyOptions extends VerifyConfigInput {
  /** Run only these check ids (in plan order). */
  only?: readonly string[];
  /** Applied to the result before it is returned (see `src/results/expected-failures.ts`). */
  expectedFailures?: readonly ExpectedFailure[];
  onProgress?: (event: VerifyProgress) => void;
  /**
   * A user-agent driver to use instead of the one `login` describes (a target that knows
   * how its server signs in, e.g. Glewlwyd's login API over HTTP). Closed by `runVerify`.
   */
  userAgent?: UserAgentDriver;
}

/**
 * Group the plan into batches run one after the other: consecutive time-dependent (T)
 * checks form one batch and run concurrently, so their waits for expiry overlap; every
 * other check is a batch of its own. Results keep plan order.
 */
function batches(checks: readonly Check[]): Array<Array<{ check: Check; index: number }>> {
  const out: Array<Array<{ check: Check; index: number }>> = [];
  checks.forEach((check, index) => {
    const timed = check.mode.split('+').includes('T');
    const last = out[out.length - 1];
    if (timed && last?.[0] && last[0].check.mode.split('+').includes('T')) last.push({ check, index });
    else out.push([{ check, index }]);
  });
  return out;
}

/** Validate options with the config schema; throws {@link VerifyError} `CONFIG_INVALID`. */
export function resolveVerifyConfig(options: VerifyConfigInput): VerifyConfig {
  const parsed = verifyConfigSchema.safeParse(options);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(options)'}: ${i.message}`);
    throw new VerifyError('CONFIG_INVALID', `invalid verify options\n${issues.join('\n')}`, issues);
  }
  return parsed.data;
}

/**
 * Discover the server and run the plan.
 * Throws {@link VerifyError} for bad input (`CONFIG_INVALID`, `DISCOVERY_FAILED`,
 * `USER_AGENT_UNAVAILABLE`); check failures are results, never exceptions.
 */
export async function runVerify(options: VerifyOptions): Promise<RunResult> {
  const { only, expectedFailures, onProgress, userAgent, ...data } = options;
  const config = resolveVerifyConfig(data);
  const startedAt = new Date();
  const t0 = performance.now();
  if (!userAgent && config.login?.kind === 'playwright' && !existsSync(config.login.executablePath)) {
    throw new VerifyError(
      'USER_AGENT_UNAVAILABLE',
      `login.kind is playwright but chromium is not at ${config.login.executablePath} (apt-get install -y chromium)`,
    );
  }
  const unresponsive = new Set<string>();
  const probe = (): Probe => new Probe({ timeoutMs: config.timeoutMs, maxResponseBytes: config.maxResponseBytes, secrets: () => clientSecrets(config) });
  const discovery = await discover(config.issuer, probe());
  let checks: readonly Check[] = planChecks(config.plan);
  if (only) {
    const unknown = only.filter((id) => !checks.some((c) => c.id === id));
    if (unknown.length) {
      throw new VerifyError('CONFIG_INVALID', `not in plan ${config.plan}: ${unknown.join(', ')}`);
    }
    checks = checks.filter((c) => only.includes(c.id));
  }
  const state: RunState = { config, discovery, clients: resolveClients(config), ua: undefined, unresponsive };
  const preflight = await preflightCredentials(state, probe()).catch(async (e: unknown) => {
    await userAgent?.close();
    throw e;
  });
  if (preflight) state.preflight = preflight;
  state.ua = userAgent ?? createDriver(config, metaString(discovery.metadata, 'authorization_endpoint'));
  const ua = state.ua;
  onProgress?.({ type: 'discovered', source: discovery.source, total: checks.length });
  const cases: CaseResult[] = [];
  const total = checks.length;
  const runOne = async (check: Check, index: number): Promise<CaseResult> => {
    onProgress?.({ type: 'check-start', index, total, id: check.id, title: check.title });
    const result = await runCheck(check, onProgress ? { ...state, onWait: (w) => onProgress({ type: 'waiting', id: check.id, ...w }) } : state);
    onProgress?.({ type: 'check-end', index, total, result });
    return result;
  };
  try {
    for (const batch of batches(checks)) {
      const results = await Promise.all(batch.map(({ check, index }) => runOne(check, index)));
      cases.push(...results);
    }
  } finally {
    await ua?.close();
  }
  const result: RunResult = {
    schemaVersion: 2,
    tool: 'oauth-harness',
    command: 'verify',
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    cases,
    summary: summarize(cases),
  };
  return expectedFailures ? applyExpectedFailures(result, expectedFailures) : result;
}
