/**
 * The command driver: the harness starts the user's program once per step, with the
 * provider, the client's configuration and the step in `OAUTH_HARNESS_*` variables
 * (clients/README.md). The program keeps its tokens in OAUTH_HARNESS_STATE_FILE between
 * steps. Its exit code decides the step's outcome; what it sent is read from the wire.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDuration } from '../../../mocks/provider/clock.js';
import { ClientError } from '../../client/client-error.js';
import type { CommandSettings } from '../../scenario/driver-schema.js';
import type { CallApiInit, ClientDriver, ClientRun } from '../driver.js';
import { ExternalDriver, type ExternalContext } from '../external-driver.js';
import { protocolEnv } from '../protocol-env.js';
import { clockEnv } from '../shared-clock.js';
import { runProgram } from './run-program.js';

/** Protocol step names (OAUTH_HARNESS_STEP). */
export type ProtocolStep = 'authorize' | 'callback' | 'refresh' | 'call-api' | 'revoke' | 'disconnect' | 'client-credentials';

export class CommandDriver extends ExternalDriver implements ClientDriver {
  readonly kind = 'command' as const;
  readonly label: string;
  private readonly dir: string;
  readonly stateFile: string;

  constructor(private readonly settings: CommandSettings, ctx: ExternalContext) {
    super(ctx);
    this.label = `command:${settings.run}`;
    this.dir = mkdtempSync(join(tmpdir(), 'oauth-harness-client-'));
    this.stateFile = join(this.dir, 'state.json');
  }

  /** Runs the program for one protocol step. */
  private async step(step: ProtocolStep, extra: Record<string, string> = {}): Promise<{ run: ClientRun; since: number }> {
    const since = this.lastSeq();
    const env = {
      ...process.env,
      ...protocolEnv(this.ctx.provider, this.config, this.ctx.scenarioId),
      OAUTH_HARNESS_STATE_FILE: this.stateFile,
      OAUTH_HARNESS_NOW: String(Math.floor(this.ctx.clock.now() / 1000)),
      OAUTH_HARNESS_STEP: step,
      ...extra,
      ...this.settings.env,
      ...clockEnv(this.ctx.clock.now()),
    };
    const { leftBehind, ...run } = await runProgram({ step, command: this.settings.run, env, cwd: this.settings.cwd, timeoutMs: parseDuration(this.settings.timeout) });
    this.keep(run, leftBehind);
    this.follow();
    return { run, since };
  }

  private async must(step: ProtocolStep, what: string, extra: Record<string, string> = {}): Promise<ClientRun> {
    const { run, since } = await this.step(step, extra);
    if (run.exitCode !== 0) throw this.failure(run, since, what, extra.OAUTH_HARNESS_CALLBACK_URL);
    return run;
  }

  async beginConnect(user: string): Promise<string> {
    const run = await this.must('authorize', 'starting the authorization', { OAUTH_HARNESS_USER: user });
    const urls = run.stdout.split('\n').map((l) => l.trim()).filter((l) => /^https?:\/\/\S+$/.test(l));
    const url = urls[urls.length - 1];
    if (!url) throw new ClientError('no_authorization_url', 'the client printed no authorization URL on stdout (step authorize)');
    return url;
  }

  async completeConnect(callbackUrl: string): Promise<void> {
    await this.must('callback', 'the code exchange', { OAUTH_HARNESS_CALLBACK_URL: callbackUrl });
  }

  async clientCredentials(scopes?: string[]): Promise<void> {
    await this.must('client-credentials', 'the client credentials grant', scopes ? { OAUTH_HARNESS_SCOPE: scopes.join(this.config.scopeDelimiter) } : {});
  }

  async refresh(): Promise<void> {
    await this.must('refresh', 'the refresh');
  }

  async callApi(url: string, init: CallApiInit = {}): Promise<Response> {
    const { run, since } = await this.step('call-api', {
      OAUTH_HARNESS_API_URL: url,
      OAUTH_HARNESS_API_METHOD: init.method ?? 'GET',
      OAUTH_HARNESS_API_HEADERS: JSON.stringify(init.headers ?? {}),
      OAUTH_HARNESS_API_BODY: init.body ?? '',
      OAUTH_HARNESS_API_AUTH: init.auth ?? 'bearer',
    });
    const res = this.apiResponse(since);
    if (res && (!res.ok || run.exitCode === 0)) return res;
    if (run.exitCode !== 0) throw this.failure(run, since, 'the API call');
    throw new ClientError('no_api_call', 'the client exited 0 but made no API call (step call-api)');
  }

  async revoke(which: 'refresh' | 'access' = 'refresh'): Promise<void> {
    await this.must('revoke', 'the revocation', { OAUTH_HARNESS_REVOKE: which });
  }

  async disconnect(): Promise<void> {
    await this.must('disconnect', 'disconnecting');
    this.forget();
  }

  dropTokens(): void {
    rmSync(this.stateFile, { force: true });
    this.forget();
  }

  async close(): Promise<void> {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
