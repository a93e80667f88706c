/**
 * The result model shared by every producer (scenario runs, `verify`) and every
 * reporter (console, JUnit, JSON, HTML). Producers fill it; reporters only read it.
 *
 * Secrets never reach this model in clear: every exchange is redacted before it is
 * stored here (see `src/redaction`).
 */

/**
 * Outcome of one case (a scenario, or a conformance check). `inconclusive` (schema
 * version 2): the case ran, but the harness could not establish a precondition of what it
 * tests (no code could be obtained for this client, the login driver cannot deny, the
 * server did not answer in time, a response exceeded the size the harness reads), so it
 * says "not tested" and the reason instead of blaming the server. It fails nothing.
 */
export type Verdict = 'passed' | 'failed' | 'skipped' | 'inconclusive' | 'expected-failure' | 'fixed';

/** Severity of a finding: MUST → fail, SHOULD → warning, MAY/INFO → info. */
export type Severity = 'fail' | 'warning' | 'info';

/** One HTTP request/response pair as observed on the wire (already redacted). */
export interface Exchange {
  /** Sequence number within the case, from 1. */
  seq: number;
  /** Who sent the request: the user agent (browser), the client, or the harness itself. */
  from: 'user-agent' | 'client' | 'harness';
  /** Who answered: the authorization server, the resource server (API), or the client's callback. */
  to: 'authorization-server' | 'resource-server' | 'client' | 'other';
  /** Logical endpoint name when known: `token`, `authorize`, `revocation`, `api`, … */
  endpoint?: string;
  /** Step of the scenario (or check id) during which this exchange happened. */
  step?: string;
  request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: string;
  };
  response: {
    status: number;
    headers: Record<string, string>;
    body?: string;
  };
  /** Milliseconds on the harness clock (virtual time), for ordering only. */
  at?: number;
}

/** A recognised cause of a failure (or a warning-level observation), with its fix. */
export interface DiagnosisResult {
  /** Stable id, e.g. `credentials-wrong-placement`. */
  id: string;
  level: 'error' | 'warning';
  title: string;
  cause: string;
  fix: string[];
  /** Exchange sequence numbers that show the evidence. */
  evidence?: number[];
  /** The specification the diagnosis rests on, e.g. `RFC 6749 §2.3.1`. */
  specRef?: string;
}

/** One failed or passed expectation (scenarios) or assertion (checks). */
export interface ExpectationResult {
  /** Where it comes from, e.g. `steps[2].expect.response.status` or a spec id. */
  path: string;
  passed: boolean;
  message: string;
  expected?: unknown;
  actual?: unknown;
}

/** A step of a scenario, or a phase of a check. */
export interface StepResult {
  name: string;
  passed: boolean;
  expectations: ExpectationResult[];
  /** Free text the step produced (client reaction, error code). */
  detail?: string;
}

/** One case: a scenario run against a target with a client, or one conformance check. */
export interface CaseResult {
  /** Scenario id (file name) or check id (e.g. `AS-TOK-NOSTORE`). */
  id: string;
  title: string;
  kind: 'scenario' | 'check';
  /** e.g. `mock:docusign-like`, `container:oidc-provider`, `http://127.0.0.1:4000`. */
  target: string;
  /** e.g. `reference`, `command:./my-client`, `requests-oauthlib`. */
  client?: string;
  verdict: Verdict;
  /** For checks: MUST → fail, SHOULD → warning, MAY/INFO → info. */
  severity?: Severity;
  /** Spec reference, e.g. `RFC 6749 §5.1`. */
  specRef?: string;
  /** Why it was skipped or inconclusive, or the one-line failure summary. */
  message?: string;
  durationMs: number;
  steps: StepResult[];
  exchanges: Exchange[];
  diagnoses: DiagnosisResult[];
  /** Structured warnings raised by the client (reference client) during the case. */
  warnings?: { code: string; message: string }[];
  /** The scenario file the case comes from (relative to the working directory). */
  file?: string;
  /** For `expected-failure` and `fixed` (and a listed case that was `inconclusive`): the reason given in the expected-failures file. */
  expectedFailureReason?: string;
  /** Verdicts about the client read off the recorded exchange (src/drivers/client-verdicts.ts). */
  clientVerdicts?: { id: string; title: string; outcome: 'pass' | 'warning' | 'fail' | 'not-applicable'; detail: string; evidence: number[]; specRef: string }[];
  /** Runs of an external client (command or web driver), output redacted. */
  clientRuns?: { step: string; command: string; exitCode: number | null; signal?: string | null; timedOut?: boolean; durationMs: number; stdout: string; stderr: string }[];
}

/** A whole run: what `oauth-harness run` or `verify` produced. */
export interface RunResult {
  /** 2 since the `inconclusive` verdict (and `summary.inconclusive`); 1 before. */
  schemaVersion: 2;
  tool: 'oauth-harness';
  command: 'run' | 'verify';
  startedAt: string;
  durationMs: number;
  seed?: number;
  /** Set when the run was stopped by Ctrl-C or SIGTERM: the cases are those that finished before. */
  interrupted?: boolean;
  /** Set when the run was one part of a sharded run (`--shard i/n`); absent in a whole or merged run. */
  shard?: {
    /** This part, from 1. */
    index: number;
    count: number;
    /** Every case id of the whole selection, in run order (merge-reports checks the parts add up to it and restores the order). */
    selection: string[];
  };
  cases: CaseResult[];
  summary: { total: number; passed: number; failed: number; skipped: number; inconclusive: number; expectedFailures: number; fixed: number };
}
