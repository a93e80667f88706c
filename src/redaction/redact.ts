/**
 * Redaction, the one implementation: every secret (client secrets, access/refresh/ID tokens, codes, passwords,
 * Basic and Bearer header values, PKCE verifiers) becomes `[redacted:xxxxxxxx]`, where
 * the 8 hex digits fingerprint the value, so two uses of one token can still be matched.
 * Applied to every exchange before it is stored in a result, so no reporter sees a secret.
 */
import type { MockProvider } from '../../mocks/provider/provider.js';
import type { Exchange } from '../results/model.js';
import { fingerprint, mark } from './marker.js';
import { namedValuePatterns, SECRET_NAMES, scrubText, secretNames } from './scrub.js';

export { SECRET_NAMES, secretNames } from './scrub.js';

export { fingerprint } from './marker.js';

/** Values a buggy client sends where a secret should be: not secrets, and common words elsewhere. */
const PLACEHOLDERS = new Set(['undefined', 'null', 'none', 'true', 'false', '[object object]']);

/**
 * The ways a value can appear in recorded text: raw, percent-encoded (URLs), form-encoded
 * (bodies: space as `+`, `!'()*~` escaped), JSON-escaped, and base64 (inside a Basic header).
 */
export function spellings(v: string): string[] {
  const forms = new Set([v, encodeURIComponent(v), new URLSearchParams({ x: v }).toString().slice(2), JSON.stringify(v).slice(1, -1)]);
  return [...forms].filter((f) => f.length >= 4);
}

/** Collects secret values seen in parameters, JSON bodies and headers, to sweep them anywhere else. */
export class SecretSet {
  private readonly values = new Set<string>();
  /** The values longest first, each with its spellings and marker: made once per change of the set, not per text swept. */
  private sweepList: { spellings: string[]; marker: string }[] | undefined;
  add(value: string | undefined | null): void {
    if (value && value.length >= 4 && !PLACEHOLDERS.has(value.toLowerCase()) && !this.values.has(value)) {
      this.values.add(value);
      this.sweepList = undefined;
    }
  }
  /** Replaces every known secret in a text (longest first), raw and in its encoded spellings. */
  sweep(text: string): string {
    if (!text || this.values.size === 0) return text;
    this.sweepList ??= [...this.values].sort((a, b) => b.length - a.length).map((v) => ({ spellings: spellings(v), marker: fingerprint(v) }));
    let out = text;
    for (const { spellings: forms, marker } of this.sweepList) {
      for (const form of forms) if (out.includes(form)) out = out.split(form).join(marker);
    }
    return out;
  }
  has(value: string): boolean {
    return this.values.has(value);
  }
  get size(): number {
    return this.values.size;
  }
  all(): string[] {
    return [...this.values];
  }
}

function learnParams(params: URLSearchParams, secrets: SecretSet, names: ReadonlySet<string>): void {
  for (const [k, v] of params) if (names.has(k)) secrets.add(v);
}

function learnJson(value: unknown, secrets: SecretSet, names: ReadonlySet<string>): void {
  if (!value || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' && names.has(k)) secrets.add(v);
    else if (typeof v === 'object') learnJson(v, secrets, names);
  }
}

function learnText(text: string | undefined, secrets: SecretSet, names: ReadonlySet<string>): void {
  if (!text) return;
  try {
    learnJson(JSON.parse(text), secrets, names);
    return;
  } catch {
    /* not JSON */
  }
  if (/^[^<\s]*=/.test(text)) learnParams(new URLSearchParams(text), secrets, names);
  // `name=value` anywhere else (a link in an HTML page, `&amp;`-separated), raw and decoded
  for (const m of text.matchAll(namedValuePatterns(names).form)) {
    if (m[3]!.startsWith('[redacted:')) continue;
    secrets.add(m[3]);
    try {
      secrets.add(decodeURIComponent(m[3]!.replace(/\+/g, ' ')));
    } catch {
      /* not percent-encoded */
    }
  }
  for (const m of text.matchAll(/name="(txn|password)" value="([^"]+)"/g)) secrets.add(m[2]);
}

function learnHeaders(h: Record<string, string>, secrets: SecretSet, names: ReadonlySet<string>): void {
  for (const [k, v] of Object.entries(h)) {
    const key = k.toLowerCase();
    if (key === 'authorization' || key === 'proxy-authorization') {
      const m = /^(\w+)\s+(.+)$/.exec(v);
      if (m) {
        secrets.add(m[2]);
        if (/^basic$/i.test(m[1]!)) {
          const decoded = Buffer.from(m[2]!, 'base64').toString('utf8');
          const i = decoded.indexOf(':');
          if (i >= 0) {
            const raw = decoded.slice(i + 1);
            secrets.add(raw);
            try {
              secrets.add(decodeURIComponent(raw.replace(/\+/g, ' ')));
            } catch {
              /* not form-encoded */
            }
          }
        }
      }
    }
    if (key === 'location') {
      try {
        learnParams(new URL(v).searchParams, secrets, names);
      } catch {
        /* relative */
      }
    }
    if (key === 'cookie' || key === 'set-cookie') secrets.add(v);
  }
}

/**
 * The secrets around a provider: its clients' secrets, its users' passwords, `extra`
 * values (the client's configured secret), and every secret its exchanges carry.
 */
export function providerSecrets(provider: Pick<MockProvider, 'context'>, exchanges: readonly Exchange[], extra: readonly (string | undefined | null)[] = []): SecretSet {
  const secrets = new SecretSet();
  for (const v of extra) secrets.add(v);
  for (const c of provider.context.clients.values()) secrets.add(c.client_secret);
  for (const u of provider.context.users.values()) secrets.add(u.password);
  for (const e of exchanges) learnSecrets(e, secrets);
  return secrets;
}

/**
 * Learns the secrets an exchange carries (call for every exchange before redacting any):
 * values under secret names (`names`, default {@link SECRET_NAMES}) in the URL, the
 * bodies and `Location`, and credentials in `Authorization`.
 */
export function learnSecrets(e: Exchange, secrets: SecretSet, names: ReadonlySet<string> = SECRET_NAMES): void {
  try {
    learnParams(new URL(e.request.url).searchParams, secrets, names);
  } catch {
    /* ignore */
  }
  learnHeaders(e.request.headers, secrets, names);
  learnHeaders(e.response.headers, secrets, names);
  learnText(e.request.body, secrets, names);
  learnText(e.response.body, secrets, names);
}

/** `a=1; b=2` → each value marked, names kept. */
const markCookies = (v: string) => v.replace(/([^=;\s]+)=([^;]*)/g, (_m, k: string, x: string) => `${k}=${x ? mark(x) : ''}`);
/** One `Set-Cookie` a line: the value marked, name and attributes kept. */
const markSetCookies = (v: string) =>
  v
    .split('\n')
    .map((c) => c.replace(/^([^=;\s]+)=([^;]*)/, (_m, k: string, x: string) => `${k}=${x ? mark(x) : ''}`))
    .join('\n');

function redactHeaders(h: Record<string, string>, text: (s: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    const key = k.toLowerCase();
    if (key === 'authorization' || key === 'proxy-authorization') {
      const m = /^(\w+)\s+(.+)$/.exec(v);
      out[k] = m ? `${m[1]} ${mark(m[2]!.trim())}` : mark(v);
    } else if (key === 'cookie') out[k] = markCookies(v);
    else if (key === 'set-cookie') out[k] = markSetCookies(v);
    else out[k] = text(v);
  }
  return out;
}

export interface RedactExchangeOptions {
  /** Extra parameter names to treat as secret (e.g. a login form's password field). */
  names?: Iterable<string>;
  /** Bodies longer than this many characters are cut, after redaction, and end in `…[truncated]`. */
  maxBodyChars?: number;
}

/**
 * A copy of the exchange with every known secret replaced by its marker (the exact values
 * first, then values under secret names), then bodies cut to `maxBodyChars`: redaction
 * comes first, so a cut never leaves half a secret readable.
 */
export function redactExchange(e: Exchange, secrets: SecretSet, options: RedactExchangeOptions = {}): Exchange {
  const names = secretNames(options.names);
  const text = (s: string) => redactText(s, secrets, names);
  const body = (s: string | undefined) => (s === undefined ? {} : { body: truncate(text(s), options.maxBodyChars) });
  return {
    ...e,
    request: { method: e.request.method, url: text(e.request.url), headers: redactHeaders(e.request.headers, text), ...body(e.request.body) },
    response: { status: e.response.status, headers: redactHeaders(e.response.headers, text), ...body(e.response.body) },
  };
}

function truncate(text: string, max: number | undefined): string {
  return max !== undefined && text.length > max ? `${text.slice(0, max)}…[truncated]` : text;
}

/** Redacts free text (messages, client output): the known secrets, then values under secret names. */
export function redactText(text: string, secrets: SecretSet, names: ReadonlySet<string> = SECRET_NAMES): string {
  return scrubText(secrets.sweep(text), names);
}
