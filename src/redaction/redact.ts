/**
 * Redaction: every secret (client secrets, access/refresh/ID tokens, codes, passwords,
 * Basic and Bearer header values, PKCE verifiers) becomes `[redacted:xxxxxxxx]`, where
 * the 8 hex digits fingerprint the value, so two uses of one token can still be matched.
 * Applied to every exchange before it is stored in a result, so no reporter sees a secret.
 */
import { createHash } from 'node:crypto';
import type { MockProvider } from '../../mocks/provider/provider.js';
import type { Exchange } from '../results/model.js';

const SECRET_PARAMS = new Set(['client_secret', 'code', 'access_token', 'refresh_token', 'id_token', 'token', 'password', 'code_verifier', 'client_assertion', 'assertion', 'device_code', 'txn']);

/** Values a buggy client sends where a secret should be: not secrets, and common words elsewhere. */
const PLACEHOLDERS = new Set(['undefined', 'null', 'none', 'true', 'false', '[object object]']);

/** The marker that replaces a secret value. */
export function fingerprint(value: string): string {
  return `[redacted:${createHash('sha256').update(value).digest('hex').slice(0, 8)}]`;
}

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
  add(value: string | undefined | null): void {
    if (value && value.length >= 4 && !PLACEHOLDERS.has(value.toLowerCase())) this.values.add(value);
  }
  /** Replaces every known secret in a text (longest first), raw and in its encoded spellings. */
  sweep(text: string): string {
    if (!text || this.values.size === 0) return text;
    let out = text;
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) {
      for (const form of spellings(v)) if (out.includes(form)) out = out.split(form).join(fingerprint(v));
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

function learnParams(params: URLSearchParams, secrets: SecretSet): void {
  for (const [k, v] of params) if (SECRET_PARAMS.has(k)) secrets.add(v);
}

function learnJson(value: unknown, secrets: SecretSet): void {
  if (!value || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' && SECRET_PARAMS.has(k)) secrets.add(v);
    else if (typeof v === 'object') learnJson(v, secrets);
  }
}

function learnText(text: string | undefined, secrets: SecretSet): void {
  if (!text) return;
  try {
    learnJson(JSON.parse(text), secrets);
    return;
  } catch {
    /* not JSON */
  }
  if (/^[^<\s]*=/.test(text)) learnParams(new URLSearchParams(text), secrets);
  for (const m of text.matchAll(/name="(txn|password)" value="([^"]+)"/g)) secrets.add(m[2]);
}

function learnHeaders(h: Record<string, string>, secrets: SecretSet): void {
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
        learnParams(new URL(v).searchParams, secrets);
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

/** Learns the secrets an exchange carries (call for every exchange before redacting any). */
export function learnSecrets(e: Exchange, secrets: SecretSet): void {
  try {
    learnParams(new URL(e.request.url).searchParams, secrets);
  } catch {
    /* ignore */
  }
  learnHeaders(e.request.headers, secrets);
  learnHeaders(e.response.headers, secrets);
  learnText(e.request.body, secrets);
  learnText(e.response.body, secrets);
}

function redactHeaders(h: Record<string, string>, secrets: SecretSet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    const key = k.toLowerCase();
    if (key === 'authorization' || key === 'proxy-authorization') {
      const m = /^(\w+)\s+(.+)$/.exec(v);
      out[k] = m ? `${m[1]} ${fingerprint(m[2]!)}` : fingerprint(v);
    } else if (key === 'cookie' || key === 'set-cookie') out[k] = fingerprint(v);
    else out[k] = secrets.sweep(v);
  }
  return out;
}

/** A copy of the exchange with every known secret replaced by its marker. */
export function redactExchange(e: Exchange, secrets: SecretSet): Exchange {
  return {
    ...e,
    request: {
      method: e.request.method,
      url: secrets.sweep(e.request.url),
      headers: redactHeaders(e.request.headers, secrets),
      ...(e.request.body !== undefined ? { body: secrets.sweep(e.request.body) } : {}),
    },
    response: {
      status: e.response.status,
      headers: redactHeaders(e.response.headers, secrets),
      ...(e.response.body !== undefined ? { body: secrets.sweep(e.response.body) } : {}),
    },
  };
}

/** Redacts free text (messages, client output) against the known secrets. */
export function redactText(text: string, secrets: SecretSet): string {
  return secrets.sweep(text);
}
