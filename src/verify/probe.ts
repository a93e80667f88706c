/**
 * The HTTP probe: every request a check sends goes through it, and every request/response
 * pair is recorded, redacted, as an {@link Exchange} of the check's case.
 * Redirects are never followed (`redirect: 'manual'`): a redirect is an observation.
 */
import type { Exchange } from '../results/model.js';
import { encodeForm, type FormInput } from './http/form.js';
import { collectSecrets, redactExchange } from './redact.js';

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

/** A request that produced no HTTP response (refused, reset, timed out). */
export class ProbeNetworkError extends Error {
  readonly code = 'NETWORK_ERROR';
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`request to ${url} failed: ${describe(cause)}`);
    this.name = 'ProbeNetworkError';
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

const MAX_BODY = 32_768;

export interface ProbeOptions {
  timeoutMs?: number;
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
  private readonly learned = new Set<string>();

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
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(req.timeoutMs ?? this.options.timeoutMs ?? 15_000),
      });
    } catch (cause) {
      throw new ProbeNetworkError(url, cause);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (cause) {
      throw new ProbeNetworkError(url, cause);
    }
    const elapsedMs = performance.now() - t0;
    const setCookies = res.headers.getSetCookie();
    const responseHeaders: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (k !== 'set-cookie') responseHeaders[k] = v;
    });
    if (setCookies.length) responseHeaders['set-cookie'] = setCookies.join('\n');
    const seq = this.exchanges.length + 1;
    const exchange: Exchange = {
      seq,
      from: req.from ?? 'harness',
      to: req.to ?? 'authorization-server',
      ...(req.endpoint ? { endpoint: req.endpoint } : {}),
      ...(this.step ? { step: this.step } : {}),
      request: { method, url, headers, ...(body !== undefined ? { body } : {}) },
      response: {
        status: res.status,
        headers: responseHeaders,
        ...(text ? { body: text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}…[truncated]` : text } : {}),
      },
      at: Date.now() - this.started,
    };
    this.record(exchange);
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

  /** Record an exchange observed elsewhere (e.g. by the browser driver); it is redacted here. */
  record(exchange: Omit<Exchange, 'seq'> & { seq?: number }): void {
    const seq = this.exchanges.length + 1;
    const full: Exchange = { ...exchange, seq, ...(this.step && !exchange.step ? { step: this.step } : {}) };
    for (const v of collectSecrets(full, this.options.secretNames ?? [])) this.learned.add(v);
    this.exchanges.push(
      redactExchange(full, {
        secrets: [...(this.options.secrets?.() ?? []), ...this.learned],
        names: this.options.secretNames ?? [],
      }),
    );
  }
}

function resolve(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}
