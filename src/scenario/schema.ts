/**
 * The scenario format: YAML files under `scenarios/`, one real-world situation each.
 * `scenarios/schema.json` is generated from this schema (`oauth-harness schema`).
 */
import { z } from 'zod';
import { commandSettingsSchema, verdictRequirementsSchema, webSettingsSchema } from '../drivers/driver-schema.js';
import { PROVIDER_FAMILY_IDS } from '../observe/offline-access.js';
import { expectSchema } from './expect-schema.js';
import { oneOf } from './names.js';
import { durationSchema } from './duration.js';

const duration = durationSchema();

/** How the client under test is configured: an integration platform's OAuth application page. */
export const clientConfigSchema = z
  .object({
    /** Which client runs the scenario: the reference client (default), a program started per step (`command`), or a web application the harness browses (`web`). See clients/README.md. */
    driver: z.enum(['reference', 'command', 'web']).default('reference'),
    /** For `driver: command`: the program and how to run it. */
    command: commandSettingsSchema.optional(),
    /** For `driver: web`: how to start the web client and which of its pages to open. */
    web: webSettingsSchema.optional(),
    /** Where the client puts its id and secret at the token endpoint (docs/behaviours.md §1); `auto`: Basic first, and on an error the same request again with them in the body (Go x/oauth2's AuthStyleAutoDetect). */
    credentials: z.enum(['basic', 'body', 'query', 'auto']).default('basic'),
    clientId: z.string().optional(),
    clientSecret: z.string().optional(),
    /** Endpoint URLs; `{issuer}` is replaced by the provider's issuer. Default: the provider's own. */
    authorizationUrl: z.string().optional(),
    tokenUrl: z.string().optional(),
    revokeUrl: z.string().nullable().optional(),
    redirectUri: z.string().optional(),
    scopes: z.array(z.string()).default([]),
    /** Delimiter the client joins and splits scopes with. */
    scopeDelimiter: z.enum([' ', ',']).default(' '),
    /** Extra authorization request parameters (`access_type: offline`, `prompt: consent`). */
    authorizationParams: z.record(z.string(), z.string()).default({}),
    pkce: z.enum(['auto', 'always', 'never']).default('auto'),
    /** The address the client's server calls the token endpoint from. */
    sourceAddress: z.string().optional(),
    /**
     * Deliberate client bugs, to prove verdicts can fail: `ignore-state`, `no-retry`,
     * `no-refresh`, `no-revoke-on-disconnect`, `keep-old-refresh-token`, `retry-invalid-grant`,
     * `no-pkce`, `drop-redirect-uri-at-token`, `send-credentials-twice`, `no-basic-encoding`,
     * `ignore-granted-scope` (trusts the requested scopes over the response's `scope`),
     * `bearer-in-query` (sends the access token as an `access_token` query parameter),
     * `trust-http-200` (does not look for an `error` in a 200 token response),
     * `resend-scope-on-refresh` (sends the scopes it asked for at login with every refresh, as
     * requests-oauthlib and authlib do).
     */
    faults: z
      .array(z.enum(['ignore-state', 'no-retry', 'no-refresh', 'no-revoke-on-disconnect', 'keep-old-refresh-token', 'retry-invalid-grant', 'no-pkce', 'drop-redirect-uri-at-token', 'send-credentials-twice', 'no-basic-encoding', 'ignore-granted-scope', 'bearer-in-query', 'trust-http-200', 'resend-scope-on-refresh']))
      .default([]),
  })
  .strict();
export type ClientConfig = z.infer<typeof clientConfigSchema>;

const connectSchema = z
  .object({
    user: z.string().default('alice'),
    /** The user's consent: deny, or untick some scopes (partial consent). */
    consent: z.object({ deny: z.boolean().default(false), untick: z.array(z.string()).default([]) }).strict().prefault({}),
    /** The address the user's browser signs in from. */
    from: z.string().optional(),
    /** Tamper with the authorization response on its way back (CSRF / mix-up tests). */
    tamper: z.enum(['state']).optional(),
    /** Use the wrong password at the login form. */
    wrongPassword: z.boolean().default(false),
  })
  .strict();

const callApiSchema = z
  .object({
    resource: z.enum(['odata4', 'odata3', 'select-query', 'rest', 'basic-ws', 'userinfo']).default('odata4'),
    /** `bearer` (default), `none` (the integration was not set to use authentication), or `basic` (web service login). */
    auth: z.enum(['bearer', 'none', 'basic']).default('bearer'),
    /** For `basic`: which user, and whether to send a wrong password. */
    user: z.string().default('alice'),
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
    /** JSON Schema link for editors; ignored by the harness. */
    $schema: z.string().optional(),
    title: z.string().min(1),
    /** The real-world situation, in plain words. */
    description: z.string().min(1),
    /** Which item of docs/behaviours.md this scenario exercises (e.g. `§1`), or `docs/provider-quirks.md §2`. */
    behaviour: z.string().optional(),
    tags: z.array(z.string()).default([]),
    provider: z
      .object({
        profile: z.string(),
        /** The real provider this one stands for (`google`, `salesforce`, …; default: the profile's): what the diagnoses and the reference client may know about it, since they never read host names. */
        family: oneOf(PROVIDER_FAMILY_IDS, 'provider family', 'provider families').optional(),
        /** Switch overrides (a deep partial of the profile's switches). */
        switches: z.record(z.string(), z.unknown()).default({}),
        /** Changes to the provider's client registrations (by client_id; the first client when omitted). */
        clients: z.array(z.record(z.string(), z.unknown())).default([]),
      })
      .strict(),
    client: clientConfigSchema.prefault({}),
    steps: z.array(stepSchema).min(1),
    /** Client verdicts the scenario requires, read from the recorded exchange (id: pass | warning | fail | not-applicable, or a list). */
    verdicts: verdictRequirementsSchema.default({}),
  })
  .strict();
export type Scenario = z.infer<typeof scenarioSchema> & { id: string; file: string };
