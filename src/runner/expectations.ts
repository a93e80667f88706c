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

/** Whether `actual` satisfies a matcher: a literal, `present`, `absent`, or `/regex/`. */
export function matches(m: Matcher, actual: string | undefined): boolean {
  if (m === 'present') return actual !== undefined;
  if (m === 'absent') return actual === undefined;
  if (actual === undefined) return false;
  if (typeof m === 'string' && m.length > 2 && m.startsWith('/') && m.lastIndexOf('/') > 0) {
    const end = m.lastIndexOf('/');
    return new RegExp(m.slice(1, end), m.slice(end + 1)).test(actual);
  }
  return String(m) === actual;
}

/** `code: message`, without repeating the code when the message already starts with it. */
function describeError(e: { code: string; message: string }): string {
  return e.message.startsWith(`${e.code}:`) ? e.message : `${e.code}: ${e.message}`;
}

function result(path: string, passed: boolean, message: string, expected: unknown, actual: unknown): ExpectationResult {
  return { path, passed, message, expected, actual };
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
  if (exp?.request || exp?.response) {
    const hits = exchanges.filter((e) => e.endpoint === endpoint || (endpoint === 'api' && e.endpoint === 'userinfo'));
    const last = hits[hits.length - 1];
    if (exp.request?.count !== undefined) out.push(result(p('request.count'), hits.length === exp.request.count, `${hits.length} request(s) to ${endpoint}`, exp.request.count, hits.length));
    if (!last) {
      if (exp.request?.count !== 0) out.push(result(p(exp.request ? 'request' : 'response'), false, `the client sent no request to the ${endpoint} endpoint during this step`, endpoint, null));
    } else {
      const req = { method: last.request.method, url: last.request.url, headers: last.request.headers, body: last.request.body };
      const r = exp.request;
      if (r?.method) out.push(result(p('request.method'), r.method === req.method, `${endpoint} request method ${req.method}`, r.method, req.method));
      if (r?.credentials) {
        const actual = credentialPlacement(req);
        out.push(result(p('request.credentials'), actual === r.credentials, `client credentials sent in: ${actual}`, r.credentials, actual));
      }
      const params = requestParams(req);
      for (const [k, m] of Object.entries(r?.params ?? {})) {
        const actual = params.get(k) ?? undefined;
        out.push(result(p(`request.params.${k}`), matches(m, actual), `parameter ${k} = ${actual === undefined ? '(absent)' : JSON.stringify(actual)}`, m, actual));
      }
      for (const [k, m] of Object.entries(r?.headers ?? {})) {
        const actual = getHeader(req.headers, k);
        out.push(result(p(`request.headers.${k}`), matches(m, actual), `request header ${k}: ${actual ?? '(absent)'}`, m, actual));
      }
      const s = exp.response;
      const res = { status: last.response.status, headers: last.response.headers, body: last.response.body };
      if (s?.status !== undefined) out.push(result(p('response.status'), s.status === res.status, `the ${endpoint} endpoint answered ${res.status}`, s.status, res.status));
      if (s?.error !== undefined) {
        const actual = oauthErrorCode(res);
        out.push(result(p('response.error'), actual === s.error, `the ${endpoint} endpoint's error: ${actual ?? '(none)'}`, s.error, actual));
      }
      for (const [k, m] of Object.entries(s?.headers ?? {})) {
        const actual = getHeader(res.headers, k);
        out.push(result(p(`response.headers.${k}`), matches(m, actual), `response header ${k}: ${actual ?? '(absent)'}`, m, actual));
      }
      const fields = responseFields(res) ?? {};
      for (const [k, m] of Object.entries(s?.body ?? {})) {
        const v = fields[k];
        const actual = v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v);
        out.push(result(p(`response.body.${k}`), matches(m, actual), `response member ${k}: ${actual ?? '(absent)'}`, m, actual));
      }
    }
  }
  const t = exp?.tokens;
  if (t) {
    const after = obs.tokensAfter;
    if (t.access) out.push(result(p('tokens.access'), (after !== undefined) === (t.access === 'present'), `the client ${after ? 'holds' : 'holds no'} access token`, t.access, after ? 'present' : 'absent'));
    if (t.refresh) {
      const has = after?.refreshToken !== undefined;
      out.push(result(p('tokens.refresh'), has === (t.refresh === 'present'), `the client ${has ? 'holds' : 'holds no'} refresh token`, t.refresh, has ? 'present' : 'absent'));
    }
    if (t.expires) {
      const actual = after?.expiresAt === undefined ? 'no token' : after.expiresAt === null ? 'never' : `${Math.round((after.expiresAt - now) / 1000)}s`;
      const ok = t.expires === 'never' ? after?.expiresAt === null : after?.expiresAt != null && Math.abs(after.expiresAt - now - parseDuration(t.expires)) <= 2000;
      out.push(result(p('tokens.expires'), ok, `the access token expires in ${actual}`, t.expires, actual));
    }
    if (t.scopes) {
      const actual = after?.scopes ?? [];
      const ok = actual.length === t.scopes.length && t.scopes.every((s) => actual.includes(s));
      out.push(result(p('tokens.scopes'), ok, `the client holds scopes [${actual.join(' ')}]`, t.scopes, actual));
    }
    if (t.refreshRotated !== undefined) {
      const rotated = obs.tokensBefore?.refreshToken !== undefined && after?.refreshToken !== undefined && obs.tokensBefore.refreshToken !== after.refreshToken;
      out.push(result(p('tokens.refreshRotated'), rotated === t.refreshRotated, `the refresh token ${rotated ? 'changed' : 'did not change'}`, t.refreshRotated, rotated));
    }
  }
  return out;
}
