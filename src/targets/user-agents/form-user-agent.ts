/**
 * A scripted browser for servers with plain HTML login pages (oidc-provider's interaction
 * form, most self-hosted servers): follows redirects with a cookie jar, fills the
 * username and password fields, submits any consent form, and stops at the first
 * redirect to the client's redirect URI. To deny, it submits the page's cancel, abort or
 * deny form instead of signing in.
 */
import type { ConsentChoice, UserAgentResult } from '../../user-agent/in-process-user-agent.js';
import type { TargetUserAgent } from '../started-target.js';
import { CookieJar } from './cookie-jar.js';
import { pageText, parseForms, type PageForm } from './html-forms.js';

export interface FormUserAgentOptions {
  /** Name of the username input (default: the first of `username`, `login`, `email`, `user`). */
  usernameField?: string;
  /** Name of the password input (default: the first `type=password` input). */
  passwordField?: string;
  /** Requests before giving up (default 12). */
  maxRequests?: number;
}

const USERNAME_NAMES = ['username', 'login', 'email', 'user'];
const REFUSE = /\b(abort|deny|cancel|reject|decline)\b/i;

function isCallback(location: string, redirectUri: string): boolean {
  const a = new URL(location);
  const b = new URL(redirectUri);
  return a.origin === b.origin && a.pathname === b.pathname;
}

const refusing = (s: PageForm['submits'][number]) => REFUSE.test(`${s.name ?? ''} ${s.value} ${s.label}`);

/** The form's fields as the browser would send them, with the button for `refuse` pressed. */
function fill(form: PageForm, o: FormUserAgentOptions, choice: ConsentChoice, refuse: boolean): URLSearchParams {
  const body = new URLSearchParams();
  const userField = o.usernameField ?? form.inputs.find((i) => USERNAME_NAMES.includes(i.name))?.name;
  const passField = o.passwordField ?? form.inputs.find((i) => i.type === 'password')?.name;
  for (const i of form.inputs) {
    if (i.name === userField) body.set(i.name, choice.username);
    else if (i.name === passField) body.set(i.name, choice.password);
    else if (i.type === 'checkbox' && i.name === 'scope') {
      if (!(choice.untick ?? []).includes(i.value)) body.append(i.name, i.value);
    } else if (i.type !== 'checkbox') body.append(i.name, i.value);
  }
  const button = form.submits.find((s) => refusing(s) === refuse) ?? form.submits[0];
  if (button?.name) body.append(button.name, button.value);
  return body;
}

/** The form user agent. */
export function formUserAgent(o: FormUserAgentOptions = {}): TargetUserAgent {
  const isLogin = (f: PageForm) => f.inputs.some((i) => i.type === 'password' || i.name === o.passwordField);
  /** A form whose only purpose is refusing (oidc-provider's "Cancel" posts to `/abort`). */
  const onlyRefuses = (f: PageForm) => !isLogin(f) && (REFUSE.test(new URL(f.action).pathname) || (f.submits.length > 0 && f.submits.every(refusing)));
  const canRefuse = (f: PageForm) => onlyRefuses(f) || f.submits.some(refusing);

  async function authorize(authorizationUrl: string, redirectUri: string, choice: ConsentChoice, fetchFn: typeof fetch): Promise<UserAgentResult> {
    const jar = new CookieJar();
    const base: Record<string, string> = { accept: 'text/html' };
    if (choice.from) base['x-forwarded-for'] = choice.from;
    let url = authorizationUrl;
    let init: { method: string; body?: string } = { method: 'GET' };
    let loginSent = false;
    let lastPage = { status: 0, html: '' };
    for (let n = 0; n < (o.maxRequests ?? 12); n++) {
      const cookie = jar.header(url);
      const headers = { ...base, ...(cookie ? { cookie } : {}), ...(init.body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) };
      const res = await fetchFn(url, { ...init, headers, redirect: 'manual' });
      jar.store(url, res);
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        const next = new URL(location, url).toString();
        if (isCallback(next, redirectUri)) return { kind: 'callback', url: next };
        if (new URL(next).origin !== new URL(authorizationUrl).origin) return { kind: 'no-redirect', status: res.status, title: 'redirected elsewhere', detail: next };
        url = next;
        init = { method: 'GET' };
        continue;
      }
      const html = await res.text();
      lastPage = { status: res.status, html };
      const forms = parseForms(html, url);
      const login = forms.find(isLogin);
      const refusal = forms.find(onlyRefuses) ?? forms.find(canRefuse);
      let form: PageForm | undefined;
      let body: URLSearchParams;
      if (login && loginSent) return { kind: 'login-failed', detail: pageText(html.replace(/<h1[\s\S]*?<\/h1>/i, '')).detail || 'the login page was shown again' };
      if (choice.deny && refusal) {
        // a login form that carries the deny button (the mock's) is filled in too
        form = refusal;
        loginSent ||= refusal === login;
        body = fill(refusal, o, choice, true);
      } else if (login) {
        loginSent = true;
        form = login;
        body = fill(login, o, choice, false);
      } else {
        form = forms.find((f) => !onlyRefuses(f));
        if (!form) return { kind: 'no-redirect', status: res.status, ...pageText(html) };
        body = fill(form, o, choice, false);
      }
      if (form.method === 'POST') {
        url = form.action;
        init = { method: 'POST', body: body.toString() };
      } else {
        const next = new URL(form.action);
        for (const [k, v] of body) next.searchParams.append(k, v);
        url = next.toString();
        init = { method: 'GET' };
      }
    }
    return { kind: 'no-redirect', status: lastPage.status, ...pageText(lastPage.html) };
  }

  return { name: 'form', authorize };
}
