/**
 * What a scenario step may expect: what the client sent, what the provider answered,
 * which tokens the client holds, and how the client reacted.
 */
import { z } from 'zod';
import { diagnosisId, endpointName } from './names.js';

/**
 * A literal, `present`, `absent`, or a `/regex/`. Literals match type-exactly: the number
 * 3600 never matches the string "3600", `[a, b]` only that array in that order; a regex
 * matches strings (and the JSON text of an object or array).
 */
export const matcher = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())]);
export type Matcher = z.infer<typeof matcher>;

/** Request parameters and headers are strings on the wire: a literal must be one. */
const stringMatcher = z.string({ error: (iss) => (iss.input === undefined ? undefined : `parameters and headers are strings on the wire: write ${JSON.stringify(String(iss.input))} (quoted), \`present\`, \`absent\` or a /regex/`) });

export const credentialPlacement = z.enum(['basic', 'body', 'query', 'none', 'multiple']);

/** What the client sent (the last request of the step to `endpoint`). */
const requestExpect = z
  .object({
    endpoint: endpointName.optional(),
    method: z.string().optional(),
    credentials: credentialPlacement.optional(),
    params: z.record(z.string(), stringMatcher).optional(),
    headers: z.record(z.string(), stringMatcher).optional(),
    count: z.number().int().nonnegative().optional().describe('How many requests this step sent to `endpoint`.'),
  })
  .strict();

/** What the provider answered to that request. */
const responseExpect = z
  .object({
    status: z.number().int().optional(),
    error: z.string().optional(),
    headers: z.record(z.string(), stringMatcher).optional(),
    body: z.record(z.string(), matcher).optional(),
  })
  .strict();

export const expectSchema = z
  .object({
    outcome: z.enum(['success', 'failure']).optional().describe("How the client's operation ended."),
    error: z.string().optional().describe("The client's error code (an OAuth error code, or a harness code such as `state_mismatch`)."),
    warnings: z.array(z.string()).optional().describe('Warning codes the client must have raised during this step.'),
    noWarnings: z.array(z.string()).optional().describe('Warning codes the client must NOT have raised.'),
    redirect: z.enum(['issued', 'none']).optional().describe('Whether the provider redirected back to the client (connect steps).'),
    request: requestExpect.optional().describe('What the client sent (the last request of this step to `endpoint`).'),
    response: responseExpect.optional().describe('What the provider answered (to that same request).'),
    exchanges: z
      .array(z.object({ endpoint: endpointName, count: z.number().int().nonnegative().optional(), request: requestExpect.omit({ endpoint: true, count: true }).optional(), response: responseExpect.optional() }).strict())
      .optional()
      .describe("More exchanges of this step, each named by its endpoint, checked like `request` and `response`: e.g. the authorization request's parameters and the token response's members in one connect step."),
    /** What the client holds after the step. */
    tokens: z
      .object({
        access: z.enum(['present', 'absent']).optional(),
        refresh: z.enum(['present', 'absent']).optional(),
        expires: z.string().regex(/^(never|\d+(\.\d+)?\s*(ms|s|m|h|d)?)$/, '`never` or a duration such as 90s, 10m, 2h or 3d').optional().describe('`never`, or a duration such as `8h`, `3600s`.'),
        scopes: z.array(z.string()).optional(),
        refreshRotated: z.boolean().optional().describe('Whether the refresh token changed during this step (rotation).'),
      })
      .strict()
      .optional(),
    diagnoses: z.array(diagnosisId).optional().describe("Diagnosis ids that must be raised on this step's exchange."),
    noDiagnoses: z.array(diagnosisId).optional().describe('Diagnosis ids that must NOT be raised.'),
  })
  .strict();
export type StepExpect = z.infer<typeof expectSchema>;
