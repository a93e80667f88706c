/**
 * The `verify` user-agent driver for Glewlwyd, over plain HTTP (no browser): Glewlwyd's
 * login page (login.html) is a JavaScript application, but all it does is call the login
 * API, so this driver does the same, as `glewlwyd-user-agent.ts` does for scenarios:
 *
 * 1. the authorization request (GET, or POST as a form), with a fresh cookie jar; a
 *    redirect that leaves the server ends the flow there (errors, or a code at once);
 * 2. Glewlwyd redirects to login.html: `POST /api/auth/` with the user's password (sets
 *    the session cookie), `PUT /api/auth/grant/{client_id}` with the requested scope;
 * 3. the authorization request again with `g_continue`, which login.html adds when done:
 *    Glewlwyd redirects to the client, and that redirect is the result.
 *
 * Every request goes through the check's probe, so it is recorded and redacted. The login
 * API has no refusal: `decision: deny` is not possible (`capabilities.deny` is false), and
 * checks that need it are reported as not tested.
 */
import type { Probe, ProbeResponse } from '../../verify/probe.js';
import { CookieJar } from '../../verify/user-agent/cookie-jar.js';
import { type AuthorizeRequest, type AuthorizeResult, leavesServer, type UserAgentDriver } from '../../verify/user-agent/driver.js';
import { glewlwydApiOf } from './glewlwyd-user-agent.js';

export interface GlewlwydVerifyDriverOptions {
  user: { username: string; password: string };
}

export function glewlwydVerifyDriver(options: GlewlwydVerifyDriverOptions): UserAgentDriver {
  async function authorize(request: AuthorizeRequest, probe: Probe): Promise<AuthorizeResult> {
    const result: AuthorizeResult = { postRedirects: [], loginShown: false, consentShown: false };
    const jar = new CookieJar();
    const endpoint = new URL(request.url);
    const allowed = new Set([endpoint.origin]);
    const send = async (method: string, url: string, o: { json?: unknown; form?: string; endpoint: string }): Promise<ProbeResponse> => {
      const cookie = jar.header(url);
      const res = await probe.send({
        method,
        url,
        from: 'user-agent',
        endpoint: o.endpoint,
        headers: {
          accept: o.json === undefined ? 'text/html,*/*;q=0.8' : 'application/json',
          ...(cookie ? { cookie } : {}),
          ...(o.form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(o.json !== undefined ? { json: o.json } : {}),
        ...(o.form !== undefined ? { body: o.form } : {}),
      });
      jar.store(url, res.setCookies);
      if (method === 'POST' && res.status >= 300 && res.status < 400) result.postRedirects.push({ url, status: res.status });
      return res;
    };
    /** The authorization request, as a GET or a form POST to the endpoint. */
    const authorizationRequest = (extra: Array<[string, string]>): Promise<ProbeResponse> => {
      const u = new URL(request.url);
      for (const [k, v] of extra) u.searchParams.set(k, v);
      if (request.method === 'POST') return send('POST', `${u.origin}${u.pathname}`, { form: u.search.slice(1), endpoint: 'authorize' });
      return send('GET', u.href, { endpoint: 'authorize' });
    };
    /** The flow ended: a redirect leaving the server, or a page (`note` says why). */
    const ended = (res: ProbeResponse, method: string, note?: string): AuthorizeResult | undefined => {
      if (res.status >= 300 && res.status < 400 && res.location) {
        if (leavesServer(res.location, allowed, request.redirectUri)) {
          return { ...result, redirect: { url: res.location, rawLocation: res.rawLocation ?? res.location, status: res.status, requestMethod: method } };
        }
        if (note === undefined) return undefined;
      }
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => (headers[k] = v));
      return { ...result, page: { url: res.url, status: res.status, headers, body: res.text }, ...(note ? { note } : {}) };
    };

    const first = await authorizationRequest([]);
    const done = ended(first, request.method ?? 'GET');
    if (done) return done;
    // Glewlwyd sends the browser to login.html to sign in and consent
    result.loginShown = true;
    if (request.decision === 'deny') {
      return { ...result, ...ended(first, request.method ?? 'GET', 'no refusal in the login API'), denyUnavailable: "Glewlwyd's login API has no way to refuse consent" };
    }
    const api = glewlwydApiOf(endpoint.href);
    const login = await send('POST', `${api}/auth/`, { json: { username: options.user.username, password: options.user.password }, endpoint: 'login' });
    if (login.status !== 200) return ended(login, 'POST', `Glewlwyd's login API answered HTTP ${login.status}`)!;
    const params = endpoint.searchParams;
    const clientId = params.get('client_id') ?? '';
    result.consentShown = true;
    const grant = await send('PUT', `${api}/auth/grant/${encodeURIComponent(clientId)}`, { json: { scope: params.get('scope') ?? '' }, endpoint: 'decision' });
    if (grant.status !== 200) return ended(grant, 'PUT', `granting the scopes to ${clientId} answered HTTP ${grant.status}`)!;
    const again = await authorizationRequest([['g_continue', '']]);
    return ended(again, request.method ?? 'GET', 'the authorization request after signing in did not redirect to the client')!;
  }

  return {
    kind: 'glewlwyd-login-api',
    capabilities: { crossSiteConsent: false, deny: false },
    authorize,
    close: async () => {},
  };
}
