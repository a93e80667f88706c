/**
 * A scripted browser for Glewlwyd, whose login page (login.html) is a JavaScript
 * application: it does over plain HTTP what that page does. The authorization request
 * (Glewlwyd answers with a redirect to login.html), `POST /api/auth/` with the password
 * (sets the session cookie), `PUT /api/auth/grant/{client_id}` (the user's consent), then
 * the authorization request again with `g_continue`, which login.html adds when done.
 *
 * Glewlwyd's login API has no refusal and no per-scope consent: `deny` and `untick` are
 * not capabilities of this user agent.
 */
import type { ConsentChoice, UserAgentResult } from '../../user-agent/in-process-user-agent.js';
import type { TargetUserAgent } from '../started-target.js';
import { CookieJar } from './cookie-jar.js';
import { pageText } from './html-forms.js';

/** `http://host/api/oidc/auth` → `http://host/api` (the plugin lives under the API prefix). */
export function glewlwydApiOf(authorizationUrl: string): string {
  const u = new URL(authorizationUrl);
  return `${u.origin}${u.pathname.split('/').slice(0, -2).join('/')}`;
}

export function glewlwydUserAgent(): TargetUserAgent {
  async function authorize(authorizationUrl: string, redirectUri: string, choice: ConsentChoice, fetchFn: typeof fetch): Promise<UserAgentResult> {
    const jar = new CookieJar();
    const forwarded: Record<string, string> = choice.from ? { 'x-forwarded-for': choice.from } : {};
    const send = async (url: string, init: { method?: string; json?: unknown } = {}): Promise<Response> => {
      const cookie = jar.header(url);
      const headers: Record<string, string> = { accept: init.json === undefined ? 'text/html' : 'application/json', ...forwarded, ...(cookie ? { cookie } : {}) };
      if (init.json !== undefined) headers['content-type'] = 'application/json';
      const res = await fetchFn(url, { method: init.method ?? 'GET', headers, redirect: 'manual', ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}) });
      jar.store(url, res);
      return res;
    };
    const ended = async (res: Response, url: string): Promise<UserAgentResult | undefined> => {
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        const next = new URL(location, url);
        const back = new URL(redirectUri);
        if (next.origin === back.origin && next.pathname === back.pathname) return { kind: 'callback', url: next.toString() };
        return undefined;
      }
      return { kind: 'no-redirect', status: res.status, ...pageText(await res.text()) };
    };

    const first = await send(authorizationUrl);
    const done = await ended(first, authorizationUrl);
    await first.body?.cancel().catch(() => {});
    if (done) return done;
    if (choice.deny) return { kind: 'no-redirect', status: first.status, title: 'cannot refuse', detail: "Glewlwyd's login API has no way to refuse consent" };

    const api = glewlwydApiOf(authorizationUrl);
    const login = await send(`${api}/auth/`, { method: 'POST', json: { username: choice.username, password: choice.password } });
    await login.body?.cancel();
    if (login.status !== 200) return { kind: 'login-failed', detail: `Glewlwyd's login API answered HTTP ${login.status}` };

    const params = new URL(authorizationUrl).searchParams;
    const clientId = params.get('client_id') ?? '';
    const grant = await send(`${api}/auth/grant/${encodeURIComponent(clientId)}`, { method: 'PUT', json: { scope: params.get('scope') ?? '' } });
    await grant.body?.cancel();
    if (grant.status !== 200) return { kind: 'no-redirect', status: grant.status, title: 'consent refused', detail: `granting the scopes to ${clientId} answered HTTP ${grant.status}` };

    const again = new URL(authorizationUrl);
    again.searchParams.set('g_continue', '');
    const last = await send(again.toString());
    const result = await ended(last, again.toString());
    return result ?? { kind: 'no-redirect', status: last.status, title: 'redirected elsewhere', detail: last.headers.get('location') ?? '' };
  }
  return { name: 'glewlwyd-login-api', authorize };
}
