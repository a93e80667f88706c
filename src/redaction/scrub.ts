/**
 * A second redaction pass that needs no list of secrets: values of secret-named
 * parameters (`client_secret=…`, `"refresh_token": "…"`), Basic and Bearer credentials in
 * free text, and expectations about secret parameters become markers. The runner's
 * `SecretSet` sweep does the real work with the exact values; this pass guards every
 * report against a value the sweep never learned (a secret typed into a scenario's
 * expectation, a token in a client's error message).
 */
import type { CaseResult, Exchange, ExpectationResult } from '../results/model.js';
import { fingerprint } from './redact.js';

const NAMES = 'client_secret|password|access_token|refresh_token|id_token|code_verifier|client_assertion|assertion|device_code|code|token|txn';
const FORM = new RegExp(`(^|[?&\\s;,(])(${NAMES})=([^&\\s"'<>;,)]+)`, 'g');
const JSON_MEMBER = new RegExp(`("(?:${NAMES})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)+)"`, 'g');
const CREDENTIALS = /\b(Basic|Bearer)\s+([A-Za-z0-9\-._~+/]{12,}=*)/g;
const SECRET_PATH = new RegExp(`\\.(?:${NAMES})$`);
const MARKER = /^\[redacted:[0-9a-f]{8}\]$/;

const mark = (v: string) => (MARKER.test(v) || v.startsWith('[redacted:') ? v : fingerprint(v));

/** Redacts secret-named values and credentials in one text. */
export function scrubText(text: string): string {
  if (!text) return text;
  return text
    .replace(FORM, (_m, pre: string, k: string, v: string) => `${pre}${k}=${mark(v)}`)
    .replace(JSON_MEMBER, (_m, head: string, v: string) => `${head}${mark(v)}"`)
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
  const secretLiteral = (v: unknown) => typeof v === 'string' && SECRET_PATH.test(x.path) && v !== 'present' && v !== 'absent' && !/^\/.*\/\w*$/.test(v);
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
    diagnoses: c.diagnoses.map((d) => ({ ...d, cause: scrubText(d.cause), fix: d.fix.map(scrubText) })),
    ...(c.warnings ? { warnings: c.warnings.map((w) => ({ code: w.code, message: scrubText(w.message) })) } : {}),
    ...(c.clientVerdicts ? { clientVerdicts: c.clientVerdicts.map((v) => ({ ...v, detail: scrubText(v.detail) })) } : {}),
    ...(c.clientRuns ? { clientRuns: c.clientRuns.map((r) => ({ ...r, command: scrubText(r.command), stdout: scrubText(r.stdout), stderr: scrubText(r.stderr) })) } : {}),
  };
}
