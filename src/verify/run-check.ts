/**
 * Run one check and turn its outcome into a {@link CaseResult}: preconditions first,
 * then `run`, with failures carrying `expected`/`actual` and the severity set from the level.
 */
import type { CaseResult } from '../results/model.js';
import { type Check, CheckFailure, CheckSkipped, SetupFailure } from './check.js';
import { clientSecrets } from './clients.js';
import { createCheckContext, type RunState } from './context.js';
import { VerifyError } from './errors.js';
import { Probe, ProbeNetworkError } from './probe.js';
import { unmetReason } from './requirements.js';
import { severityOf } from './severity.js';

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
  }
  const ctx = createCheckContext(state, probe);
  const lifetimes = (state.config.lifetimes.code ?? 0) + (state.config.lifetimes.accessToken ?? 0);
  let timer: NodeJS.Timeout | undefined;
  try {
    const outcome = await Promise.race([
      check.run(ctx),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new CheckFailure('the check did not complete in time', 'completion', 'timeout')),
          BASE_TIMEOUT_MS + lifetimes * 2_000,
        );
      }),
    ]);
    const passedStep = { name: check.id, passed: true, expectations: [{ path: check.id, passed: true, message: outcome.message ?? check.title }] };
    return outcome.verdict === 'passed'
      ? finish('passed', outcome.message, { steps: [passedStep] })
      : finish('skipped', outcome.message);
  } catch (e) {
    if (e instanceof VerifyError) throw e;
    if (e instanceof CheckSkipped) return finish('skipped', e.reason);
    let message: string;
    let expected: unknown;
    let actual: unknown;
    if (e instanceof CheckFailure) {
      ({ message, expected, actual } = e);
      if (check.derived) message = `${message} (derived obligation)`;
    } else if (e instanceof SetupFailure) {
      message = `setup failed: ${e.message}`;
    } else if (e instanceof ProbeNetworkError) {
      message = e.message;
    } else {
      message = `internal error: ${e instanceof Error ? e.message : String(e)}`;
    }
    const expectation = { path: check.id, passed: false, message, ...(expected !== undefined ? { expected } : {}), ...(actual !== undefined ? { actual } : {}) };
    return finish('failed', message, { steps: [{ name: probe.step ?? check.id, passed: false, expectations: [expectation] }] });
  } finally {
    clearTimeout(timer);
  }
}
