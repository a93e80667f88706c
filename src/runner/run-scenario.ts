/**
 * Runs one scenario against an in-process mock provider with the reference client:
 * build the provider from its profile and overrides, configure the client, execute the
 * steps in order, check each step's expectations, diagnose, and redact.
 */
import { toExchange } from '../observe/recorded-exchange.js';
import { DEFAULT_CLIENT_ID, loadProfile } from '../../mocks/profiles.js';
import type { MockProvider } from '../../mocks/provider/provider.js';
import type { RegisteredClient } from '../../mocks/provider/switches.js';
import { ClientError, toClientError } from '../client/client-error.js';
import { diagnose } from '../diagnoses/diagnose.js';
import type { DiagnoseInput } from '../diagnoses/diagnosis.js';
import { providerSecrets, redactExchange, redactText } from '../redaction/redact.js';
import type { CaseResult, ExpectationResult, StepResult } from '../results/model.js';
import type { Scenario } from '../scenario/schema.js';
import { clientVerdicts, verdictContextOf, verdictExpectations } from '../drivers/client-verdicts.js';
import { overrideDriver, type DriverSpec } from '../drivers/driver-spec.js';
import { openScenarioClient } from '../drivers/scenario-client.js';
import type { ClientRun } from '../drivers/driver.js';
import type { ClientVerdict } from '../drivers/client-verdicts.js';
import { providerFamilyOf } from '../client/client-config.js';
import { checkStep } from './expectations.js';
import type { ScenarioEnv, StepObservation, StepOutcome } from './scenario-env.js';
import { actionOf, EXECUTORS } from './steps/index.js';
import { stepLabel, type ScenarioProgress } from './scenario-progress.js';

/** The origin of the in-process mock issuers (`https://oauth-harness.test/<profile>`). */
export const IN_PROCESS_ORIGIN = 'https://oauth-harness.test';

export interface RunScenarioOptions {
  seed: number;
  /** Overrides the scenario's `client.driver` (e.g. the compatibility matrix). */
  driver?: DriverSpec;
  /** Called with the scenario's provider before the first step (tests watch its exchanges). */
  onProvider?: (provider: MockProvider) => void;
  /** Kept up to date as the scenario runs: the step running, what was recorded (the scenario timeout reads it). */
  progress?: ScenarioProgress;
}

/** Kept for importers of the runner: the conversion lives in src/observe. */
export { toExchange };

/** Runs a scenario and returns its result (never throws for scenario failures). */
export async function runScenario(scenario: Scenario, o: RunScenarioOptions): Promise<CaseResult> {
  const started = performance.now();
  const spec = overrideDriver(scenario, o.driver);
  const progress: ScenarioProgress = o.progress ?? {};
  progress.driver = spec.kind;
  const stepLimit = spec.kind === 'command' ? spec.command.timeout : spec.kind === 'web' ? spec.web.timeout : undefined;
  const opened = await openScenarioClient(scenario, spec, { seed: o.seed, origin: IN_PROCESS_ORIGIN, clients: registrationChanges(scenario) });
  const { provider, clock } = opened;
  o.onProvider?.(provider);
  const env: ScenarioEnv = { scenario, provider, client: opened.client, clock, users: provider.context.users, fetch: opened.fetch };
  const verdictSteps: { name: string; action: string; tamper?: string | undefined }[] = [];
  const stepOf = new Map<number, string>();
  const observations: StepObservation[] = [];
  const steps: StepResult[] = [];
  const reactions: DiagnoseInput['reactions'] = [];
  const declared = { family: providerFamilyOf(scenario) };
  // the exchanges of the step running, for a partial result
  let running: { name: string; firstSeq: number } | undefined;
  /** The exchanges so far, each with its step, and what redacts them. */
  const recorded = () => {
    const raw = provider.exchanges.map((e) => toExchange(e, stepOf.get(e.seq) ?? (running && e.seq >= running.firstSeq ? running.name : undefined)));
    const secrets = providerSecrets(provider, raw, [scenario.client.clientSecret]);
    return { raw, secrets, clean: (s: string) => redactText(s, secrets) };
  };
  progress.partial = () => {
    const { raw, secrets, clean } = recorded();
    return { client: clean(opened.label), steps: steps.map((s) => cleanStep(s, clean)), exchanges: raw.map((e) => redactExchange(e, secrets)), ...clientRunsOf(env.client.runs, clean) };
  };
  try {
    for (const [index, step] of scenario.steps.entries()) {
      // timed out (run-in-process.ts): its result is written, and the next scenario must not meet this one's steps
      if (progress.abandoned) break;
      const action = actionOf(step);
      const name = step.name ?? `${index + 1}. ${action}`;
      const label = stepLabel(index, step.name ?? action);
      verdictSteps.push({ name, action, tamper: step.connect?.tamper });
      const firstSeq = provider.lastSeq + 1;
      running = { name, firstSeq };
      progress.step = { index, label, name, startedAt: performance.now() };
      const runsBefore = env.client.runs.length;
      const tokensBefore = env.client.tokens;
      let outcome: StepOutcome = {};
      let error: ClientError | undefined;
      try {
        outcome = await EXECUTORS[action](env, step);
      } catch (e) {
        error = await toClientError(e);
        outcome = (e as { outcome?: StepOutcome }).outcome ?? {};
        // a client program stopped at its time limit: say which step, and which limit
        if (env.client.runs.slice(runsBefore).some((r) => r.timedOut)) error = new ClientError(error.code, `${label} did not finish within the ${spec.kind} client's step time limit (${stepLimit}): ${error.message}`, error.status);
      }
      const seqs = provider.exchanges.filter((x) => x.seq >= firstSeq).map((x) => x.seq);
      for (const s of seqs) stepOf.set(s, name);
      const obs: StepObservation = { index, name, action, ok: !error, error, warnings: env.client.drainWarnings(), exchangeSeqs: seqs, tokensBefore, tokensAfter: env.client.tokens, ...outcome };
      observations.push(obs);
      reactions.push({ step: name, ok: obs.ok, ...(error ? { error: { code: error.code, message: error.message } } : {}), warnings: obs.warnings });
      const stepExchanges = provider.exchanges.filter((x) => x.seq >= firstSeq);
      const expectations = checkStep(`steps[${index}]`, step.expect, obs, stepExchanges, clock.now());
      if (step.expect?.diagnoses || step.expect?.noDiagnoses) {
        const found = diagnose({ exchanges: provider.exchanges.map((e) => toExchange(e, stepOf.get(e.seq))), reactions, provider: declared }).map((d) => d.id);
        expectations.push(...diagnosisExpectations(`steps[${index}].expect`, step.expect.diagnoses ?? [], step.expect.noDiagnoses ?? [], found));
      }
      steps.push({ name, passed: expectations.every((x) => x.passed), expectations, detail: error ? (error.message.startsWith(`${error.code}:`) ? error.message : `${error.code}: ${error.message}`) : obs.apiStatus ? `API answered ${obs.apiStatus}` : 'ok' });
      progress.finished = index + 1;
    }
  } finally {
    running = undefined;
    delete progress.step;
    await opened.close();
  }
  const { raw, secrets, clean } = recorded();
  const verdicts = clientVerdicts(raw, verdictContextOf(provider, env.client.config.clientId, verdictSteps));
  if (Object.keys(scenario.verdicts).length) {
    const expectations = verdictExpectations(scenario.verdicts, verdicts);
    steps.push({ name: 'client verdicts', passed: expectations.every((x) => x.passed), expectations, detail: 'read from the recorded exchange' });
  }
  const diagnoses = diagnose({ exchanges: raw, reactions, provider: declared });
  const failed = steps.some((s) => !s.passed);
  const firstFailure = steps.flatMap((s) => s.expectations).find((x) => !x.passed);
  return {
    id: scenario.id,
    title: scenario.title,
    kind: 'scenario',
    target: `mock:${scenario.provider.profile}`,
    client: clean(opened.label),
    verdict: failed ? 'failed' : 'passed',
    ...(firstFailure ? { message: clean(`${firstFailure.path}: ${firstFailure.message}`) } : {}),
    durationMs: Math.round(performance.now() - started),
    steps: steps.map((s) => cleanStep(s, clean)),
    exchanges: raw.map((e) => redactExchange(e, secrets)),
    diagnoses: diagnoses.map((d) => ({ ...d, cause: clean(d.cause), fix: d.fix.map(clean) })),
    warnings: observations.flatMap((o) => o.warnings.map((w) => ({ code: w.code, message: clean(w.message) }))),
    ...clientReport(verdicts, env.client.runs, clean),
  };
}

/** A step's result, redacted. */
function cleanStep(s: StepResult, clean: (s: string) => string): StepResult {
  return { ...s, detail: s.detail && clean(s.detail), expectations: s.expectations.map((x) => ({ ...x, message: clean(x.message), actual: typeof x.actual === 'string' ? clean(x.actual) : x.actual })) };
}

/** Client verdicts and external-client runs (redacted), kept in the case result. */
function clientReport(verdicts: ClientVerdict[], runs: readonly ClientRun[], clean: (s: string) => string): { clientVerdicts: ClientVerdict[]; clientRuns?: ClientRun[] } {
  return { clientVerdicts: verdicts.map((v) => ({ ...v, detail: clean(v.detail) })), ...clientRunsOf(runs, clean) };
}

/** External-client runs (redacted), when there were any. */
function clientRunsOf(runs: readonly ClientRun[], clean: (s: string) => string): { clientRuns?: ClientRun[] } {
  return runs.length ? { clientRuns: runs.map((r) => ({ ...r, command: clean(r.command), stdout: clean(r.stdout), stderr: clean(r.stderr) })) } : {};
}

/** `provider.clients` entries without a client_id change the profile's first client (as the format documents). */
function registrationChanges(scenario: Scenario): Partial<RegisteredClient>[] {
  const first = loadProfile(scenario.provider.profile).clients[0]?.client_id ?? DEFAULT_CLIENT_ID;
  return scenario.provider.clients.map((c) => ({ client_id: first, ...(c as Partial<RegisteredClient>) }));
}

function diagnosisExpectations(prefix: string, want: string[], wantNot: string[], found: string[]): ExpectationResult[] {
  return [
    ...want.map((id) => ({ path: `${prefix}.diagnoses`, passed: found.includes(id), message: found.includes(id) ? `diagnosis ${id} raised` : `expected diagnosis "${id}", raised: ${found.join(', ') || 'none'}`, expected: id, actual: found })),
    ...wantNot.map((id) => ({ path: `${prefix}.noDiagnoses`, passed: !found.includes(id), message: !found.includes(id) ? `no ${id} diagnosis` : `diagnosis "${id}" was raised but should not be`, expected: `not ${id}`, actual: found })),
  ];
}
