/**
 * The runner's user agent on the mock's pages: it opens the authorization URL, signs in on
 * the provider's login-and-consent form (`form#login`: ticking or unticking scopes, or
 * denying), and returns where the provider sent the browser: back to the client's
 * redirect URI, or nowhere.
 */
import { firstParagraph, pageText, parseHtml } from './html.js';
import { fetchTransport, HttpUserAgent, isRedirect } from './http-user-agent.js';
import { type ConsentChoice, isCallback, type UserAgentResult } from './scenario-user-agent.js';

type Fetch = typeof fetch;

/** Drives one authorization through the provider's pages. */
export async function authorizeInBrowser(authorizationUrl: string, redirectUri: string, choice: ConsentChoice, fetchFn: Fetch = fetch): Promise<UserAgentResult> {
  const ua = new HttpUserAgent(fetchTransport(fetchFn), { accept: 'text/html', ...(choice.from ? { 'x-forwarded-for': choice.from } : {}) });
  let res = await ua.send({ url: authorizationUrl });
  for (let round = 0; round < 2; round++) {
    if (isRedirect(res)) {
      if (isCallback(res.location, redirectUri)) return { kind: 'callback', url: res.location };
      return { kind: 'no-redirect', status: res.status, title: 'redirected elsewhere', detail: res.location };
    }
    const form = parseHtml(res.text, res.url).forms.find((f) => f.attrs.id === 'login');
    if (!form) return { kind: 'no-redirect', status: res.status, ...pageText(res.text) };
    if (round === 1) return { kind: 'login-failed', detail: firstParagraph(res.text) || 'the login page was shown again' };
    const body = new URLSearchParams();
    for (const input of form.controls) {
      const { name, value } = input;
      if (input.tag !== 'input' || !name) continue;
      if (name === 'scope' && input.type === 'checkbox') {
        if (!('disabled' in input.attrs) && !(choice.untick ?? []).includes(value)) body.append('scope', value);
      } else if (name === 'username') body.set('username', choice.username);
      else if (name === 'password') body.set('password', choice.password);
      else body.append(name, value);
    }
    body.set('decision', choice.deny ? 'deny' : 'allow');
    res = await ua.send({ method: 'POST', url: form.action, body: body.toString() });
  }
  return { kind: 'no-redirect', status: res.status, ...pageText(res.text) };
}
