/**
 * Runs one catalog scenario against a target over HTTP with the reference client, and
 * returns the same `CaseResult` a mock run gives: step expectations (`checkStep`),
 * diagnoses, client verdicts, and every exchange, recorded client-side and redacted.
 * A scenario the target cannot run (see `selection.ts`) comes back `skipped` with why.
 */
import { ClientError, toClientError } from '../client/client-error.js';
import { ReferenceClient, type ReferenceClientConfig } from '../client/reference-client.js';
import { diagnose } from '../diagnoses/diagnose.js';
import type { DiagnoseInput } from '../diagnoses/diagnosis.js';
import { clientVerdicts, verdictExpectations, type VerdictContext } from '../drivers/client-verdicts.js';
import { ReferenceDriver } from '../drivers/reference-driver.js';
import { learnSecrets, redactExchange, redactText, SecretSet } from '../redaction/redact.js';
import type { CaseResult, ExpectationResult, StepResult } from '../results/model.js';
import { clientConfigFor, providerFamilyOf } from '../client/client-config.js';
import { checkStep } from '../runner/expectations.js';
import type { StepObservation, StepOutcome } from '../runner/scenario-env.js';
import { actionOf } from '../runner/steps/index.js';
import type { Scenario } from '../scenario/schema.js';
import { endpointOf } from './discovery.js';
import { TargetRecorder, toResultExchange } from './recorder.js';
import { applicability } from './selection.js';
import type { StartedTarget } from './started-target.js';
import { TARGET_EXECUTORS, type TargetEnv } from './target-steps.js';

/** The reference client configured for the target: its registration, unless the scenario sets a field wrong on purpose. */
export function targetClientConfig(scenario: Scenario, target: StartedTarget, fetchFn: typeof fetch): ReferenceClientConfig {
  const m = target.metadata;
  return clientConfigFor(
    scenario,
    {
      issuer: target.issuer,
      clientId: target.client.id,
      clientSecret: target.client.secret,
      authorizationUrl: endpointOf(m, 'authorization_endpoint') ?? `${target.issuer}/authorize`,
      tokenUrl: endpointOf(m, 'token_endpoint')!,
      revokeUrl: endpointOf(m, 'revocation_endpoint') ?? null,
      redirectUri: target.client.redirectUri,
    },
    () => target.now(),
    fetchFn,
  );
}

const PLACEMENT: Record<string, 'basic' | 'body' | 'query'> = { client_secret_basic: 'basic', client_secret_post: 'body' };

/** What the client verdicts know of the target: its registration and what its metadata says. */
function verdictContext(target: StartedTarget, clientId: string, steps: VerdictContext['steps']): VerdictContext {
  const advertised = target.metadata.token_endpoint_auth_methods_supported;
  const methods = (Array.isArray(advertised) ? advertised : ['client_secret_basic']).map((m) => PLACEMENT[String(m)]).filter((p): p is 'basic' | 'body' => p !== undefined);
  return {
    client: { client_id: clientId, redirect_uris: [...target.client.redirectUris], confidential: true },
    provider: { authMethods: methods, tokenMethods: ['POST'], revocation: endpointOf(target.metadata, 'revocation_endpoint') !== undefined },
    ...(steps ? { steps } : {}),
  };
}

function diagnosisExpectations(prefix: string, want: string[], wantNot: string[], found: string[]): ExpectationResult[] {
  return [
    ...want.map((id) => ({ path: `${prefix}.diagnoses`, passed: found.includes(id), message: found.includes(id) ? `diagnosis ${id} raised` : `expected diagnosis "${id}", raised: ${found.join(', ') || 'none'}`, expected: id, actual: found })),
    ...wantNot.map((id) => ({ path: `${prefix}.noDiagnoses`, passed: !found.includes(id), message: !found.includes(id) ? `no ${id} diagnosis` : `diagnosis "${id}" was raised but should not be`, expected: `not ${id}`, actual: found })),
  ];
}

/** A case that did not run, with the reason. */
export function skippedCase(scenario: Scenario, target: Pick<StartedTarget, 'label'>, reason: string): CaseResult {
  return { id: scenario.id, title: scenario.title, kind: 'scenario', target: target.label, client: 'reference', verdict: 'skipped', message: reason, durationMs: 0, steps: [], exchanges: [], diagnoses: [], file: scenario.file };
}

/** Runs `scenario` on `target` (never throws for scenario failures). */
export async function runScenarioOnTarget(scenario: Scenario, target: StartedTarget): Promise<CaseResult> {
  const fit = applicability(scenario, target);
  if (!fit.ok) return skippedCase(scenario, target, fit.reason);
  const started = performance.now();
  const recorder = new TargetRecorder(target.metadata, () => target.now());
  const clientFetch = recorder.clientFetch();
  const client = new ReferenceDriver(new ReferenceClient(targetClientConfig(scenario, target, clientFetch)));
  const env: TargetEnv = { scenario, target, client, recorder, fetch: clientFetch };
  const verdictSteps: NonNullable<VerdictContext['steps']> = [];
  const stepOf = new Map<number, string>();
  const warnings: { code: string; message: string }[] = [];
  const steps: StepResult[] = [];
  const reactions: DiagnoseInput['reactions'] = [];
  const all = () => recorder.exchanges.map((e) => toResultExchange(e, stepOf.get(e.seq)));
  for (const [index, step] of scenario.steps.entries()) {
    const action = actionOf(step);
    const name = step.name ?? `${index + 1}. ${action}`;
    verdictSteps.push({ name, action, tamper: step.connect?.tamper });
    const firstSeq = recorder.exchanges.length + 1;
    const tokensBefore = client.tokens;
    let outcome: StepOutcome = {};
    let error: ClientError | undefined;
    try {
      outcome = await TARGET_EXECUTORS[action](env, step);
    } catch (e) {
      error = await toClientError(e);
      outcome = (e as { outcome?: StepOutcome }).outcome ?? {};
    }
    const stepExchanges = recorder.exchanges.filter((x) => x.seq >= firstSeq);
    for (const x of stepExchanges) stepOf.set(x.seq, name);
    const obs: StepObservation = { index, name, action, ok: !error, error, warnings: client.drainWarnings(), exchangeSeqs: stepExchanges.map((x) => x.seq), tokensBefore, tokensAfter: client.tokens, ...outcome };
    warnings.push(...obs.warnings.map((w) => ({ code: w.code, message: w.message })));
    reactions.push({ step: name, ok: obs.ok, ...(error ? { error: { code: error.code, message: error.message } } : {}), warnings: obs.warnings });
    const expectations = checkStep(`steps[${index}]`, step.expect, obs, stepExchanges, target.now());
    if (step.expect?.diagnoses || step.expect?.noDiagnoses) {
      const found = diagnose({ exchanges: all(), reactions, provider: { family: providerFamilyOf(scenario) } }).map((d) => d.id);
      expectations.push(...diagnosisExpectations(`steps[${index}].expect`, step.expect.diagnoses ?? [], step.expect.noDiagnoses ?? [], found));
    }
    steps.push({ name, passed: expectations.every((x) => x.passed), expectations, detail: error ? `${error.code}: ${error.message}` : obs.apiStatus ? `API answered ${obs.apiStatus}` : 'ok' });
  }
  const raw = all();
  const verdicts = clientVerdicts(raw, verdictContext(target, client.config.clientId, verdictSteps));
  if (Object.keys(scenario.verdicts).length) {
    const expectations = verdictExpectations(scenario.verdicts, verdicts);
    steps.push({ name: 'client verdicts', passed: expectations.every((x) => x.passed), expectations, detail: 'read from the exchange recorded by the client' });
  }
  const secrets = new SecretSet();
  secrets.add(scenario.client.clientSecret);
  secrets.add(target.client.secret);
  for (const u of target.users.values()) secrets.add(u.password);
  for (const e of raw) learnSecrets(e, secrets);
  const clean = (s: string) => redactText(s, secrets);
  const firstFailure = steps.flatMap((s) => s.expectations).find((x) => !x.passed);
  return {
    id: scenario.id,
    title: scenario.title,
    kind: 'scenario',
    target: target.label,
    client: 'reference',
    verdict: steps.some((s) => !s.passed) ? 'failed' : 'passed',
    ...(firstFailure ? { message: clean(`${firstFailure.path}: ${firstFailure.message}`) } : {}),
    durationMs: Math.round(performance.now() - started),
    steps: steps.map((s) => ({ ...s, detail: s.detail && clean(s.detail), expectations: s.expectations.map((x) => ({ ...x, message: clean(x.message), actual: typeof x.actual === 'string' ? clean(x.actual) : x.actual })) })),
    exchanges: raw.map((e) => redactExchange(e, secrets)),
    diagnoses: diagnose({ exchanges: raw, reactions, provider: { family: providerFamilyOf(scenario) } }).map((d) => ({ ...d, cause: clean(d.cause), fix: d.fix.map(clean) })),
    warnings: warnings.map((w) => ({ code: w.code, message: clean(w.message) })),
    file: scenario.file,
    ...{ clientVerdicts: verdicts.map((v) => ({ ...v, detail: clean(v.detail) })) },
  };
}
