/**
 * A scripted browser for servers with plain HTML login pages (oidc-provider's interaction
 * form, most self-hosted servers): follows redirects with a cookie jar, fills the
 * username and password fields, submits any consent form, and stops at the first
 * redirect to the client's redirect URI. To deny, it submits the page's cancel, abort or
 * deny form instead of signing in.
 */
import { firstParagraph, type HtmlControl, type HtmlForm, isSubmit, pageText, parseHtml } from './html.js';
import { fetchTransport, HttpUserAgent, isRedirect } from './http-user-agent.js';
import { type ConsentChoice, isCallback, type TargetUserAgent, type UserAgentResult } from './scenario-user-agent.js';

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

/** The named controls that are not buttons. */
const inputs = (f: HtmlForm) => f.controls.filter((c): c is HtmlControl & { name: string } => !isSubmit(c) && !!c.name);
const submits = (f: HtmlForm) => f.controls.filter(isSubmit);
const refusing = (s: HtmlControl) => REFUSE.test(`${s.name ?? ''} ${s.value} ${s.text || s.value}`);

/** The form's fields as the browser would send them, with the button for `refuse` pressed. */
function fill(form: HtmlForm, o: FormUserAgentOptions, choice: ConsentChoice, refuse: boolean): URLSearchParams {
  const body = new URLSearchParams();
  const userField = o.usernameField ?? inputs(form).find((i) => USERNAME_NAMES.includes(i.name))?.name;
  const passField = o.passwordField ?? inputs(form).find((i) => i.type === 'password')?.name;
  for (const i of inputs(form)) {
    if (i.name === userField) body.set(i.name, choice.username);
    else if (i.name === passField) body.set(i.name, choice.password);
    else if (i.type === 'checkbox' && i.name === 'scope') {
      if (!(choice.untick ?? []).includes(i.value)) body.append(i.name, i.value);
    } else if (i.type !== 'checkbox') body.append(i.name, i.value);
  }
  const button = submits(form).find((s) => refusing(s) === refuse) ?? submits(form)[0];
  if (button?.name) body.append(button.name, button.value);
  return body;
}

/** The form user agent. */
export function formUserAgent(o: FormUserAgentOptions = {}): TargetUserAgent {
  const isLogin = (f: HtmlForm) => inputs(f).some((i) => i.type === 'password' || i.name === o.passwordField);
  /** A form whose only purpose is refusing (oidc-provider's "Cancel" posts to `/abort`). */
  const onlyRefuses = (f: HtmlForm) => !isLogin(f) && (REFUSE.test(new URL(f.action).pathname) || (submits(f).length > 0 && submits(f).every(refusing)));
  const canRefuse = (f: HtmlForm) => onlyRefuses(f) || submits(f).some(refusing);

  async function authorize(authorizationUrl: string, redirectUri: string, choice: ConsentChoice, fetchFn: typeof fetch): Promise<UserAgentResult> {
    const ua = new HttpUserAgent(fetchTransport(fetchFn), { accept: 'text/html', ...(choice.from ? { 'x-forwarded-for': choice.from } : {}) });
    let url = authorizationUrl;
    let init: { method: string; body?: string } = { method: 'GET' };
    let loginSent = false;
    let lastPage = { status: 0, html: '' };
    for (let n = 0; n < (o.maxRequests ?? 12); n++) {
      const res = await ua.send({ url, ...init });
      if (isRedirect(res)) {
        const next = res.location;
        if (isCallback(next, redirectUri)) return { kind: 'callback', url: next };
        if (new URL(next).origin !== new URL(authorizationUrl).origin) return { kind: 'no-redirect', status: res.status, title: 'redirected elsewhere', detail: next };
        url = next;
        init = { method: 'GET' };
        continue;
      }
      const html = res.text;
      lastPage = { status: res.status, html };
      const forms = parseHtml(html, url).forms;
      const login = forms.find(isLogin);
      const refusal = forms.find(onlyRefuses) ?? forms.find(canRefuse);
      let form: HtmlForm | undefined;
      let body: URLSearchParams;
      if (login && loginSent) return { kind: 'login-failed', detail: firstParagraph(html) || 'the login page was shown again' };
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
