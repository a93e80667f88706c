/**
 * Checking a step's `expect` block against what was observed. One function per kind of
 * expectation; each returns `ExpectationResult`s with expected and actual values.
 */
import { parseDuration } from '../../mocks/provider/clock.js';
import type { RecordedExchange } from '../../mocks/provider/provider.js';
import { credentialPlacement, getHeader, oauthErrorCode, requestParams, responseFields } from '../observe/wire.js';
import type { ExpectationResult } from '../results/model.js';
import type { Matcher, StepExpect } from '../scenario/expect-schema.js';
import type { StepObservation } from './scenario-env.js';

const DEFAULT_ENDPOINT: Record<string, string> = {
  connect: 'token',
  refresh: 'token',
  clientCredentials: 'token',
  revoke: 'revocation',
  disconnect: 'revocation',
  callApi: 'api',
};

function asRegex(m: Matcher): RegExp | undefined {
  if (typeof m !== 'string' || m.length <= 2 || !m.startsWith('/') || m.lastIndexOf('/') <= 0) return undefined;
  const end = m.lastIndexOf('/');
  return new RegExp(m.slice(1, end), m.slice(end + 1));
}

/**
 * Whether `actual` (undefined = absent) satisfies a matcher: `present`, `absent`, a
 * `/regex/` (on a string, or on the JSON text of an object or array), or a literal of
 * the same JSON type and value: the number 3600 never matches the string "3600".
 */
export function matches(m: Matcher, actual: unknown): boolean {
  if (m === 'present') return actual !== undefined;
  if (m === 'absent') return actual === undefined;
  if (actual === undefined) return false;
  const re = asRegex(m);
  if (re) return typeof actual === 'string' ? re.test(actual) : typeof actual === 'object' && actual !== null ? re.test(JSON.stringify(actual)) : false;
  return sameJson(m, actual);
}

/** JSON equality with types: same type, same value; arrays in order; objects with the same members. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (kind(a) !== kind(b) || typeof a !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameJson(x, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b as object, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const WORD: Record<string, string> = { number: 'the number', string: 'the string', boolean: 'the boolean', object: 'the object', array: 'the array', null: '' };

/** A value in a message: JSON, with its type named when the two sides differ in type. */
function shown(v: unknown, typed: boolean): string {
  if (v === undefined) return '(absent)';
  const text = JSON.stringify(v) ?? String(v);
  return typed && WORD[kind(v)] ? `${WORD[kind(v)]} ${text}` : text;
}

/** `expected "invalid_grant", got "invalid_scope"`; with the types when they differ (`expected the number 3600, got the string "3600"`). */
export function expectedVsActual(m: unknown, actual: unknown): string {
  const keyword = m === 'present' || m === 'absent';
  const re = typeof m === 'string' ? asRegex(m) : undefined;
  const typed = !keyword && !re && m !== undefined && actual !== undefined && kind(m) !== kind(actual);
  const want = keyword ? (m as string) : re ? `a value matching ${m as string}` : shown(m, typed);
  return `expected ${want}, got ${shown(actual, typed)}`;
}

/** One field expectation: `what: actual` when it holds, `what: expected X, got Y` when it does not. */
function field(path: string, passed: boolean, what: string, expected: unknown, actual: unknown): ExpectationResult {
  return { path, passed, message: `${what}: ${passed ? shown(actual, false) : expectedVsActual(expected, actual)}`, expected, actual };
}

/** `code: message`, without repeating the code when the message already starts with it. */
function describeError(e: { code: string; message: string }): string {
  return e.message.startsWith(`${e.code}:`) ? e.message : `${e.code}: ${e.message}`;
}

function result(path: string, passed: boolean, message: string, expected: unknown, actual: unknown): ExpectationResult {
  return { path, passed, message, expected, actual };
}

type RequestExpect = NonNullable<StepExpect['request']>;
type ResponseExpect = NonNullable<StepExpect['response']>;

/** The checks of one endpoint's last request of the step and its response (`at` turns `request.method` into the expectation's path). */
function exchangeChecks(at: (s: string) => string, endpoint: string, r: RequestExpect | undefined, s: ResponseExpect | undefined, exchanges: RecordedExchange[]): ExpectationResult[] {
  const out: ExpectationResult[] = [];
  const hits = exchanges.filter((e) => e.endpoint === endpoint || (endpoint === 'api' && e.endpoint === 'userinfo'));
  const last = hits[hits.length - 1];
  if (r?.count !== undefined) out.push(field(at('request.count'), hits.length === r.count, `requests to the ${endpoint} endpoint`, r.count, hits.length));
  if (!last) {
    if (r?.count !== 0) out.push(result(at(r ? 'request' : 'response'), false, `the client sent no request to the ${endpoint} endpoint during this step`, endpoint, null));
    return out;
  }
  const req = { method: last.request.method, url: last.request.url, headers: last.request.headers, body: last.request.body };
  if (r?.method) out.push(field(at('request.method'), r.method === req.method, `the ${endpoint} request's method`, r.method, req.method));
  if (r?.credentials) {
    const actual = credentialPlacement(req);
    out.push(field(at('request.credentials'), actual === r.credentials, 'client credentials sent in', r.credentials, actual));
  }
  const params = requestParams(req);
  for (const [k, m] of Object.entries(r?.params ?? {})) {
    const actual = params.get(k) ?? undefined;
    out.push(field(at(`request.params.${k}`), matches(m, actual), `parameter ${k}`, m, actual));
  }
  for (const [k, m] of Object.entries(r?.headers ?? {})) {
    const actual = getHeader(req.headers, k);
    out.push(field(at(`request.headers.${k}`), matches(m, actual), `request header ${k}`, m, actual));
  }
  const res = { status: last.response.status, headers: last.response.headers, body: last.response.body };
  if (s?.status !== undefined) out.push(field(at('response.status'), s.status === res.status, `the ${endpoint} endpoint's status`, s.status, res.status));
  if (s?.error !== undefined) {
    const actual = oauthErrorCode(res);
    out.push(field(at('response.error'), actual === s.error, `the ${endpoint} endpoint's error`, s.error, actual));
  }
  for (const [k, m] of Object.entries(s?.headers ?? {})) {
    const actual = getHeader(res.headers, k);
    out.push(field(at(`response.headers.${k}`), matches(m, actual), `response header ${k}`, m, actual));
  }
  const fields = responseFields(res) ?? {};
  for (const [k, m] of Object.entries(s?.body ?? {})) out.push(field(at(`response.body.${k}`), matches(m, fields[k]), `response member ${k}`, m, fields[k]));
  return out;
}

/** Checks one step; `exchanges` are the provider-recorded exchanges of this step. */
export function checkStep(prefix: string, exp: StepExpect | undefined, obs: StepObservation, exchanges: RecordedExchange[], now: number): ExpectationResult[] {
  const out: ExpectationResult[] = [];
  const p = (s: string) => `${prefix}.expect.${s}`;
  const expectsFailure = exp?.outcome === 'failure' || exp?.error !== undefined;
  const outcome = obs.ok ? 'success' : 'failure';
  if (exp?.outcome !== undefined || exp?.error !== undefined) {
    const want = expectsFailure ? 'failure' : 'success';
    out.push(result(p('outcome'), outcome === want, outcome === want ? `the client's ${obs.action} ended in ${outcome}` : `expected ${want}, but the client's ${obs.action} ended in ${outcome}${obs.error ? ` (${describeError(obs.error)})` : ''}`, want, outcome));
  } else if (!obs.ok) {
    out.push(result(`${prefix}`, false, `unexpected failure: ${obs.error ? describeError(obs.error) : 'unknown error'}`, 'success', outcome));
  }
  if (exp?.error !== undefined) {
    const actual = obs.error?.code;
    out.push(result(p('error'), actual === exp.error, actual === exp.error ? `the client reported ${actual}` : `expected the client to report "${exp.error}", got ${actual ? `"${actual}"` : 'no error'}`, exp.error, actual));
  }
  const codes = obs.warnings.map((w) => w.code as string);
  for (const w of exp?.warnings ?? []) out.push(result(p('warnings'), codes.includes(w), codes.includes(w) ? `warning ${w} raised` : `expected warning "${w}", the client raised ${codes.length ? codes.join(', ') : 'none'}`, w, codes));
  for (const w of exp?.noWarnings ?? []) out.push(result(p('noWarnings'), !codes.includes(w), !codes.includes(w) ? `no ${w} warning` : `the client raised "${w}" but should not have`, `not ${w}`, codes));
  if (exp?.redirect !== undefined) out.push(result(p('redirect'), obs.redirect === exp.redirect, `expected redirect ${exp.redirect}, observed ${obs.redirect ?? 'no authorization'}`, exp.redirect, obs.redirect));

  const endpoint = exp?.request?.endpoint ?? DEFAULT_ENDPOINT[obs.action] ?? obs.action;
  if (exp?.request || exp?.response) out.push(...exchangeChecks(p, endpoint, exp.request, exp.response, exchanges));
  // more exchanges of the same step, each by its endpoint (the authorization request and the token response together)
  for (const [i, x] of (exp?.exchanges ?? []).entries()) {
    out.push(...exchangeChecks((s) => p(`exchanges[${i}].${s}`), x.endpoint, { ...x.request, ...(x.count !== undefined ? { count: x.count } : {}) }, x.response, exchanges));
  }
  const t = exp?.tokens;
  if (t) {
    const after = obs.tokensAfter;
    if (t.access) out.push(field(p('tokens.access'), (after !== undefined) === (t.access === 'present'), "the client's access token", t.access, after ? 'present' : 'absent'));
    if (t.refresh) {
      const has = after?.refreshToken !== undefined;
      out.push(field(p('tokens.refresh'), has === (t.refresh === 'present'), "the client's refresh token", t.refresh, has ? 'present' : 'absent'));
    }
    if (t.expires) {
      const actual = after?.expiresAt === undefined ? 'no token' : after.expiresAt === null ? 'never' : `${Math.round((after.expiresAt - now) / 1000)}s`;
      const ok = t.expires === 'never' ? after?.expiresAt === null : after?.expiresAt != null && Math.abs(after.expiresAt - now - parseDuration(t.expires)) <= 2000;
      out.push(field(p('tokens.expires'), ok, 'the access token expires in', t.expires, actual));
    }
    if (t.scopes) {
      const actual = after?.scopes ?? [];
      const ok = actual.length === t.scopes.length && t.scopes.every((s) => actual.includes(s));
      out.push(field(p('tokens.scopes'), ok, 'the scopes the client holds', t.scopes, actual));
    }
    if (t.refreshRotated !== undefined) {
      const rotated = obs.tokensBefore?.refreshToken !== undefined && after?.refreshToken !== undefined && obs.tokensBefore.refreshToken !== after.refreshToken;
      out.push(field(p('tokens.refreshRotated'), rotated === t.refreshRotated, 'the refresh token changed (rotation)', t.refreshRotated, rotated));
    }
  }
  return out;
}
