/**
 * A second redaction pass that needs no list of secrets: values of secret-named
 * parameters (`client_secret=…`, `"refresh_token": "…"`), Basic and Bearer credentials in
 * free text, and expectations about secret parameters become markers. The runner's
 * `SecretSet` sweep does the real work with the exact values; this pass guards every
 * report against a value the sweep never learned (a secret typed into a scenario's
 * expectation, a token in a client's error message).
 */
import type { CaseResult, Exchange, ExpectationResult } from '../results/model.js';
import { mark } from './marker.js';

/**
 * Parameter and JSON member names whose values are always secret (RFC 6749 §2.3.1, §4.1.2,
 * §5.1; RFC 7636 §4.1; RFC 7523; RFC 7591 §3.2.1; RFC 8628 §3.2; RFC 8693 §2.1).
 */
export const SECRET_NAMES: ReadonlySet<string> = new Set([
  'client_secret',
  'password',
  'access_token',
  'refresh_token',
  'id_token',
  'code_verifier',
  'client_assertion',
  'assertion',
  'registration_access_token',
  'device_code',
  'subject_token',
  'actor_token',
  'code',
  'token',
  'txn',
]);

/** The name sets made here, which nobody changes (see {@link namedValuePatterns}). */
const ownSets = new WeakSet<object>([SECRET_NAMES]);

/** The patterns that find secret-named values in text, for one set of names. */
export interface NamedValuePatterns {
  /** `name=value` after the start, `?`, `#`, `&`, `;` (as in `&amp;`), a quote, white space, `,` or `(`. */
  form: RegExp;
  /** `"name": "value"`. */
  json: RegExp;
  /** An expectation path ending in a secret name. */
  path: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cache = new Map<string, NamedValuePatterns>();
/**
 * The patterns of the name sets made here ({@link SECRET_NAMES} and {@link secretNames}'s,
 * never changed after): scrubbing a report asks for them once per text, so the sort and
 * join are paid once per set. A set or list from elsewhere may change, so it is not kept.
 */
const bySet = new WeakMap<object, NamedValuePatterns>();

/** The patterns for `names` (longest name first, so `code_verifier` is not read as `code`). */
export function namedValuePatterns(names: Iterable<string> = SECRET_NAMES): NamedValuePatterns {
  const known = bySet.get(names);
  if (known) return known;
  const patterns = patternsFor(names);
  if (ownSets.has(names)) bySet.set(names, patterns);
  return patterns;
}

function patternsFor(names: Iterable<string>): NamedValuePatterns {
  const list = [...new Set(names)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const key = list.join('|');
  let patterns = cache.get(key);
  if (!patterns) {
    const alt = list.map(escape).join('|');
    patterns = {
      form: new RegExp(`(^|[?#&\\s;,("'])(${alt})=([^&#\\s"'<>;,)]+)`, 'g'),
      json: new RegExp(`("(?:${alt})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)+)"`, 'g'),
      path: new RegExp(`\\.(?:${alt})$`),
    };
    cache.set(key, patterns);
  }
  return patterns;
}

/** {@link secretNames}' sets by their extra names (a few: a login form's field, a probe's names), so their patterns are kept too. */
const extended = new Map<string, ReadonlySet<string>>();

/** Names to treat as secret: the standard ones plus `extra` (e.g. a login form's password field). */
export function secretNames(extra: Iterable<string> = []): ReadonlySet<string> {
  const added = [...extra];
  if (!added.length) return SECRET_NAMES;
  const key = added.join('\u0000');
  let names = extended.get(key);
  if (!names) {
    names = new Set([...SECRET_NAMES, ...added]);
    ownSets.add(names);
    if (extended.size < 64) extended.set(key, names);
  }
  return names;
}

const CREDENTIALS = /\b(Basic|Bearer)\s+([A-Za-z0-9\-._~+/]{12,}=*)/g;

/** Redacts secret-named values and credentials in one text (`names`: the secret names, default {@link SECRET_NAMES}). */
export function scrubText(text: string, names: ReadonlySet<string> = SECRET_NAMES): string {
  if (!text) return text;
  const { form, json } = namedValuePatterns(names);
  return text
    .replace(form, (_m, pre: string, k: string, v: string) => `${pre}${k}=${mark(v)}`)
    .replace(json, (_m, head: string, v: string) => `${head}${mark(v)}"`)
    .replace(CREDENTIALS, (m, scheme: string, v: string) => (/[0-9+/=._~-]/.test(v) ? `${scheme} ${mark(v)}` : m));
}

function scrubValue(v: unknown): unknown {
  if (typeof v === 'string') return scrubText(v);
  if (Array.isArray(v)) return v.map(scrubValue);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrubValue(x)]));
  return v;
}

function scrubExpectation(x: ExpectationResult): ExpectationResult {
  // an expectation about a secret parameter: its literal values are secrets (matchers are not)
  const secretLiteral = (v: unknown) => typeof v === 'string' && namedValuePatterns().path.test(x.path) && v !== 'present' && v !== 'absent' && !/^\/.*\/\w*$/.test(v);
  return {
    ...x,
    message: scrubText(x.message),
    ...(x.expected !== undefined ? { expected: secretLiteral(x.expected) ? mark(x.expected as string) : scrubValue(x.expected) } : {}),
    ...(x.actual !== undefined ? { actual: secretLiteral(x.actual) ? mark(x.actual as string) : scrubValue(x.actual) } : {}),
  };
}

function scrubHeaders(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k, /^(authorization|proxy-authorization|cookie|set-cookie)$/i.test(k) && !/\[redacted:/.test(v) ? (/^(\w+)\s+(.+)$/.test(v) ? v.replace(/^(\w+)\s+(.+)$/, (_m, s: string, c: string) => `${s} ${mark(c)}`) : mark(v)) : scrubText(v)]));
}

function scrubExchange(e: Exchange): Exchange {
  return {
    ...e,
    request: { ...e.request, url: scrubText(e.request.url), headers: scrubHeaders(e.request.headers), ...(e.request.body !== undefined ? { body: scrubText(e.request.body) } : {}) },
    response: { ...e.response, headers: scrubHeaders(e.response.headers), ...(e.response.body !== undefined ? { body: scrubText(e.response.body) } : {}) },
  };
}

/** The case with every string passed through `scrubText` (idempotent; markers stay). */
export function scrubCase(c: CaseResult): CaseResult {
  return {
    ...c,
    title: scrubText(c.title),
    ...(c.message !== undefined ? { message: scrubText(c.message) } : {}),
    steps: c.steps.map((s) => ({ ...s, name: scrubText(s.name), ...(s.detail !== undefined ? { detail: scrubText(s.detail) } : {}), expectations: s.expectations.map(scrubExpectation) })),
    exchanges: c.exchanges.map(scrubExchange),
    diagnoses: c.diagnoses.map((d) => ({ ...d, cause: scrubText(d.cause), fix: d.fix.map((f) => scrubText(f)) })),
    ...(c.warnings ? { warnings: c.warnings.map((w) => ({ code: w.code, message: scrubText(w.message) })) } : {}),
    ...(c.clientVerdicts ? { clientVerdicts: c.clientVerdicts.map((v) => ({ ...v, detail: scrubText(v.detail) })) } : {}),
    ...(c.clientRuns ? { clientRuns: c.clientRuns.map((r) => ({ ...r, command: scrubText(r.command), stdout: scrubText(r.stdout), stderr: scrubText(r.stderr) })) } : {}),
  };
}
