/**
 * The scenario format: YAML files under `scenarios/`, one real-world situation each.
 * `scenarios/schema.json` is generated from this schema (`oauth-harness schema`).
 */
import { z } from 'zod';
import { commandSettingsSchema, verdictRequirementsSchema, webSettingsSchema } from './driver-schema.js';
import { PROVIDER_FAMILY_IDS } from '../observe/offline-access.js';
import { expectSchema } from './expect-schema.js';
import { oneOf } from './names.js';
import { durationSchema } from './duration.js';

const duration = durationSchema();

/** How the client under test is configured: an integration platform's OAuth application page. */
export const clientConfigSchema = z
  .object({
    driver: z.enum(['reference', 'command', 'web']).default('reference').describe('Which client runs the scenario: the reference client (default), a program started per step (`command`), or a web application the harness browses (`web`). See clients/README.md.'),
    command: commandSettingsSchema.optional().describe('For `driver: command`: the program and how to run it.'),
    web: webSettingsSchema.optional().describe('For `driver: web`: how to start the web client and which of its pages to open.'),
    credentials: z.enum(['basic', 'body', 'query', 'auto']).default('basic').describe("Where the client puts its id and secret at the token endpoint (docs/behaviours.md §1); `auto`: Basic first, and on an error the same request again with them in the body (Go x/oauth2's AuthStyleAutoDetect)."),
    clientId: z.string().optional(),
    clientSecret: z.string().optional(),
    authorizationUrl: z.string().optional().describe("Endpoint URLs; `{issuer}` is replaced by the provider's issuer. Default: the provider's own."),
    tokenUrl: z.string().optional(),
    revokeUrl: z.string().nullable().optional(),
    redirectUri: z.string().optional(),
    scopes: z.array(z.string()).default([]),
    scopeDelimiter: z.enum([' ', ',']).default(' ').describe('Delimiter the client joins and splits scopes with.'),
    authorizationParams: z.record(z.string(), z.string()).default({}).describe('Extra authorization request parameters (`access_type: offline`, `prompt: consent`).'),
    pkce: z.enum(['auto', 'always', 'never']).default('auto'),
    sourceAddress: z.string().optional().describe("The address the client's server calls the token endpoint from."),
    faults: z
      .array(z.enum(['ignore-state', 'no-retry', 'no-refresh', 'no-revoke-on-disconnect', 'keep-old-refresh-token', 'retry-invalid-grant', 'no-pkce', 'drop-redirect-uri-at-token', 'send-credentials-twice', 'no-basic-encoding', 'ignore-granted-scope', 'bearer-in-query', 'trust-http-200', 'resend-scope-on-refresh']))
      .default([])
      .describe("Deliberate client bugs, to prove verdicts can fail: `ignore-state`, `no-retry`, `no-refresh`, `no-revoke-on-disconnect`, `keep-old-refresh-token`, `retry-invalid-grant`, `no-pkce`, `drop-redirect-uri-at-token`, `send-credentials-twice`, `no-basic-encoding`, `ignore-granted-scope` (trusts the requested scopes over the response's `scope`), `bearer-in-query` (sends the access token as an `access_token` query parameter), `trust-http-200` (does not look for an `error` in a 200 token response), `resend-scope-on-refresh` (sends the scopes it asked for at login with every refresh, as requests-oauthlib and authlib do)."),
  })
  .strict();
export type ClientConfig = z.infer<typeof clientConfigSchema>;

const connectSchema = z
  .object({
    user: z.string().default('alice'),
    consent: z.object({ deny: z.boolean().default(false), untick: z.array(z.string()).default([]) }).strict().prefault({}).describe("The user's consent: deny, or untick some scopes (partial consent)."),
    from: z.string().optional().describe("The address the user's browser signs in from."),
    tamper: z.enum(['state']).optional().describe('Tamper with the authorization response on its way back (CSRF / mix-up tests).'),
    wrongPassword: z.boolean().default(false).describe('Use the wrong password at the login form.'),
  })
  .strict();

const callApiSchema = z
  .object({
    resource: z.enum(['odata4', 'odata3', 'select-query', 'rest', 'basic-ws', 'userinfo']).default('odata4'),
    auth: z.enum(['bearer', 'none', 'basic']).default('bearer').describe('`bearer` (default), `none` (the integration was not set to use authentication), or `basic` (web service login).'),
    user: z.string().default('alice').describe('For `basic`: which user, and whether to send a wrong password.'),
    wrongPassword: z.boolean().default(false),
    method: z.enum(['GET', 'POST']).optional(),
  })
  .strict();

const empty = z.object({}).strict();

/** One step: exactly one action key, an optional name, and what to expect after it. */
export const stepSchema = z
  .object({
    name: z.string().optional(),
    connect: connectSchema.optional(),
    clientCredentials: z.object({ scopes: z.array(z.string()).optional() }).strict().optional(),
    callApi: callApiSchema.optional(),
    refresh: z.object({ concurrent: z.number().int().min(1).max(5000).default(1) }).strict().optional(),
    advanceClock: duration.optional(),
    revoke: z.object({ token: z.enum(['refresh', 'access']).default('refresh') }).strict().optional(),
    disconnect: empty.optional(),
    dropTokens: empty.optional(),
    revokeGrantAtProvider: z.object({ user: z.string().default('alice') }).strict().optional(),
    expect: expectSchema.optional(),
  })
  .strict()
  .superRefine((step, ctx) => {
    const actions = STEP_ACTIONS.filter((a) => step[a] !== undefined);
    if (actions.length !== 1) {
      ctx.addIssue({ code: 'custom', message: actions.length ? `a step takes one action, found ${actions.join(', ')}` : `a step needs one action: ${STEP_ACTIONS.join(', ')}` });
    }
  });
export type Step = z.infer<typeof stepSchema>;

export const STEP_ACTIONS = ['connect', 'clientCredentials', 'callApi', 'refresh', 'advanceClock', 'revoke', 'disconnect', 'dropTokens', 'revokeGrantAtProvider'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

export const scenarioSchema = z
  .object({
    $schema: z.string().optional().describe('JSON Schema link for editors; ignored by the harness.'),
    title: z.string().min(1),
    description: z.string().min(1).describe('The real-world situation, in plain words.'),
    behaviour: z.string().optional().describe('Which item of docs/behaviours.md this scenario exercises (e.g. `§1`), or `docs/provider-quirks.md §2`.'),
    tags: z.array(z.string()).default([]),
    provider: z
      .object({
        profile: z.string(),
        family: oneOf(PROVIDER_FAMILY_IDS, 'provider family', 'provider families').optional().describe("The real provider this one stands for (`google`, `salesforce`, …; default: the profile's): what the diagnoses and the reference client may know about it, since they never read host names."),
        switches: z.record(z.string(), z.unknown()).default({}).describe("Switch overrides (a deep partial of the profile's switches)."),
        clients: z.array(z.record(z.string(), z.unknown())).default([]).describe("Changes to the provider's client registrations (by client_id; the first client when omitted)."),
      })
      .strict(),
    client: clientConfigSchema.prefault({}),
    steps: z.array(stepSchema).min(1),
    verdicts: verdictRequirementsSchema.default({}).describe('Client verdicts the scenario requires, read from the recorded exchange (id: pass | warning | fail | not-applicable, or a list).'),
  })
  .strict();
export type Scenario = z.infer<typeof scenarioSchema> & { id: string; file: string };
