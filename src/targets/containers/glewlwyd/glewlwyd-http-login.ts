/**
 * Glewlwyd's login over plain HTTP, no browser: its login page (login.html) is a
 * JavaScript application, but all it does is call the login API, so this does the same:
 *
 * 1. the authorization request (GET, or POST as a form) with a fresh cookie jar; a
 *    redirect that leaves the server ends the flow there (errors, or a code at once);
 * 2. Glewlwyd redirects to login.html: `POST /api/auth/` with the user's password (sets
 *    the session cookie), `PUT /api/auth/grant/{client_id}` with the requested scope
 *    (the user's consent);
 * 3. the authorization request again with `g_continue`, which login.html adds when done:
 *    Glewlwyd redirects to the client (RFC 6749 §4.1.2), and that redirect is the result.
 *
 * One flow, two faces: `glewlwydVerifyDriver` (a login strategy for `verify`, every
 * request through the check's probe) and `glewlwydUserAgent` (the runner's user agent for
 * scenarios, through the recording fetch). The login API has no refusal and no per-scope
 * consent: `deny` and `untick` are not capabilities of this server.
 */
import { fetchTransport, HttpUserAgent, isRedirect, type UaResponse, type UaTransport } from '../../../user-agent/http-user-agent.js';
import { type AuthorizeRequest, type AuthorizeResult, leavesServer, type UserAgentDriver } from '../../../user-agent/login-strategy.js';
import { pageText } from '../../../user-agent/html.js';
import { type ConsentChoice, isCallback, type TargetUserAgent, type UserAgentResult } from '../../../user-agent/scenario-user-agent.js';

/** `http://host/api/oidc/auth` → `http://host/api` (the plugin lives under the API prefix). */
export function glewlwydApiOf(authorizationUrl: string): string {
  const u = new URL(authorizationUrl);
  return `${u.origin}${u.pathname.split('/').slice(0, -2).join('/')}`;
}

const NO_REFUSAL = "Glewlwyd's login API has no way to refuse consent";

/** How the flow ended, with the response that ended it and the method of its request. */
type Outcome =
  | { kind: 'redirect' | 'no-refusal' | 'no-callback'; res: UaResponse; method: string }
  | { kind: 'login-failed' | 'grant-failed'; res: UaResponse; method: string; detail: string };

interface Flow {
  outcome: Outcome;
  loginShown: boolean;
  consentShown: boolean;
  postRedirects: Array<{ url: string; status: number }>;
}

async function signIn(request: AuthorizeRequest, user: { username: string; password: string }, transport: UaTransport, headers: Record<string, string> = {}): Promise<Flow> {
  const flow: Omit<Flow, 'outcome'> = { loginShown: false, consentShown: false, postRedirects: [] };
  const ua = new HttpUserAgent(transport, { accept: 'text/html,*/*;q=0.8', ...headers });
  const endpoint = new URL(request.url);
  const allowed = new Set([endpoint.origin]);
  const send = async (method: string, url: string, o: { json?: unknown; body?: string; endpoint: string }): Promise<UaResponse> => {
    const res = await ua.send({ method, url, from: 'user-agent', endpoint: o.endpoint, ...(o.json !== undefined ? { json: o.json, headers: { accept: 'application/json' } } : {}), ...(o.body !== undefined ? { body: o.body } : {}) });
    if (method === 'POST' && res.status >= 300 && res.status < 400) flow.postRedirects.push({ url, status: res.status });
    return res;
  };
  /** The authorization request, as a GET or a form POST to the endpoint. */
  const authorizationRequest = async (extra: Array<[string, string]>): Promise<{ res: UaResponse; method: string }> => {
    const u = new URL(request.url);
    for (const [k, v] of extra) u.searchParams.set(k, v);
    if (request.method === 'POST') return { res: await send('POST', `${u.origin}${u.pathname}`, { body: u.search.slice(1), endpoint: 'authorize' }), method: 'POST' };
    return { res: await send('GET', u.href, { endpoint: 'authorize' }), method: 'GET' };
  };
  const leaves = (res: UaResponse) => isRedirect(res) && leavesServer(res.location, allowed, request.redirectUri);

  const first = await authorizationRequest([]);
  if (leaves(first.res)) return { ...flow, outcome: { kind: 'redirect', ...first } };
  if (!isRedirect(first.res)) return { ...flow, outcome: { kind: 'no-callback', ...first } };
  // Glewlwyd sends the browser to login.html to sign in and consent
  flow.loginShown = true;
  if (request.decision === 'deny') return { ...flow, outcome: { kind: 'no-refusal', ...first } };
  const api = glewlwydApiOf(endpoint.href);
  const login = await send('POST', `${api}/auth/`, { json: { username: user.username, password: user.password }, endpoint: 'login' });
  if (login.status !== 200) return { ...flow, outcome: { kind: 'login-failed', res: login, method: 'POST', detail: `Glewlwyd's login API answered HTTP ${login.status}` } };
  const clientId = endpoint.searchParams.get('client_id') ?? '';
  flow.consentShown = true;
  const grant = await send('PUT', `${api}/auth/grant/${encodeURIComponent(clientId)}`, { json: { scope: endpoint.searchParams.get('scope') ?? '' }, endpoint: 'decision' });
  if (grant.status !== 200) return { ...flow, outcome: { kind: 'grant-failed', res: grant, method: 'PUT', detail: `granting the scopes to ${clientId} answered HTTP ${grant.status}` } };
  const again = await authorizationRequest([['g_continue', '']]);
  return { ...flow, outcome: { kind: leaves(again.res) ? 'redirect' : 'no-callback', ...again } };
}

export interface GlewlwydVerifyDriverOptions {
  user: { username: string; password: string };
}

/** The login strategy `verify` uses on Glewlwyd (`capabilities.deny` is false: checks that need a refusal are not tested). */
export function glewlwydVerifyDriver(options: GlewlwydVerifyDriverOptions): UserAgentDriver {
  async function authorize(request: AuthorizeRequest, transport: UaTransport): Promise<AuthorizeResult> {
    const { outcome: o, ...flow } = await signIn(request, options.user, transport);
    const result: AuthorizeResult = { ...flow };
    if (o.kind === 'redirect') return { ...result, redirect: { url: o.res.location!, rawLocation: o.res.rawLocation ?? o.res.location!, status: o.res.status, requestMethod: o.method } };
    const headers: Record<string, string> = {};
    o.res.headers.forEach((v, k) => (headers[k] = v));
    const note =
      o.kind === 'login-failed' || o.kind === 'grant-failed'
        ? o.detail
        : o.kind === 'no-refusal'
          ? 'no refusal in the login API'
          : flow.consentShown
            ? 'the authorization request after signing in did not redirect to the client'
            : undefined;
    return { ...result, page: { url: o.res.url, status: o.res.status, headers, body: o.res.text }, ...(note ? { note } : {}), ...(o.kind === 'no-refusal' ? { denyUnavailable: NO_REFUSAL } : {}) };
  }
  return { kind: 'glewlwyd-login-api', capabilities: { crossSiteConsent: false, deny: false }, authorize, close: async () => {} };
}

/** The runner's user agent on Glewlwyd: the same flow, for a scenario's user and choice. */
export function glewlwydUserAgent(): TargetUserAgent {
  async function authorize(authorizationUrl: string, redirectUri: string, choice: ConsentChoice, fetchFn: typeof fetch): Promise<UserAgentResult> {
    const request: AuthorizeRequest = { url: authorizationUrl, redirectUri, decision: choice.deny ? 'deny' : 'approve' };
    const { outcome: o } = await signIn(request, choice, fetchTransport(fetchFn), choice.from ? { 'x-forwarded-for': choice.from } : {});
    switch (o.kind) {
      case 'redirect': {
        if (isCallback(o.res.location!, redirectUri)) return { kind: 'callback', url: o.res.location! };
        return { kind: 'no-redirect', status: o.res.status, title: 'redirected elsewhere', detail: o.res.location! };
      }
      case 'no-refusal':
        return { kind: 'no-redirect', status: o.res.status, title: 'cannot refuse', detail: NO_REFUSAL };
      case 'login-failed':
        return { kind: 'login-failed', detail: o.detail };
      case 'grant-failed':
        return { kind: 'no-redirect', status: o.res.status, title: 'consent refused', detail: o.detail };
      default:
        return isRedirect(o.res) ? { kind: 'no-redirect', status: o.res.status, title: 'redirected elsewhere', detail: o.res.rawLocation ?? '' } : { kind: 'no-redirect', status: o.res.status, ...pageText(o.res.text) };
    }
  }
  return { name: 'glewlwyd-login-api', authorize };
}
