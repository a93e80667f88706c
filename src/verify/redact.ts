/**
 * Local redaction of recorded exchanges: client secrets, tokens, codes, passwords,
 * Basic/Bearer credentials and PKCE verifiers become `[redacted:<first 8 hex of sha256>]`,
 * so equal values still correlate across exchanges without being readable.
 * (A shared redactor will replace this module; keep the signature.)
 */
import { createHash } from 'node:crypto';
import type { Exchange } from '../results/model.js';

/** Parameter and JSON member names whose values are always secret. */
export const SENSITIVE_NAMES: ReadonlySet<string> = new Set([
  'client_secret',
  'code',
  'code_verifier',
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'password',
  'client_assertion',
  'assertion',
  'registration_access_token',
  'device_code',
  'subject_token',
  'actor_token',
]);

/** The marker that replaces a secret value. */
export function redactionMarker(value: string): string {
  return `[redacted:${createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 8)}]`;
}

export interface RedactOptions {
  /** Known secret values (client secrets, passwords) to hide wherever they appear. */
  secrets?: Iterable<string>;
  /** Extra parameter names to treat as secret (e.g. the login form's password field). */
  names?: Iterable<string>;
}

/** Return a redacted copy of `exchange`. */
export function redactExchange(exchange: Exchange, options: RedactOptions = {}): Exchange {
  const names = new Set([...SENSITIVE_NAMES, ...(options.names ?? [])]);
  const secrets = [...(options.secrets ?? [])].filter((s) => s.length >= 4);
  const text = (s: string): string => hideSecrets(s, secrets);
  const body = (s: string | undefined): string | undefined => (s === undefined ? s : text(redactBody(s, names)));
  return {
    ...exchange,
    request: {
      ...exchange.request,
      url: text(redactUrl(exchange.request.url, names)),
      headers: mapHeaders(exchange.request.headers, names, text),
      body: body(exchange.request.body),
    },
    response: {
      ...exchange.response,
      headers: mapHeaders(exchange.response.headers, names, text),
      body: body(exchange.response.body),
    },
  };
}

function mapHeaders(
  headers: Record<string, string>,
  names: Set<string>,
  text: (s: string) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      const sp = value.indexOf(' ');
      out[name] = sp > 0 ? `${value.slice(0, sp)} ${redactionMarker(value.slice(sp + 1).trim())}` : redactionMarker(value);
    } else if (lower === 'cookie') {
      out[name] = value.replace(/([^=;\s]+)=([^;]*)/g, (_m, k: string, v: string) => `${k}=${v ? redactionMarker(v) : ''}`);
    } else if (lower === 'set-cookie') {
      out[name] = value
        .split('\n')
        .map((c) => c.replace(/^([^=;\s]+)=([^;]*)/, (_m, k: string, v: string) => `${k}=${v ? redactionMarker(v) : ''}`))
        .join('\n');
    } else if (lower === 'location' || lower === 'content-location') {
      out[name] = text(redactUrl(value, names));
    } else {
      out[name] = text(value);
    }
  }
  return out;
}

/** Redact sensitive query and fragment parameters of a URL (absolute or relative). */
export function redactUrl(url: string, names: ReadonlySet<string> = SENSITIVE_NAMES): string {
  return url.replace(/([?#&])([^=&#]+)=([^&#]*)/g, (m, sep: string, k: string, v: string) => {
    let key = k;
    try {
      key = decodeURIComponent(k.replace(/\+/g, ' '));
    } catch {
      /* keep raw */
    }
    return names.has(key) && v ? `${sep}${k}=${redactionMarker(v)}` : m;
  });
}

const JSON_MEMBER = /"((?:[^"\\]|\\.)*)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;
/** `name=value` inside text: after start, `?`, `#`, `&` or `&amp;`. */
const TEXT_PARAM = /(^|[?#&;\s"'])([A-Za-z_]+)=([^&#\s"'<>]+)/g;

function redactBody(body: string, names: Set<string>): string {
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    return body.replace(JSON_MEMBER, (m, k: string, colon: string, v: string) => (names.has(k) ? `"${k}"${colon}"${redactionMarker(v)}"` : m));
  }
  return body.replace(TEXT_PARAM, (m, pre: string, k: string, v: string) => (names.has(k) ? `${pre}${k}=${redactionMarker(v)}` : m));
}

/**
 * Secret values carried by an exchange under sensitive names (URL and body parameters,
 * JSON members, Bearer/Basic credentials), so that later copies of the same value
 * (echoed in an HTML body, sent back in another request) can be hidden too.
 */
export function collectSecrets(exchange: Exchange, extraNames: Iterable<string> = []): string[] {
  const names = new Set([...SENSITIVE_NAMES, ...extraNames]);
  const out = new Set<string>();
  const fromText = (text: string | undefined): void => {
    if (!text) return;
    for (const m of text.matchAll(JSON_MEMBER)) if (names.has(m[1]!)) out.add(m[3]!);
    for (const m of text.matchAll(TEXT_PARAM)) {
      if (!names.has(m[2]!)) continue;
      out.add(m[3]!);
      try {
        out.add(decodeURIComponent(m[3]!.replace(/\+/g, ' ')));
      } catch {
        /* keep raw */
      }
    }
  };
  fromText(exchange.request.url);
  fromText(exchange.request.body);
  fromText(exchange.response.body);
  fromText(exchange.response.headers.location);
  const auth = exchange.request.headers.authorization;
  if (auth?.includes(' ')) out.add(auth.slice(auth.indexOf(' ') + 1).trim());
  return [...out].filter((v) => v.length >= 8);
}

function hideSecrets(s: string, secrets: string[]): string {
  let out = s;
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret), new URLSearchParams([['', secret]]).toString().slice(1)])) {
      if (out.includes(form)) out = out.split(form).join(redactionMarker(secret));
    }
  }
  return out;
}
