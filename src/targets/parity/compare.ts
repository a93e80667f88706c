/**
 * Comparing one scenario's exchange on the mock with the same scenario's exchange on a
 * real server, step by step and endpoint by endpoint. Only what a client reacts to is
 * compared: the status, the OAuth error code, which token response members are present,
 * the token type and lifetime, `Cache-Control` and the `WWW-Authenticate` scheme, where
 * the browser was sent back to, and the verdicts. Login pages, URLs, token values and
 * timings differ by nature and are left out, and so is prose: a step or a case counts as
 * failed only for an expectation about a protocol fact, not for one about the wording of an
 * `error_description` or a message (a scenario matching the mock's wording with
 * `/more than one/` says nothing about the real server's behaviour).
 */
import { getHeader, oauthErrorCode, requestParams, responseFields } from '../../observe/wire.js';
import type { CaseResult, Exchange } from '../../results/model.js';

/** Token response members whose presence is compared (RFC 6749 §5.1, OpenID Connect Core §3.1.3.3). */
export const TOKEN_MEMBERS = ['access_token', 'token_type', 'expires_in', 'refresh_token', 'scope', 'id_token'] as const;

/** Endpoints whose answers the client reads; discovery, jwks and login pages are left out. */
export const COMPARED_ENDPOINTS = ['token', 'revocation', 'introspection', 'userinfo', 'api', 'unknown'] as const;

/** Every field a difference can be about. */
export const PARITY_FIELDS = ['case verdict', 'step verdict', 'redirect', 'requests', 'status', 'error', ...TOKEN_MEMBERS.map((m) => `member ${m}`), 'token_type', 'expires_in', 'refresh rotation', 'cache-control', 'www-authenticate'] as const;

/** What the client saw of one answer. */
export interface CallFacts {
  status: number;
  error?: string;
  /** Token endpoint, 2xx: which of {@link TOKEN_MEMBERS} the JSON had. */
  members?: string[];
  tokenType?: string;
  expiresIn?: unknown;
  /**
   * Refresh grants answered 2xx: `new` (another refresh token came back), `same` (the one
   * sent came back), `none`. Read off redacted values: one value keeps one fingerprint.
   */
  refreshRotation?: 'new' | 'same' | 'none';
  cacheControl?: string;
  /** The auth scheme of `WWW-Authenticate` (`Basic`, `Bearer`), as sent. */
  wwwAuthenticate?: string;
}

export interface StepFacts {
  passed: boolean | undefined;
  /** Where the browser went back to in this step: `code`, `error=access_denied`, `none`; undefined without a user agent. */
  redirect?: string;
  calls: Record<string, CallFacts[]>;
}

export interface ParityDifference {
  /** The scenario step (`1. connect` or its name), or `(case)`. */
  step: string;
  /** The endpoint, or `-` for step-level fields. */
  endpoint: string;
  /** Which call to that endpoint within the step, from 1. */
  call: number;
  field: string;
  mock: unknown;
  target: unknown;
}

/** Expectations about wording (error_description, messages), not protocol facts. */
const PROSE = /(^|\.)(error_description|errorDescription|error_uri|message|description|detail)$/;

/** Failed for a protocol fact: some failed expectation is not about wording (a step without expectations keeps its verdict). */
function failedOnFacts(expectations: readonly { passed: boolean; path: string }[], passed: boolean): boolean {
  if (passed) return false;
  const failed = expectations.filter((x) => !x.passed);
  return !failed.length || failed.some((x) => !PROSE.test(x.path));
}

/** The case verdict with wording-only failures counted as passed. */
function protocolVerdict(c: CaseResult): CaseResult['verdict'] {
  if (c.verdict !== 'failed') return c.verdict;
  const steps = c.steps.filter((s) => !s.passed);
  return !steps.length || steps.some((s) => failedOnFacts(s.expectations, s.passed)) ? 'failed' : 'passed';
}

export function callFacts(e: Exchange): CallFacts {
  const f: CallFacts = { status: e.response.status };
  const error = oauthErrorCode(e.response);
  if (error) f.error = error;
  if (e.endpoint === 'token') {
    const body = responseFields(e.response);
    if (e.response.status < 300 && body) {
      f.members = TOKEN_MEMBERS.filter((m) => body[m] !== undefined);
      if (body.token_type !== undefined) f.tokenType = String(body.token_type);
      if (body.expires_in !== undefined) f.expiresIn = body.expires_in;
      const sent = requestParams(e.request);
      if (sent.get('grant_type') === 'refresh_token') {
        const back = body.refresh_token;
        f.refreshRotation = typeof back !== 'string' ? 'none' : back === sent.get('refresh_token') ? 'same' : 'new';
      }
    }
    const cc = getHeader(e.response.headers, 'cache-control');
    if (cc) f.cacheControl = cc.toLowerCase().replace(/\s+/g, '');
  }
  const challenge = getHeader(e.response.headers, 'www-authenticate');
  if (challenge) f.wwwAuthenticate = /^\s*([\w-]+)/.exec(challenge)?.[1] ?? challenge;
  return f;
}

/** `code`, `error=<code>` or `none`: where the authorization ended, read off the `Location` headers of a step. */
function redirectOf(exchanges: Exchange[]): string | undefined {
  const ua = exchanges.filter((e) => e.from === 'user-agent');
  if (!ua.length) return undefined;
  for (const e of ua) {
    const loc = getHeader(e.response.headers, 'location');
    if (!loc || !URL.canParse(loc, e.request.url)) continue;
    const q = new URL(loc, e.request.url).searchParams;
    if (q.has('code') && q.has('state')) return 'code';
    if (q.has('error') && q.has('state')) return `error=${q.get('error')}`;
  }
  return 'none';
}

/** Per step, what the client saw; steps named as in the scenario. */
export function stepFacts(c: CaseResult): Map<string, StepFacts> {
  const out = new Map<string, StepFacts>();
  for (const s of c.steps) if (s.name !== 'client verdicts') out.set(s.name, { passed: !failedOnFacts(s.expectations, s.passed), calls: {} });
  const byStep = new Map<string, Exchange[]>();
  for (const e of c.exchanges) if (e.step) byStep.set(e.step, [...(byStep.get(e.step) ?? []), e]);
  for (const [step, exchanges] of byStep) {
    const facts = out.get(step) ?? { passed: undefined, calls: {} };
    const redirect = redirectOf(exchanges);
    if (redirect) facts.redirect = redirect;
    for (const e of exchanges) {
      const ep = e.endpoint ?? 'unknown';
      if (!(COMPARED_ENDPOINTS as readonly string[]).includes(ep)) continue;
      (facts.calls[ep] ??= []).push(callFacts(e));
    }
    out.set(step, facts);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function compareCalls(step: string, endpoint: string, mock: CallFacts[], target: CallFacts[], out: ParityDifference[]): void {
  if (mock.length !== target.length) out.push({ step, endpoint, call: 0, field: 'requests', mock: mock.length, target: target.length });
  for (let i = 0; i < Math.min(mock.length, target.length); i++) {
    const m = mock[i]!;
    const t = target[i]!;
    const d = (field: string, a: unknown, b: unknown) => {
      if (!same(a, b)) out.push({ step, endpoint, call: i + 1, field, mock: a ?? null, target: b ?? null });
    };
    d('status', m.status, t.status);
    d('error', m.error, t.error);
    if (m.members || t.members) for (const name of TOKEN_MEMBERS) d(`member ${name}`, m.members?.includes(name) ? 'present' : 'absent', t.members?.includes(name) ? 'present' : 'absent');
    d('token_type', m.tokenType, t.tokenType);
    d('expires_in', m.expiresIn, t.expiresIn);
    d('refresh rotation', m.refreshRotation, t.refreshRotation);
    d('cache-control', m.cacheControl, t.cacheControl);
    d('www-authenticate', m.wwwAuthenticate, t.wwwAuthenticate);
  }
}

/** Every difference between the mock's case and the target's case of one scenario. */
export function compareCases(mock: CaseResult, target: CaseResult): ParityDifference[] {
  const out: ParityDifference[] = [];
  const [mv, tv] = [protocolVerdict(mock), protocolVerdict(target)];
  if (mv !== tv) out.push({ step: '(case)', endpoint: '-', call: 0, field: 'case verdict', mock: mv, target: tv });
  const a = stepFacts(mock);
  const b = stepFacts(target);
  for (const step of new Set([...a.keys(), ...b.keys()])) {
    const m = a.get(step) ?? { passed: undefined, calls: {} };
    const t = b.get(step) ?? { passed: undefined, calls: {} };
    if (m.passed !== t.passed) out.push({ step, endpoint: '-', call: 0, field: 'step verdict', mock: m.passed === undefined ? null : m.passed ? 'passed' : 'failed', target: t.passed === undefined ? null : t.passed ? 'passed' : 'failed' });
    if (m.redirect !== t.redirect) out.push({ step, endpoint: 'authorize', call: 0, field: 'redirect', mock: m.redirect ?? null, target: t.redirect ?? null });
    for (const ep of COMPARED_ENDPOINTS) {
      if (m.calls[ep] || t.calls[ep]) compareCalls(step, ep, m.calls[ep] ?? [], t.calls[ep] ?? [], out);
    }
  }
  return out;
}
