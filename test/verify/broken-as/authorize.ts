/**
 * Authorization endpoint, login and consent pages of the broken AS (RFC 6749 §3.1,
 * §4.1.1–§4.1.2.1, RFC 9207, RFC 7636 §4.3–§4.4), with their quirks.
 */
import { randomBytes } from 'node:crypto';
import { escapeHtml, formPairs, html, type Req, redirect, type Res, send } from './http.js';
import { type AsClient, type AsState, type Pending, SCOPES, USER } from './state.js';
import { idToken } from './token.js';

const PKCE = /^[A-Za-z0-9\-._~]{43,128}$/;
const KNOWN = new Set(['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method', 'nonce', 'prompt', 'response_mode', 'resource']);

function pageHeaders(state: AsState): Record<string, string> {
  return {
    'cache-control': 'no-store',
    ...(state.has('no-frame-protection') ? {} : { 'content-security-policy': "frame-ancestors 'none'", 'x-frame-options': 'DENY' }),
    ...(state.has('third-party-script') ? {} : { 'referrer-policy': 'no-referrer' }),
  };
}

function errorPage(state: AsState, res: Res, message: string, params: Map<string, string>): void {
  const st = params.get('state') ?? '';
  const ru = params.get('redirect_uri') ?? '';
  const body = state.has('reflect-state-unescaped')
    ? `<h1>Error</h1><p>${message}</p><p>state: ${st}</p><a href="${ru}">back to the application</a>`
    : `<h1>Error</h1><p>${escapeHtml(message)}</p><p>state: ${escapeHtml(st)}</p>`;
  html(res, 400, body, pageHeaders(state));
}

function isLoopbackMatch(state: AsState, registered: string, given: string): boolean {
  let r: URL;
  let g: URL;
  try {
    r = new URL(registered);
    g = new URL(given);
  } catch {
    return false;
  }
  const loop = (u: URL): boolean => u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === '[::1]');
  if (!loop(r) || !loop(g) || r.hostname !== g.hostname) return false;
  if (state.has('loopback-exact-port') && r.port !== g.port) return false;
  return state.has('loopback-any-path') || (r.pathname === g.pathname && r.search === g.search);
}

function resolveRedirect(state: AsState, client: AsClient, given: string | undefined): string | undefined {
  if (given === undefined) {
    if (client.redirect_uris.length === 1 || state.has('multi-redirect-default-first')) return client.redirect_uris[0];
    return undefined;
  }
  for (const r of client.redirect_uris) {
    if (r === given) return given;
    if (state.has('redirect-prefix-match') && given.startsWith(r)) return given;
    if (client.native && isLoopbackMatch(state, r, given)) return given;
  }
  return undefined;
}

function withParams(state: AsState, target: string, params: Array<[string, string]>, fragment: boolean): string {
  const u = new URL(target);
  if (state.has('drop-redirect-query')) u.search = '';
  if (fragment) {
    u.hash = new URLSearchParams(params).toString();
    return u.href;
  }
  for (const [k, v] of params) u.searchParams.append(k, v);
  if (!state.has('no-fragment-guard')) u.hash = '_';
  return u.href;
}

function issParam(state: AsState, isError: boolean): Array<[string, string]> {
  if (state.has('no-iss') || (isError && state.has('no-iss-on-error'))) return [];
  return [['iss', state.has('iss-with-query') ? `${state.issuer}?x=1` : state.issuer]];
}

function errorRedirect(state: AsState, res: Res, p: Pending, error: string, status: number): void {
  const st = p.params.get('state');
  const code = state.has('error-nonstandard-code') ? 'request_not_ok' : error;
  const params: Array<[string, string]> = [['error', code]];
  if (st !== undefined && !state.has('error-drops-state')) params.push(['state', st]);
  params.push(...issParam(state, true));
  redirect(res, status, withParams(state, p.redirectUri, params, false));
}

/** Validate the request; returns an error code or undefined. */
function validate(state: AsState, p: Pending, repeated: string[]): string | undefined {
  const { params, client } = p;
  if (repeated.length && !state.has('az-allows-repeat')) return 'invalid_request';
  const rt = params.get('response_type');
  if (rt === undefined) return 'invalid_request';
  if (rt === 'token' && state.has('implicit-offered')) return undefined;
  if (rt === 'code id_token' && state.has('hybrid-not-for-client')) return 'unauthorized_client';
  if (rt !== 'code' && rt !== 'code id_token') return state.has('response-type-wrong-error') ? 'invalid_request' : 'unsupported_response_type';
  if (state.has('az-rejects-unknown') && [...params.keys()].some((k) => !KNOWN.has(k))) return 'invalid_request';
  const scope = params.get('scope');
  if (scope !== undefined && scope.split(' ').some((s) => s && !SCOPES.includes(s))) return 'invalid_scope';
  if (scope === '' && state.has('az-empty-scope-error')) return 'invalid_scope';
  const challenge = params.get('code_challenge');
  if (challenge !== undefined) {
    let method = params.get('code_challenge_method') ?? (state.has('pkce-default-s256') ? 'S256' : 'plain');
    if (method !== 'S256' && method !== 'plain') {
      if (!state.has('pkce-unknown-method-ignored')) return 'invalid_request';
      method = 'S256';
    }
    if (method === 'S256' && state.has('pkce-s256-unsupported')) return 'invalid_request';
    if (method === 'plain' && !state.has('pkce-plain-supported') && !state.has('pkce-plain-broken')) return 'invalid_request';
    if (!PKCE.test(challenge) && !state.has('pkce-no-format-check')) return 'invalid_request';
    if (state.usedChallenges.has(challenge) && !state.has('pkce-constant-accepted')) return 'invalid_request';
    params.set('code_challenge_method', method);
  } else if (client.pkceRequired && !state.has('pkce-not-required-public')) {
    return state.has('pkce-required-wrong-error') ? 'access_denied' : 'invalid_request';
  }
  return undefined;
}

async function finish(state: AsState, res: Res, p: Pending, repeated: string[], decision: 'approve' | 'deny', status: number): Promise<void> {
  if (p.params.get('scope') === undefined && state.has('scope-omitted-500')) return send(res, 500, 'internal error');
  const error = validate(state, p, repeated);
  if (error) return errorRedirect(state, res, p, error, status);
  if (decision === 'deny') {
    if (state.has('deny-dead-end')) return html(res, 200, '<p>You denied access.</p>', pageHeaders(state));
    return errorRedirect(state, res, p, 'access_denied', status);
  }
  if (p.params.get('response_type') === 'token') {
    // the implicit grant (RFC 6749 §4.2.2): the access token in the fragment
    const at = await state.issueAccess(p.client.client_id, ['api'], state.newValue('family-'));
    const st = p.params.get('state');
    return redirect(res, status, withParams(state, p.redirectUri, [['access_token', at.value], ['token_type', 'Bearer'], ...(st !== undefined ? [['state', st] as [string, string]] : [])], true));
  }
  const challenge = p.params.get('code_challenge');
  if (challenge !== undefined) state.usedChallenges.add(challenge);
  const scopeParam = p.params.get('scope');
  const scope = scopeParam ? scopeParam.split(' ').filter(Boolean) : ['api'];
  const code = state.has('code-embeds-challenge')
    ? Buffer.from(JSON.stringify({ c: challenge, r: randomBytes(8).toString('hex') })).toString('base64url')
    : state.newValue('code-');
  state.codes.set(code, {
    clientId: p.client.client_id,
    redirectUri: p.params.get('redirect_uri'),
    scope,
    challenge,
    method: p.params.get('code_challenge_method'),
    expiresAt: Date.now() + state.lifetimes.code * 1000,
    used: false,
    issued: [],
    nonce: p.params.get('nonce'),
  });
  const st = p.params.get('state');
  const hybrid = p.params.get('response_type') === 'code id_token';
  const params: Array<[string, string]> = [['code', code]];
  if (hybrid) params.push(['id_token', await idToken(state, p.client.client_id, p.params.get('nonce'))]);
  if (st !== undefined) params.push(['state', state.has('state-mangled') ? st.replace(/\+/g, ' ') : st]);
  params.push(...issParam(state, false));
  redirect(res, status, withParams(state, p.redirectUri, params, hybrid));
}

export async function authorizeEndpoint(state: AsState, req: Req, res: Res): Promise<void> {
  const origin = req.headers.origin;
  const cors: Record<string, string> = state.has('authorize-cors') && origin ? { 'access-control-allow-origin': origin } : {};
  if (req.method === 'OPTIONS') return send(res, 204, '', cors);
  for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
  if (req.method === 'GET' && state.has('authorize-get-405')) return send(res, 405, 'method not allowed', { allow: 'POST' });
  if (req.method === 'POST' && state.has('authorize-post-500')) return send(res, 500, 'internal error');
  const raw = req.method === 'POST' ? req.body : req.url.search.slice(1);
  const params = new Map<string, string>();
  const repeated: string[] = [];
  for (const [k, v] of formPairs(raw)) {
    if (v === '' && !(k === 'scope' && state.has('az-empty-scope-error'))) continue;
    if (params.has(k)) repeated.push(k);
    else params.set(k, v);
  }
  const clientId = params.get('client_id');
  const client = clientId !== undefined ? state.clients.get(clientId) : undefined;
  const given = params.get('redirect_uri');
  if (!client) {
    if (state.has('redirect-unknown-client') && given) return redirect(res, 302, withParams(state, given, [['error', 'unauthorized_client']], false));
    return errorPage(state, res, 'unknown client', params);
  }
  const redirectUri = resolveRedirect(state, client, given);
  if (!redirectUri) {
    if (state.has('redirect-unregistered-uri') && given) return redirect(res, 302, withParams(state, given, [['error', 'invalid_request']], false));
    return errorPage(state, res, given ? 'redirect_uri is not registered for this client' : 'redirect_uri is required', params);
  }
  const pending: Pending = { params, client, redirectUri, csrf: randomBytes(16).toString('hex') };
  if (state.has('auto-approve-without-login')) return finish(state, res, pending, repeated, 'approve', 302);
  if (state.has('error-redirect-before-auth')) {
    const error = validate(state, { ...pending, params: new Map(params) }, repeated);
    if (error) return errorRedirect(state, res, pending, error, 302);
  }
  const tx = randomBytes(12).toString('hex');
  state.pending.set(tx, Object.assign(pending, { repeated }));
  redirect(res, 303, `/login?tx=${tx}`, pageHeaders(state));
}

export function loginPage(state: AsState, req: Req, res: Res): void {
  const tx = req.url.searchParams.get('tx') ?? '';
  if (!state.pending.has(tx)) return html(res, 400, '<p>unknown transaction</p>', pageHeaders(state));
  const action = state.has('http-login-action') ? 'http://login.broken-as.example/login' : '/login';
  const third = state.has('third-party-script') ? '<script src="https://cdn.thirdparty.example/analytics.js"></script>' : '';
  html(
    res,
    200,
    `${third}<form method="post" action="${action}"><input type="hidden" name="tx" value="${tx}">
<label>User <input name="username"></label><label>Password <input type="password" name="password"></label>
<button type="submit">Sign in</button></form>`,
    pageHeaders(state),
  );
}

export function loginSubmit(state: AsState, req: Req, res: Res): void {
  const form = new URLSearchParams(req.body);
  const tx = form.get('tx') ?? '';
  const p = state.pending.get(tx);
  if (!p) return html(res, 400, '<p>unknown transaction</p>', pageHeaders(state));
  if (form.get('username') !== USER.username || form.get('password') !== USER.password) {
    return html(res, 401, '<p>wrong user or password</p>', pageHeaders(state));
  }
  const sid = randomBytes(16).toString('hex');
  state.sessions.set(sid, { user: USER.username });
  p.session = sid;
  const cookie = state.has('consent-no-csrf') ? `as_session=${sid}; Path=/; HttpOnly; SameSite=None; Secure` : `as_session=${sid}; Path=/; HttpOnly; SameSite=Lax`;
  redirect(res, 303, `/consent?tx=${tx}`, { 'set-cookie': cookie, ...pageHeaders(state) });
}

export function consentPage(state: AsState, req: Req, res: Res): void {
  const tx = req.url.searchParams.get('tx') ?? '';
  const p = state.pending.get(tx);
  if (!p || p.session !== req.cookies.as_session) return html(res, 400, '<p>no session</p>', pageHeaders(state));
  const csrf = state.has('consent-no-csrf') ? '' : `<input type="hidden" name="csrf" value="${p.csrf}">`;
  html(
    res,
    200,
    `<p>${escapeHtml(p.client.client_id)} asks for access.</p><form method="post" action="/consent">
<input type="hidden" name="tx" value="${tx}">${csrf}
<button type="submit" name="decision" value="approve">Allow</button>
${state.has('consent-no-deny-control') ? '' : '<button type="submit" name="decision" value="deny">Deny</button>'}</form>`,
    pageHeaders(state),
  );
}

export async function consentSubmit(state: AsState, req: Req, res: Res): Promise<void> {
  const form = new URLSearchParams(req.body);
  const tx = form.get('tx') ?? '';
  const p = state.pending.get(tx) as (Pending & { repeated?: string[] }) | undefined;
  if (!p) return html(res, 400, '<p>unknown transaction</p>', pageHeaders(state));
  if (!state.has('consent-no-csrf') && (p.session === undefined || p.session !== req.cookies.as_session || form.get('csrf') !== p.csrf)) {
    return html(res, 403, '<p>request forgery suspected</p>', pageHeaders(state));
  }
  state.pending.delete(tx);
  const decision = form.get('decision') === 'deny' ? 'deny' : 'approve';
  await finish(state, res, p, p.repeated ?? [], decision, state.has('redirect-307') ? 307 : 303);
}
