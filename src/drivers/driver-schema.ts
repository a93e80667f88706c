/**
 * The scenario format's `client.command` and `client.web` settings, and the client
 * verdicts a scenario may require (`verdicts:`). Imported by `src/scenario/schema.ts`.
 */
import { z } from 'zod';
import { durationSchema } from '../scenario/duration.js';
import { VERDICT_IDS, VERDICT_OUTCOMES } from './verdict-ids.js';

/** A client step's time limit: at most an hour (a client that hangs must not hold a run for days). */
const duration = durationSchema(3_600_000, '1h');

/** `client.command`: a program the harness starts once per step (see clients/README.md). */
export const commandSettingsSchema = z
  .object({
    /** The command line, run with `/bin/sh -c` (e.g. `python3 my_client.py`). */
    run: z.string().min(1),
    /** Longest one step may take; the program's process group is killed after it. */
    timeout: duration.default('20s'),
    /** Extra environment variables for the program. */
    env: z.record(z.string(), z.string()).default({}),
    /** Working folder (default: the current folder). */
    cwd: z.string().optional(),
  })
  .strict();
export type CommandSettings = z.infer<typeof commandSettingsSchema>;

/** `client.web`: a web application the harness browses as the user (see clients/README.md). */
export const webSettingsSchema = z
  .object({
    /** Command that starts the web client; it gets the OAUTH_HARNESS_* variables and OAUTH_HARNESS_PORT. */
    start: z.string().min(1),
    /** Where the client is served; `{port}` is OAUTH_HARNESS_PORT. */
    url: z.string().default('http://127.0.0.1:{port}'),
    /** Path the user opens to log in (the client answers with a redirect to the provider). */
    login: z.string().default('/login'),
    /** The client's redirect URI path (registered at the provider by the harness). */
    callback: z.string().default('/callback'),
    /** Path that makes the client call the API (its answer is not read: the recorded API exchange is). */
    api: z.string().default('/call-api'),
    /** Paths (POST) that make the client refresh, revoke, disconnect, or run client credentials; a 404 means the client cannot. */
    refresh: z.string().default('/refresh'),
    revoke: z.string().default('/revoke'),
    disconnect: z.string().default('/disconnect'),
    clientCredentials: z.string().default('/client-credentials'),
    /** Path polled until the client answers, after start. */
    ready: z.string().default('/'),
    timeout: duration.default('20s'),
    env: z.record(z.string(), z.string()).default({}),
    cwd: z.string().optional(),
  })
  .strict();
export type WebSettings = z.infer<typeof webSettingsSchema>;

export const verdictOutcome = z.enum(VERDICT_OUTCOMES);

/** `verdicts:` what the client must have done, read from the recorded exchange: id → outcome(s) accepted. */
export const verdictRequirementsSchema = z.partialRecord(z.enum(VERDICT_IDS), z.union([verdictOutcome, z.array(verdictOutcome).min(1)]));
export type VerdictRequirements = z.infer<typeof verdictRequirementsSchema>;
