/**
 * What the command and web drivers share: the client's configuration, the tokens the
 * provider issued to it (read off the recorded exchange, since an external client's
 * storage is its own), the API answer it got, and the error code a failed step shows on
 * the wire.
 */
import type { Clock } from '../../mocks/provider/clock.js';
import type { MockProvider, RecordedExchange } from '../../mocks/provider/provider.js';
import { ClientError } from '../client/client-error.js';
import type { ReferenceClientConfig, TokenSet } from '../client/reference-client.js';
import type { ClientWarning } from '../client/warnings.js';
import { oauthErrorCode, requestParams, responseFields } from '../observe/wire.js';
import type { ClientRun } from './driver.js';
import { libfaketime } from './shared-clock.js';
import { clientIdOf } from './verdicts/traffic.js';
import { toExchange } from '../observe/recorded-exchange.js';
import { cutHead } from '../../mocks/provider/cut.js';
import { providerSecrets } from '../redaction/redact.js';
import { scrubText } from '../redaction/scrub.js';
import { describeLeftovers, type LeftProcess } from './processes.js';

export interface ExternalContext {
  provider: MockProvider;
  clock: Clock;
  config: ReferenceClientConfig;
  scenarioId: string;
}

const WARNING_LINE = /^OAUTH_HARNESS_WARNING[:=]?\s+(\S+)\s*(.*)$/gm;

export abstract class ExternalDriver {
  readonly runs: ClientRun[] = [];
  protected held: TokenSet | undefined;
  private seen = 0;
  private warnings: ClientWarning[] = [];
  private clockWarned = false;

  constructor(protected readonly ctx: ExternalContext) {}

  get config(): ReferenceClientConfig {
    return this.ctx.config;
  }

  /** What the provider last issued to the client (undefined after a refusal, disconnect or drop). */
  get tokens(): TokenSet | undefined {
    this.follow();
    return this.held;
  }

  drainWarnings(): ClientWarning[] {
    const w = this.warnings;
    this.warnings = [];
    return w;
  }

  protected lastSeq(): number {
    return this.ctx.provider.lastSeq;
  }

  /** This client's exchanges after `seq`. */
  protected exchangesAfter(seq: number): RecordedExchange[] {
    return this.ctx.provider.exchanges.filter((e) => e.seq > seq && (e.endpoint === 'api' || e.endpoint === 'userinfo' || clientIdOf(toExchange(e)) === this.config.clientId));
  }

  /**
   * Records a run, the warnings its output declares (`OAUTH_HARNESS_WARNING <code>
   * <message>`), and a `client-left-processes` warning when it left processes running.
   */
  protected keep(run: ClientRun, leftBehind: readonly LeftProcess[] = []): void {
    this.runs.push(run);
    for (const m of run.stdout.matchAll(WARNING_LINE)) this.warnings.push({ code: m[1] as ClientWarning['code'], message: m[2] ?? '' });
    if (leftBehind.length) {
      const n = leftBehind.length;
      this.warnings.push({ code: 'client-left-processes' as ClientWarning['code'], message: `step ${run.step}: the client exited but left ${n} process${n > 1 ? 'es' : ''} running, stopped by the harness: ${describeLeftovers(leftBehind)}` });
    }
    if (!this.clockWarned && this.ctx.clock.now() - Date.now() > 1500 && !libfaketime()) {
      this.clockWarned = true;
      this.warnings.push({ code: 'clock-not-shared' as ClientWarning['code'], message: 'the scenario clock moved but libfaketime is not installed: the client still reads the real time' });
    }
  }

  /** Updates the issued tokens from the exchanges recorded since the last look. */
  protected follow(): void {
    for (const e of this.ctx.provider.exchanges) {
      if (e.seq <= this.seen) continue;
      this.seen = e.seq;
      if (e.endpoint !== 'token' || clientIdOf(toExchange(e)) !== this.config.clientId) continue;
      const params = requestParams(e.request);
      const grant = params.get('grant_type');
      const f = responseFields(e.response) ?? {};
      if (e.response.status === 200 && typeof f.access_token === 'string') {
        const previous = grant === 'refresh_token' ? this.held : undefined;
        const expires = Number(f.expires_in ?? f.expires);
        const scope = typeof f.scope === 'string' ? f.scope : undefined;
        this.held = {
          accessToken: f.access_token,
          refreshToken: typeof f.refresh_token === 'string' ? f.refresh_token : previous?.refreshToken,
          expiresAt: Number.isFinite(expires) && (f.expires_in ?? f.expires) !== undefined ? e.at + expires * 1000 : null,
          scopes: scope !== undefined ? scope.split(/[ ,]+/).filter(Boolean) : (previous?.scopes ?? (params.get('scope') ?? this.config.scopes.join(' ')).split(/[ ,]+/).filter(Boolean)),
        };
      } else if (grant === 'refresh_token' && oauthErrorCode(e.response) === 'invalid_grant') this.held = undefined;
    }
  }

  /** Forgets the tokens (disconnect, drop). */
  protected forget(): void {
    this.follow();
    this.held = undefined;
  }

  /** The error a failed step shows: on the callback, on the wire, or the exit status. */
  protected failure(run: ClientRun, since: number, what: string, callbackUrl?: string): ClientError {
    let code: string | undefined;
    if (callbackUrl) code = new URL(callbackUrl).searchParams.get('error') ?? undefined;
    let status: number | undefined;
    if (!code) {
      for (const e of this.exchangesAfter(since).reverse()) {
        const c = oauthErrorCode(e.response);
        if (c && (e.response.status >= 400 || responseFields(e.response)?.access_token === undefined)) {
          code = c;
          status = e.response.status;
          break;
        }
      }
    }
    if (run.exitCode === 3 && !code) return new ClientError('unsupported_by_client', `the client does not support ${what} (exit 3)`);
    const said = this.lastWords(run.stderr) || this.lastWords(run.stdout);
    const how = run.timedOut ? 'timed out' : run.exitCode === null ? `was killed (${run.signal ?? 'signal'})` : `exited with ${run.exitCode}`;
    return new ClientError(code ?? 'client_failed', `${what}: the client ${how}${said ? `: ${said}` : ''}`, status);
  }

  /**
   * The last line of a client's output, for a failure message: redacted first (every
   * secret the provider holds or issued, and secret-shaped values), then cut to 300
   * characters, never inside a token.
   */
  protected lastWords(text: string): string {
    const secrets = providerSecrets(this.ctx.provider, this.ctx.provider.exchanges.map((e) => toExchange(e)), [this.config.clientSecret]);
    return cutHead(lastLine(scrubText(secrets.sweep(text))), 300, () => '…');
  }

  /** The API's answer to the client's last API call after `since`, as a Response. */
  protected apiResponse(since: number): Response | undefined {
    const api = this.exchangesAfter(since).filter((e) => e.endpoint === 'api' || e.endpoint === 'userinfo');
    const last = api[api.length - 1];
    if (!last) return undefined;
    const r = last.response;
    const nullBody = r.status === 204 || r.status === 304;
    return new Response(nullBody ? null : r.body, { status: r.status, headers: r.headers });
  }
}

/** The last line of output that is not a warning declaration. */
function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('OAUTH_HARNESS_WARNING'));
  return lines[lines.length - 1] ?? '';
}
