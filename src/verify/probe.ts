/**
 * The HTTP probe: every request a check sends goes through it, and every request/response
 * pair is recorded, redacted, as an {@link Exchange} of the check's case.
 * Redirects are never followed (`redirect: 'manual'`): a redirect is an observation.
 */
import type { Exchange } from '../results/model.js';
import { DEFAULT_MAX_RESPONSE_BYTES, fetchWithin, formatBytes, isTimeout, readCapped } from '../http/fetch-capped.js';
import { encodeForm, type FormInput } from '../http/form.js';
import { learnSecrets, redactExchange, SecretSet, secretNames } from '../redaction/redact.js';

export interface ProbeRequest {
  method?: string;
  url: string | URL;
  headers?: Record<string, string>;
  /** Form body (`application/x-www-form-urlencoded`). */
  form?: FormInput;
  /** JSON body (`application/json`). */
  json?: unknown;
  /** Raw body (set `content-type` yourself). */
  body?: string;
  /** Logical endpoint name recorded with the exchange (`token`, `authorize`, …). */
  endpoint?: string;
  from?: Exchange['from'];
  to?: Exchange['to'];
  timeoutMs?: number;
}

export interface ProbeResponse {
  /** Sequence number of the recorded exchange. */
  seq: number;
  url: string;
  status: number;
  headers: Headers;
  /** `Set-Cookie` values, one per cookie. */
  setCookies: string[];
  text: string;
  /** Parsed body when it is JSON, else `undefined`. */
  json: unknown;
  /** `Location` header resolved against the request URL. */
  location?: string;
  /** `Location` header exactly as sent. */
  rawLocation?: string;
  elapsedMs: number;
}

/**
 * A request that produced no usable HTTP response (refused, reset, no answer within the
 * timeout, a body larger than the harness reads). What needed it is not tested.
 * `code` says which; {@link ProbeNetworkError.timeout} and {@link ProbeNetworkError.tooLarge}
 * make the last two.
 */
export class ProbeNetworkError extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
    /** The message to show, when not derived from `cause`. */
    message?: string,
    readonly code: 'NETWORK_ERROR' | 'TIMEOUT' | 'TOO_LARGE' = 'NETWORK_ERROR',
    /** The limit that was reached: milliseconds (`TIMEOUT`) or bytes (`TOO_LARGE`). */
    readonly limit?: number,
  ) {
    super(message ?? `request to ${url} failed: ${describe(cause)}`);
    this.name = 'ProbeNetworkError';
  }

  /** No complete answer within the per-request limit (`timeoutMs`, `--timeout`); `already`: seen earlier in the run, not asked again. */
  static timeout(url: string, method: string, limitMs: number, already = false): ProbeNetworkError {
    const within = `gave no complete response within ${formatMs(limitMs)}`;
    const message = already ? `${method} ${url} ${within} earlier in this run (the limit set by --timeout); not asked again` : `${method} ${url} ${within} (the limit set by --timeout)`;
    return new ProbeNetworkError(url, undefined, message, 'TIMEOUT', limitMs);
  }

  /** A response body larger than the harness reads (`maxResponseBytes`): reading stopped there. */
  static tooLarge(url: string, method: string, limitBytes: number): ProbeNetworkError {
    const message = `${method} ${url} answered with a body larger than ${formatBytes(limitBytes)}, the most the harness reads of one response; it stopped reading there`;
    return new ProbeNetworkError(url, undefined, message, 'TOO_LARGE', limitBytes);
  }
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause;
    const code = (inner as { code?: string } | undefined)?.code;
    return code ? `${code}` : inner instanceof Error ? inner.message : cause.message;
  }
  return String(cause);
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Recorded bodies are cut here (after redaction). */
const MAX_BODY = 32_768;

export interface ProbeOptions {
  timeoutMs?: number;
  /** At most this many bytes are read of a response body (default 1 MiB). */
  maxResponseBytes?: number;
  /**
   * Requests (`METHOD origin/path`) that already went unanswered within the timeout in this
   * run, shared by the run's probes: they are not sent again (a hanging server ends quickly).
   */
  unresponsive?: Set<string>;
  /** Secret values to redact (client secrets, passwords). */
  secrets?: () => Iterable<string>;
  /** Extra parameter names to redact. */
  secretNames?: Iterable<string>;
}

/** Records exchanges for one case. */
export class Probe {
  readonly exchanges: Exchange[] = [];
  step: string | undefined;
  private readonly started = Date.now();
  /** Secret values seen in earlier exchanges (tokens, codes), hidden wherever they reappear. */
  private readonly learned = new SecretSet();

  constructor(private readonly options: ProbeOptions = {}) {}

  /** Send one request; throws {@link ProbeNetworkError} when no response arrives. */
  async send(req: ProbeRequest): Promise<ProbeResponse> {
    const url = String(req.url);
    const method = (req.method ?? (req.form || req.json !== undefined || req.body !== undefined ? 'POST' : 'GET')).toUpperCase();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
    let body: string | undefined = req.body;
    if (req.form) {
      body = encodeForm(req.form);
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
    } else if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] ??= 'application/json';
    }
    if (method === 'GET' || method === 'HEAD') {
      body = undefined;
      delete headers['content-type'];
    }
    headers['accept'] ??= 'application/json, text/html;q=0.9, */*;q=0.5';
    const t0 = performance.now();
    const limitMs = req.timeoutMs ?? this.options.timeoutMs ?? 15_000;
    const key = unresponsiveKey(method, url);
    if (this.options.unresponsive?.has(key)) throw ProbeNetworkError.timeout(url, method, limitMs, true);
    const timedOut = (cause: unknown): never => {
      if (!isTimeout(cause)) throw new ProbeNetworkError(url, cause);
      this.options.unresponsive?.add(key);
      throw ProbeNetworkError.timeout(url, method, limitMs);
    };
    let res: Response;
    try {
      res = await fetchWithin(url, { method, headers, body, redirect: 'manual' }, limitMs);
    } catch (cause) {
      return timedOut(cause);
    }
    let text: string | undefined;
    const maxBytes = this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    try {
      text = await readCapped(res, maxBytes);
    } catch (cause) {
      return timedOut(cause);
    }
    if (text === undefined) {
      this.record(this.exchangeOf(req, method, url, headers, body, res, `…[not read: larger than ${formatBytes(maxBytes)}]`));
      throw ProbeNetworkError.tooLarge(url, method, maxBytes);
    }
    const elapsedMs = performance.now() - t0;
    const setCookies = res.headers.getSetCookie();
    const seq = this.exchanges.length + 1;
    this.record(this.exchangeOf(req, method, url, headers, body, res, text));
    const location = res.headers.get('location');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return {
      seq,
      url,
      status: res.status,
      headers: res.headers,
      setCookies,
      text,
      json,
      ...(location !== null ? { location: resolve(location, url), rawLocation: location } : {}),
      elapsedMs,
    };
  }

  private exchangeOf(req: ProbeRequest, method: string, url: string, headers: Record<string, string>, body: string | undefined, res: Response, text: string): Omit<Exchange, 'seq'> {
    const responseHeaders: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (k !== 'set-cookie') responseHeaders[k] = v;
    });
    const setCookies = res.headers.getSetCookie();
    if (setCookies.length) responseHeaders['set-cookie'] = setCookies.join('\n');
    return {
      from: req.from ?? 'harness',
      to: req.to ?? 'authorization-server',
      ...(req.endpoint ? { endpoint: req.endpoint } : {}),
      ...(this.step ? { step: this.step } : {}),
      request: { method, url, headers, ...(body !== undefined ? { body } : {}) },
      response: {
        status: res.status,
        headers: responseHeaders,
        ...(text ? { body: text } : {}),
      },
      at: Date.now() - this.started,
    };
  }

  /** Record an exchange observed elsewhere (e.g. by the browser driver); it is redacted here, then bodies are cut. */
  record(exchange: Omit<Exchange, 'seq'> & { seq?: number }): void {
    const seq = this.exchanges.length + 1;
    const full: Exchange = { ...exchange, seq, ...(this.step && !exchange.step ? { step: this.step } : {}) };
    const names = secretNames(this.options.secretNames);
    for (const v of this.options.secrets?.() ?? []) this.learned.add(v);
    learnSecrets(full, this.learned, names);
    this.exchanges.push(redactExchange(full, this.learned, { names, maxBodyChars: MAX_BODY }));
  }
}

/** `POST http://host/token` (no query): the unit a hanging server is remembered by. */
function unresponsiveKey(method: string, url: string): string {
  try {
    const u = new URL(url);
    return `${method} ${u.origin}${u.pathname}`;
  } catch {
    return `${method} ${url}`;
  }
}

function resolve(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}
