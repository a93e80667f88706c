/**
 * The scenario format's `client.command` and `client.web` settings, and the client
 * verdicts a scenario may require (`verdicts:`). Imported by `src/scenario/schema.ts`.
 */
import { z } from 'zod';
import { durationSchema } from './duration.js';
import { VERDICT_IDS, VERDICT_OUTCOMES } from './verdict-ids.js';

/** A client step's time limit: at most an hour (a client that hangs must not hold a run for days). */
const duration = durationSchema(3_600_000, '1h');

/** `client.command`: a program the harness starts once per step (see clients/README.md). */
export const commandSettingsSchema = z
  .object({
    run: z.string().min(1).describe('The command line, run with `/bin/sh -c` (e.g. `python3 my_client.py`).'),
    timeout: duration.default('20s').describe("Longest one step may take; the program's process group is killed after it."),
    env: z.record(z.string(), z.string()).default({}).describe('Extra environment variables for the program.'),
    cwd: z.string().optional().describe('Working folder (default: the current folder).'),
  })
  .strict();
export type CommandSettings = z.infer<typeof commandSettingsSchema>;

/** `client.web`: a web application the harness browses as the user (see clients/README.md). */
export const webSettingsSchema = z
  .object({
    start: z.string().min(1).describe('Command that starts the web client; it gets the OAUTH_HARNESS_* variables and OAUTH_HARNESS_PORT.'),
    url: z.string().default('http://127.0.0.1:{port}').describe('Where the client is served; `{port}` is OAUTH_HARNESS_PORT.'),
    login: z.string().default('/login').describe('Path the user opens to log in (the client answers with a redirect to the provider).'),
    callback: z.string().default('/callback').describe("The client's redirect URI path (registered at the provider by the harness)."),
    api: z.string().default('/call-api').describe('Path that makes the client call the API (its answer is not read: the recorded API exchange is).'),
    refresh: z.string().default('/refresh').describe('Paths (POST) that make the client refresh, revoke, disconnect, or run client credentials; a 404 means the client cannot.'),
    revoke: z.string().default('/revoke'),
    disconnect: z.string().default('/disconnect'),
    clientCredentials: z.string().default('/client-credentials'),
    ready: z.string().default('/').describe('Path polled until the client answers, after start.'),
    timeout: duration.default('20s').describe('Longest the client may take to start answering, and to answer one page of a step (with the redirects it makes to itself).'),
    env: z.record(z.string(), z.string()).default({}),
    cwd: z.string().optional(),
  })
  .strict();
export type WebSettings = z.infer<typeof webSettingsSchema>;

export const verdictOutcome = z.enum(VERDICT_OUTCOMES);

/** `verdicts:` what the client must have done, read from the recorded exchange: id → outcome(s) accepted. */
export const verdictRequirementsSchema = z.partialRecord(z.enum(VERDICT_IDS), z.union([verdictOutcome, z.array(verdictOutcome).min(1)]));
export type VerdictRequirements = z.infer<typeof verdictRequirementsSchema>;
