/**
 * The JSON results format (`results.json`) as a zod schema: the contract for anyone who
 * reads the harness's results. It mirrors `model.ts` (a compile-time check below keeps
 * both in step); `docs/results.schema.json` is generated from it.
 *
 * Versioning: `schemaVersion` changes only when a field is removed, renamed or changes
 * meaning. New optional fields keep the version, so readers must ignore unknown fields.
 */
import { z } from 'zod';
import type { RunResult } from './model.js';

/** 2: the `inconclusive` verdict and `summary.inconclusive` (cases that were `failed` in version 1 can be `inconclusive`). */
export const RESULTS_SCHEMA_VERSION = 2 as const;

const verdict = z
  .enum(['passed', 'failed', 'skipped', 'inconclusive', 'expected-failure', 'fixed'])
  .describe('passed; failed; skipped (a precondition is absent: endpoint not advertised, fixture not configured); inconclusive (not tested: the harness could not establish a precondition, e.g. no authorization code for this client, a login driver that cannot deny, no answer in time; the reason is in message; fails nothing); expected-failure (failed, but listed in the expected-failures file); fixed (listed there, but passed: fails the run)');

export const exchangeSchema = z
  .object({
    seq: z.number().int().describe('Sequence number within the case, from 1'),
    from: z.enum(['user-agent', 'client', 'harness']).describe('Who sent the request'),
    to: z.enum(['authorization-server', 'resource-server', 'client', 'other']).describe('Who answered'),
    endpoint: z.string().optional().describe('Logical endpoint: token, authorize, decision, revocation, introspection, discovery, api, userinfo, unknown…'),
    step: z.string().optional().describe('Scenario step (or check phase) during which the exchange happened'),
    request: z.object({
      method: z.string(),
      url: z.string(),
      headers: z.record(z.string(), z.string()),
      body: z.string().optional(),
    }),
    response: z.object({
      status: z.number().int(),
      headers: z.record(z.string(), z.string()),
      body: z.string().optional(),
    }),
    at: z.number().optional().describe('Milliseconds on the harness clock (virtual time), for ordering only'),
  })
  .describe('One HTTP request and response as seen on the wire; secrets are replaced by [redacted:xxxxxxxx] markers');

export const diagnosisSchema = z
  .object({
    id: z.string().describe('Stable diagnosis id, e.g. credentials-wrong-placement'),
    level: z.enum(['error', 'warning']),
    title: z.string(),
    cause: z.string().describe('The cause, with the values seen on the wire'),
    fix: z.array(z.string()).describe('The steps a user takes, in order'),
    evidence: z.array(z.number().int()).optional().describe('Sequence numbers of the exchanges that show the cause'),
    specRef: z.string().optional(),
  })
  .describe('A recognised cause of a failure, or a warning, with its fix');

export const expectationSchema = z.object({
  path: z.string().describe('Where the expectation comes from, e.g. steps[0].expect.response.status'),
  passed: z.boolean(),
  message: z.string(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
});

export const stepSchema = z.object({
  name: z.string(),
  passed: z.boolean(),
  expectations: z.array(expectationSchema),
  detail: z.string().optional().describe("What the step produced: the client's error code and message, or the API status"),
});

export const caseSchema = z
  .object({
    id: z.string().describe('Scenario id (file name) or check id'),
    title: z.string(),
    kind: z.enum(['scenario', 'check']),
    target: z.string().describe('e.g. mock:docusign-like, container:oidc-provider, http://127.0.0.1:4000'),
    client: z.string().optional().describe('e.g. reference'),
    verdict,
    severity: z.enum(['fail', 'warning', 'info']).optional(),
    specRef: z.string().optional(),
    message: z.string().optional().describe('Why it was skipped or inconclusive, or the first failed expectation'),
    durationMs: z.number(),
    steps: z.array(stepSchema),
    exchanges: z.array(exchangeSchema),
    diagnoses: z.array(diagnosisSchema),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })).optional().describe('Warnings the client raised'),
    clientVerdicts: z
      .array(z.object({ id: z.string(), title: z.string(), outcome: z.enum(['pass', 'warning', 'fail', 'not-applicable']), detail: z.string(), evidence: z.array(z.number().int()), specRef: z.string() }))
      .optional()
      .describe('Verdicts about the client, read off the recorded exchange'),
    clientRuns: z
      .array(
        z.object({
          step: z.string(),
          command: z.string(),
          exitCode: z.number().int().nullable(),
          signal: z.string().nullable().optional(),
          timedOut: z.boolean().optional(),
          durationMs: z.number(),
          stdout: z.string(),
          stderr: z.string(),
        }),
      )
      .optional()
      .describe('Runs of an external client (command or web driver), output redacted'),
    file: z.string().optional().describe('The scenario file, relative to the working directory'),
    expectedFailureReason: z.string().optional().describe('For expected-failure and fixed: the reason from the expected-failures file'),
  })
  .describe('One scenario run against a target with a client, or one conformance check');

export const runResultSchema = z
  .object({
    schemaVersion: z.literal(RESULTS_SCHEMA_VERSION),
    tool: z.literal('oauth-harness'),
    command: z.enum(['run', 'verify']),
    startedAt: z.string().describe('ISO 8601 time the run started'),
    durationMs: z.number(),
    seed: z.number().int().optional(),
    interrupted: z.boolean().optional().describe('Set when the run was stopped by Ctrl-C or SIGTERM: the cases are those that finished before'),
    shard: z
      .object({
        index: z.number().int().min(1).describe('This part, from 1'),
        count: z.number().int().min(1).describe('How many parts the selection was split into'),
        selection: z.array(z.string()).describe('Every case id of the whole selection, in run order: merge-reports checks that the parts add up to it and restores the order'),
      })
      .optional()
      .describe('Set when the run was one part of a sharded run (--shard i/n); absent in a whole or merged run'),
    cases: z.array(caseSchema),
    summary: z
      .object({
        total: z.number().int(),
        passed: z.number().int(),
        failed: z.number().int().describe('Failed cases, including fixed ones'),
        skipped: z.number().int(),
        inconclusive: z.number().int().describe('Cases not tested because a precondition could not be established'),
        expectedFailures: z.number().int(),
        fixed: z.number().int(),
      })
      .describe('Counts by verdict'),
  })
  .describe('The results of one oauth-harness run or verify');

// the schema and the model must describe the same thing, in both directions
type Parsed = z.infer<typeof runResultSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameShape: Same<Parsed, RunResult> = true;
void sameShape;

/** Validates a parsed results document; returns the problems as `path: message` lines. */
export function validateResults(value: unknown): string[] {
  const r = runResultSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

/** The JSON Schema of `results.json` (committed as `docs/results.schema.json`). */
export function resultsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(runResultSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://oauth-harness.dev/schemas/results-v${RESULTS_SCHEMA_VERSION}.json`,
    title: `oauth-harness results, schema version ${RESULTS_SCHEMA_VERSION}`,
    ...schema,
  };
}

export function resultsJsonSchemaText(): string {
  return `${JSON.stringify(resultsJsonSchema(), null, 2)}\n`;
}
