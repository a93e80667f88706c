/**
 * Runs one scenario against an in-process mock provider with the reference client:
 * build the provider from its profile and overrides, configure the client, execute the
 * steps in order, check each step's expectations, diagnose, and redact.
 */
import { createClock } from '../../mocks/provider/clock.js';
import type { RecordedExchange } from '../../mocks/provider/provider.js';
import { buildProvider } from '../../mocks/profiles.js';
import type { MswMount } from '../../mocks/transports/msw.js';
import { ClientError, toClientError } from '../client/client-error.js';
import { ReferenceClient } from '../client/reference-client.js';
import { diagnose } from '../diagnoses/diagnose.js';
import type { DiagnoseInput } from '../diagnoses/diagnosis.js';
import { learnSecrets, redactExchange, redactText, SecretSet } from '../redaction/redact.js';
import type { CaseResult, Exchange, ExpectationResult, StepResult } from '../results/model.js';
import type { Scenario } from '../scenario/schema.js';
import { resolveClientConfig } from './client-config.js';
import { checkStep } from './expectations.js';
import type { ScenarioEnv, StepObservation, StepOutcome } from './scenario-env.js';
import { actionOf, EXECUTORS } from './steps/index.js';

export const MSW_ORIGIN = 'https://oauth-harness.test';

export interface RunScenarioOptions {
  seed: number;
  msw: MswMount;
}

const UA_ENDPOINTS = new Set(['authorize', 'decision']);

/** Turns a provider-recorded exchange into the result model's form (still raw). */
export function toExchange(e: RecordedExchange, step: string | undefined): Exchange {
  const api = e.endpoint === 'api' || e.endpoint === 'userinfo';
  return {
    seq: e.seq,
    from: UA_ENDPOINTS.has(e.endpoint) ? 'user-agent' : 'client',
    to: api ? 'resource-server' : 'authorization-server',
    endpoint: e.endpoint,
    ...(step ? { step } : {}),
    request: { method: e.request.method, url: e.request.url, headers: { ...e.request.headers }, body: e.request.body || undefined },
    response: { status: e.response.status, headers: { ...e.response.headers }, body: e.response.body || undefined },
    at: e.at,
  } as Exchange;
}

/** Runs a scenario and returns its result (never throws for scenario failures). */
export async function runScenario(scenario: Scenario, o: RunScenarioOptions): Promise<CaseResult> {
  const started = performance.now();
  const clock = createClock(Date.UTC(2026, 0, 1));
  const provider = buildProvider({
    profile: scenario.provider.profile,
    issuer: `${MSW_ORIGIN}/${scenario.provider.profile}`,
    switches: scenario.provider.switches,
    clients: scenario.provider.clients as never,
    seed: o.seed,
    clock,
  });
  const unmount = o.msw.mount(provider);
  const config = resolveClientConfig(scenario, provider, clock);
  const env: ScenarioEnv = { scenario, provider, client: new ReferenceClient(config), clock, users: provider.context.users, fetch };
  const stepOf = new Map<number, string>();
  const observations: StepObservation[] = [];
  const steps: StepResult[] = [];
  const reactions: DiagnoseInput['reactions'] = [];
  try {
    for (const [index, step] of scenario.steps.entries()) {
      const action = actionOf(step);
      const name = step.name ?? `${index + 1}. ${action}`;
      const firstSeq = provider.exchanges.length ? provider.exchanges[provider.exchanges.length - 1]!.seq + 1 : 1;
      const tokensBefore = env.client.tokens;
      let outcome: StepOutcome = {};
      let error: ClientError | undefined;
      try {
        outcome = await EXECUTORS[action](env, step);
      } catch (e) {
        error = await toClientError(e);
        outcome = (e as { outcome?: StepOutcome }).outcome ?? {};
      }
      const seqs = provider.exchanges.filter((x) => x.seq >= firstSeq).map((x) => x.seq);
      for (const s of seqs) stepOf.set(s, name);
      const obs: StepObservation = { index, name, action, ok: !error, error, warnings: env.client.drainWarnings(), exchangeSeqs: seqs, tokensBefore, tokensAfter: env.client.tokens, ...outcome };
      observations.push(obs);
      reactions.push({ step: name, ok: obs.ok, ...(error ? { error: { code: error.code, message: error.message } } : {}), warnings: obs.warnings });
      const stepExchanges = provider.exchanges.filter((x) => x.seq >= firstSeq);
      const expectations = checkStep(`steps[${index}]`, step.expect, obs, stepExchanges, clock.now());
      if (step.expect?.diagnoses || step.expect?.noDiagnoses) {
        const found = diagnose({ exchanges: provider.exchanges.map((e) => toExchange(e, stepOf.get(e.seq))), reactions }).map((d) => d.id);
        expectations.push(...diagnosisExpectations(`steps[${index}].expect`, step.expect.diagnoses ?? [], step.expect.noDiagnoses ?? [], found));
      }
      steps.push({ name, passed: expectations.every((x) => x.passed), expectations, detail: error ? `${error.code}: ${error.message}` : obs.apiStatus ? `API answered ${obs.apiStatus}` : 'ok' });
    }
  } finally {
    unmount();
  }
  const raw = provider.exchanges.map((e) => toExchange(e, stepOf.get(e.seq)));
  const diagnoses = diagnose({ exchanges: raw, reactions });
  const secrets = new SecretSet();
  secrets.add(config.clientSecret);
  for (const c of provider.context.clients.values()) secrets.add(c.client_secret);
  for (const u of provider.context.users.values()) secrets.add(u.password);
  for (const e of raw) learnSecrets(e, secrets);
  const failed = steps.some((s) => !s.passed);
  const firstFailure = steps.flatMap((s) => s.expectations).find((x) => !x.passed);
  const clean = (s: string) => redactText(s, secrets);
  return {
    id: scenario.id,
    title: scenario.title,
    kind: 'scenario',
    target: `mock:${scenario.provider.profile}`,
    client: 'reference',
    verdict: failed ? 'failed' : 'passed',
    ...(firstFailure ? { message: clean(`${firstFailure.path}: ${firstFailure.message}`) } : {}),
    durationMs: Math.round(performance.now() - started),
    steps: steps.map((s) => ({ ...s, detail: s.detail && clean(s.detail), expectations: s.expectations.map((x) => ({ ...x, message: clean(x.message), actual: typeof x.actual === 'string' ? clean(x.actual) : x.actual })) })),
    exchanges: raw.map((e) => redactExchange(e, secrets)),
    diagnoses: diagnoses.map((d) => ({ ...d, cause: clean(d.cause), fix: d.fix.map(clean) })),
    warnings: observations.flatMap((o) => o.warnings.map((w) => ({ code: w.code, message: clean(w.message) }))),
  };
}

function diagnosisExpectations(prefix: string, want: string[], wantNot: string[], found: string[]): ExpectationResult[] {
  return [
    ...want.map((id) => ({ path: `${prefix}.diagnoses`, passed: found.includes(id), message: found.includes(id) ? `diagnosis ${id} raised` : `expected diagnosis "${id}", raised: ${found.join(', ') || 'none'}`, expected: id, actual: found })),
    ...wantNot.map((id) => ({ path: `${prefix}.noDiagnoses`, passed: !found.includes(id), message: !found.includes(id) ? `no ${id} diagnosis` : `diagnosis "${id}" was raised but should not be`, expected: `not ${id}`, actual: found })),
  ];
}
