/**
 * Run one check and turn its outcome into a {@link CaseResult}: preconditions first,
 * then `run`, with failures carrying `expected`/`actual` and the severity set from the level.
 */
import type { CaseResult } from '../results/model.js';
import { type Check, CheckFailure, CheckSkipped, SetupFailure } from './check.js';
import { clientSecrets } from './clients.js';
import { createCheckContext, type RunState } from './context.js';
import { VerifyError } from '../errors/verify-error.js';
import { Probe, ProbeNetworkError } from './probe.js';
import { refusedReason, unmetReason } from './requirements.js';
import { severityOf } from './severity.js';

/** The harness's own limit for one check ran out (reported `inconclusive`). */
class CheckTimeout extends Error {}

/** Upper bound for one check, on top of configured waits. */
const BASE_TIMEOUT_MS = 120_000;

function loginSecretNames(state: RunState): string[] {
  const login = state.config.login;
  if (login?.kind !== 'form') return [];
  return Object.entries(login.fields)
    .filter(([k, v]) => /pass|secret|pin|otp/i.test(k) || v.includes('{{password}}'))
    .map(([k]) => k);
}

/** Run `check` against the server described by `state`. */
export async function runCheck(check: Check, state: RunState): Promise<CaseResult> {
  const started = performance.now();
  const probe = new Probe({
    timeoutMs: state.config.timeoutMs,
    maxResponseBytes: state.config.maxResponseBytes,
    ...(state.unresponsive ? { unresponsive: state.unresponsive } : {}),
    secrets: () => clientSecrets(state.config),
    secretNames: loginSecretNames(state),
  });
  const base = {
    id: check.id,
    title: check.title,
    kind: 'check' as const,
    target: state.config.issuer,
    severity: severityOf(check),
    specRef: check.specRef,
    diagnoses: [],
  };
  const finish = (verdict: CaseResult['verdict'], message: string | undefined, extra: Partial<CaseResult> = {}): CaseResult => ({
    ...base,
    verdict,
    ...(message !== undefined ? { message } : {}),
    durationMs: Math.round(performance.now() - started),
    steps: [],
    exchanges: probe.exchanges,
    ...extra,
  });

  for (const req of check.requires) {
    const reason = unmetReason(req, state);
    if (reason) return finish('skipped', reason);
    const refused = refusedReason(req, state);
    if (refused) return finish('inconclusive', refused);
  }
  const ctx = createCheckContext(state, probe);
  // room for the waits a check may make (each at most maxWaitSeconds) and revocation propagation
  const lifetimes = Math.min((state.config.lifetimes.code ?? 0) + (state.config.lifetimes.accessToken ?? 0), 2 * state.config.maxWaitSeconds) + state.config.propagationSeconds;
  let timer: NodeJS.Timeout | undefined;
  try {
    const outcome = await Promise.race([
      check.run(ctx),
      new Promise<never>((_, reject) => {
        const limitMs = BASE_TIMEOUT_MS + lifetimes * 2_000;
        timer = setTimeout(() => reject(new CheckTimeout(`the check did not complete within ${Math.round(limitMs / 1000)} s`)), limitMs);
      }),
    ]);
    const passedStep = { name: check.id, passed: true, expectations: [{ path: check.id, passed: true, message: outcome.message ?? check.title }] };
    if (outcome.verdict === 'passed') return finish('passed', outcome.message, { steps: [passedStep] });
    if (outcome.verdict === 'inconclusive') return finish('inconclusive', outcome.message);
    return finish('skipped', outcome.message);
  } catch (e) {
    if (e instanceof VerifyError) throw e;
    if (e instanceof CheckSkipped) return finish('skipped', e.reason);
    // What the harness could not establish is "not tested", never a failure of the server:
    // a precondition (SetupFailure), no answer or an answer too large to read, its own bug.
    const notTested =
      e instanceof SetupFailure || e instanceof ProbeNetworkError || e instanceof CheckTimeout
        ? e.message
        : e instanceof CheckFailure
          ? undefined
          : `the harness hit an internal error: ${e instanceof Error ? e.message : String(e)}`;
    if (notTested !== undefined) return finish('inconclusive', notTested);
    const failure = e as CheckFailure;
    const message = check.derived ? `${failure.message} (derived obligation)` : failure.message;
    const { expected, actual } = failure;
    const expectation = { path: check.id, passed: false, message, ...(expected !== undefined ? { expected } : {}), ...(actual !== undefined ? { actual } : {}) };
    return finish('failed', message, { steps: [{ name: probe.step ?? check.id, passed: false, expectations: [expectation] }] });
  } finally {
    clearTimeout(timer);
  }
}
