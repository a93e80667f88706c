/**
 * The web driver: the harness acts as the user's browser against a web client. It
 * starts the client (with the OAUTH_HARNESS_* variables and OAUTH_HARNESS_PORT), opens
 * its login URL, follows the redirect to the provider, lets the user agent consent,
 * lands on the client's callback, then opens the page that makes the client call the
 * API. What the client sent is read from the recorded exchange.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDuration } from '../../../mocks/provider/clock.js';
import { ClientError } from '../../client/client-error.js';
import type { WebSettings } from '../../scenario/driver-schema.js';
import type { CallApiInit, ClientDriver, ClientRun } from '../driver.js';
import { ExternalDriver, type ExternalContext } from '../external-driver.js';
import { protocolEnv } from '../protocol-env.js';
import { clockFileEnv, writeClockFile } from '../shared-clock.js';
import { parseHtml } from '../../user-agent/html.js';
import { fetchTransport, HttpUserAgent, type UaResponse } from '../../user-agent/http-user-agent.js';
import { newRunMark, outputTail as tail, ProcessTree, RUN_MARK, stopLeftovers } from '../processes.js';


function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface WebDriverOptions {
  /** Share the scenario clock with the client (libfaketime), when the scenario moves it. */
  shareClock: boolean;
}

export class WebDriver extends ExternalDriver implements ClientDriver {
  readonly kind = 'web' as const;
  readonly label: string;
  /** Ends the page being opened when the step's time (`web.timeout`) runs out. */
  private pageSignal: AbortSignal | undefined;
  /** The user's browser: its cookies keep the web client's session. */
  private readonly browser = new HttpUserAgent(
    fetchTransport((url, init) => fetch(url, { ...init, ...(this.pageSignal ? { signal: this.pageSignal } : {}) })),
    { accept: 'text/html,application/json' },
  );
  private child: ChildProcess | undefined;
  private output = { stdout: '', stderr: '' };
  private dir: string | undefined;
  private clockFile: string | undefined;
  /** The web client's process tree, watched from its start to its close (../processes.ts). */
  private tree: ProcessTree | undefined;
  /** Marks the web client's processes (../processes.ts). */
  private readonly mark = newRunMark();

  private constructor(private readonly settings: WebSettings, ctx: ExternalContext, private readonly base: string) {
    super(ctx);
    this.label = `web:${settings.start}`;
  }

  /** Starts the web client and waits until it answers; registers its callback at the provider. */
  static async start(settings: WebSettings, ctx: ExternalContext, o: WebDriverOptions): Promise<WebDriver> {
    const port = await freePort();
    const base = settings.url.replace('{port}', String(port)).replace(/\/+$/, '');
    const redirectUri = `${base}${settings.callback}`;
    const registered = [...ctx.provider.context.clients.values()].find((c) => c.client_id === ctx.config.clientId);
    if (registered && !registered.redirect_uris.includes(redirectUri)) registered.redirect_uris.push(redirectUri);
    const driver = new WebDriver(settings, { ...ctx, config: { ...ctx.config, redirectUri } }, base);
    await driver.launch(port, o);
    return driver;
  }

  private async launch(port: number, o: WebDriverOptions): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'oauth-harness-web-'));
    let clock: Record<string, string> = {};
    if (o.shareClock) {
      this.clockFile = join(this.dir, 'faketime');
      clock = clockFileEnv(this.clockFile, this.ctx.clock.now());
    }
    const api = `${this.ctx.provider.issuer}/api/0/odata/Account`;
    const env = { ...process.env, ...protocolEnv(this.ctx.provider, this.config, this.ctx.scenarioId), OAUTH_HARNESS_PORT: String(port), PORT: String(port), OAUTH_HARNESS_API_URL: api, ...this.settings.env, ...clock };
    const child = spawn('/bin/sh', ['-c', this.settings.start], { cwd: this.settings.cwd, env: { ...env, [RUN_MARK]: this.mark }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    // watched while it runs, so what it starts and hides (an emptied environment, a new session) is still stopped at close
    this.tree = new ProcessTree(child.pid);
    child.stdout!.on('data', (c: Buffer) => (this.output.stdout = tail(this.output.stdout + c.toString())));
    child.stderr!.on('data', (c: Buffer) => (this.output.stderr = tail(this.output.stderr + c.toString())));
    const deadline = Date.now() + parseDuration(this.settings.timeout);
    for (;;) {
      if (child.exitCode !== null) throw new ClientError('client_failed', `the web client exited with ${child.exitCode} before answering: ${this.lastWords(this.output.stderr)}`);
      try {
        await fetch(`${this.base}${this.settings.ready}`, { redirect: 'manual', signal: AbortSignal.timeout(1000) });
        return;
      } catch {
        if (Date.now() > deadline) {
          await this.close();
          throw new ClientError('client_failed', `the web client did not answer at ${this.base}${this.settings.ready} within ${this.settings.timeout}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** Opens a URL as the browser; follows redirects while they stay on the client. */
  private async open(step: string, url: string, init: { method?: string } = {}): Promise<{ res: UaResponse; body: string; offsite?: string; run: ClientRun; since: number }> {
    if (this.clockFile) writeClockFile(this.clockFile, this.ctx.clock.now());
    const since = this.lastSeq();
    const started = performance.now();
    const origin = new URL(this.base).origin;
    const command = `${init.method ?? 'GET'} ${url}`;
    // a page (with the redirects it makes on the client) gets the step's time, as a command client's program does
    this.pageSignal = AbortSignal.timeout(parseDuration(this.settings.timeout));
    let followed: Awaited<ReturnType<HttpUserAgent['follow']>>;
    try {
      followed = await this.browser.follow({ method: init.method ?? 'GET', url }, { stay: (next) => new URL(next).origin === origin, maxRequests: 11 });
    } catch (e) {
      if (!this.pageSignal.aborted) throw e;
      this.keep({ step, command, exitCode: null, timedOut: true, durationMs: Math.round(performance.now() - started), stdout: '', stderr: '' });
      this.follow();
      throw new ClientError('client_failed', `the web client did not answer ${command} within ${this.settings.timeout}`);
    } finally {
      this.pageSignal = undefined;
    }
    const { res, left: offsite } = followed;
    const body = res.text;
    const run: ClientRun = { step, command, exitCode: res.status, durationMs: Math.round(performance.now() - started), stdout: tail(body), stderr: '' };
    this.keep(run);
    this.follow();
    return { res, body, ...(offsite ? { offsite } : {}), run, since };
  }

  private async trigger(step: string, path: string, what: string): Promise<void> {
    const r = await this.open(step, `${this.base}${path}`, { method: 'POST' });
    if (r.res.status === 404) throw new ClientError('unsupported_by_client', `the web client has no page for ${what} (POST ${path} answered 404; set client.web.${step})`);
    if (r.res.status >= 400) throw this.failure({ ...r.run, exitCode: r.res.status }, r.since, what);
  }

  async beginConnect(): Promise<string> {
    const r = await this.open('login', `${this.base}${this.settings.login}`);
    if (r.offsite) return r.offsite;
    // a link or a form (GET) to the provider's authorization endpoint, read by the one HTML reader
    const page = parseHtml(r.body, r.res.url);
    const link = [...page.links.map((l) => l.href), ...page.forms.map((f) => f.action)].find((u) => u.startsWith(this.config.authorizationUrl));
    if (link) return link;
    throw new ClientError('no_authorization_redirect', `the login page answered ${r.res.status} without sending the browser to the provider`);
  }

  async completeConnect(callbackUrl: string): Promise<void> {
    const r = await this.open('callback', callbackUrl);
    if (r.res.status >= 400 || r.offsite) throw this.failure({ ...r.run, exitCode: r.res.status }, r.since, 'the code exchange', callbackUrl);
  }

  async callApi(_url: string, _init: CallApiInit = {}): Promise<Response> {
    const r = await this.open('call-api', `${this.base}${this.settings.api}`);
    const res = this.apiResponse(r.since);
    if (res && (!res.ok || r.res.status < 400)) return res;
    if (r.res.status >= 400) throw this.failure({ ...r.run, exitCode: r.res.status }, r.since, 'the API call');
    throw new ClientError('no_api_call', `the web client answered ${r.res.status} but made no API call`);
  }

  clientCredentials(): Promise<void> {
    return this.trigger('clientCredentials', this.settings.clientCredentials, 'the client credentials grant');
  }
  refresh(): Promise<void> {
    return this.trigger('refresh', this.settings.refresh, 'the refresh');
  }
  revoke(): Promise<void> {
    return this.trigger('revoke', this.settings.revoke, 'the revocation');
  }
  async disconnect(): Promise<void> {
    await this.trigger('disconnect', this.settings.disconnect, 'disconnecting');
    this.forget();
  }
  /** The browser forgets the client's session cookie: the connection it held is gone for this user. */
  dropTokens(): void {
    this.browser.jar.clear();
    this.forget();
  }

  /** Output of the web client process so far (for the report). */
  get processOutput(): { stdout: string; stderr: string } {
    return this.output;
  }

  /**
   * Stops the web client: its process group and every process carrying its run mark
   * (SIGTERM, then SIGKILL), without waiting on pipes something that escaped may hold.
   */
  async close(): Promise<void> {
    const child = this.child;
    const tree = this.tree;
    this.child = undefined;
    this.tree = undefined;
    if (child?.pid) {
      const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));
      tree?.poll();
      await stopLeftovers(child.pid, this.mark, 2000, tree);
      tree?.stop();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000).unref())]);
      child.stdout?.destroy();
      child.stderr?.destroy();
    }
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}
