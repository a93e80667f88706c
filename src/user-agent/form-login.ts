/**
 * The generic form login: fetch the authorization URL with a cookie jar,
 * follow redirects within the authorization server, fill the login fields (configured,
 * or found: a username-like input and the password input), submit, submit (or deny) the
 * consent form, and capture the redirect to the client. A login page shown again after
 * the login was sent ends the flow (`loginFailed`). For servers with plain HTML login
 * pages; anything with JavaScript needs the playwright driver. `verify` uses it as
 * configured by `login.kind: form`; scenarios through `form-user-agent.ts`.
 */
import { mediaType } from '../http/headers.js';
import { firstParagraph, formData, type HtmlControl, type HtmlForm, isSubmit, parseHtml } from './html.js';
import { HttpUserAgent, type UaResponse, type UaTransport } from './http-user-agent.js';
import type { AuthorizeRequest, AuthorizeResult, UserAgentDriver } from './login-strategy.js';
import { leavesServer } from './login-strategy.js';
import { matchesSelector } from './selector.js';

export interface FormLoginOptions {
  /** Field name → value to fill in the login form; without it, the request's `user` fills the fields found. */
  fields?: Record<string, string>;
  /** Without `fields`: the username input's name (default: the first of `username`, `login`, `email`, `user`). */
  usernameField?: string;
  /** Without `fields`: the password input's name (default: the first `type=password` input). */
  passwordField?: string;
  submitSelector?: string;
  consentSelector?: string;
  denySelector?: string;
  /** Origins of the authorization server (issuer, endpoints, external login host). */
  allowedOrigins: Iterable<string>;
  maxSteps?: number;
}

const DENY = /\b(deny|denied|cancel|reject|decline|abort|disallow|no)\b/i;
const USERNAME_NAMES = ['username', 'login', 'email', 'user'];
const CSRF_FIELD = /csrf|xsrf|anti.?forgery|authenticity|_token|nonce/i;

function label(c: { attrs: Record<string, string>; text: string; value?: string }): string {
  return [c.attrs.name, c.attrs.id, c.attrs.value, c.text, c.attrs.href].filter(Boolean).join(' ');
}

/** Create the driver. */
export function createFormLoginDriver(options: FormLoginOptions): UserAgentDriver {
  const allowed = new Set(options.allowedOrigins);
  const maxSteps = options.maxSteps ?? 15;
  const fieldNames = Object.keys(options.fields ?? {});

  const isLoginForm = (f: HtmlForm): boolean =>
    options.fields
      ? fieldNames.length > 0 && f.controls.some((c) => c.name !== undefined && fieldNames.includes(c.name))
      : f.controls.some((c) => c.type === 'password' || (options.passwordField !== undefined && c.name === options.passwordField));

  /** The values to fill in `form`'s login fields. */
  const loginFields = (form: HtmlForm, user: AuthorizeRequest['user']): Record<string, string> => {
    if (options.fields) return options.fields;
    const named = form.controls.filter((c) => !isSubmit(c) && c.name);
    const userField = options.usernameField ?? named.find((c) => USERNAME_NAMES.includes(c.name!))?.name;
    const passField = options.passwordField ?? named.find((c) => c.type === 'password')?.name;
    return { ...(userField ? { [userField]: user?.username ?? '' } : {}), ...(passField ? { [passField]: user?.password ?? '' } : {}) };
  };

  async function authorize(request: AuthorizeRequest, transport: UaTransport): Promise<AuthorizeResult> {
    const ua = new HttpUserAgent(transport, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...request.headers });
    const result: AuthorizeResult = { postRedirects: [], loginShown: false, consentShown: false };
    const endpoint = new URL(request.url);
    let method: string = request.method ?? 'GET';
    let url = method === 'POST' ? `${endpoint.origin}${endpoint.pathname}` : request.url;
    let body: string | undefined = method === 'POST' ? endpoint.search.slice(1) : undefined;
    let extraHeaders: Record<string, string> = {};
    let crossSite = false;
    const submitted = new Map<string, number>();
    /** A deny control (or link) was used: `decision: deny` was carried out. */
    let denied = false;
    let loginSent = false;
    let res: UaResponse | undefined;
    for (let step = 0; step < maxSteps; step += 1) {
      res = await ua.send({ method, url, from: 'user-agent', endpoint: step === 0 ? 'authorize' : 'login', headers: extraHeaders, crossSite, ...(body !== undefined ? { body } : {}) });
      crossSite = false;
      extraHeaders = {};
      if (res.status >= 300 && res.status < 400 && res.location) {
        if (method === 'POST') result.postRedirects.push({ url, status: res.status });
        if (leavesServer(res.location, allowed, request.redirectUri)) {
          result.redirect = { url: res.location, rawLocation: res.rawLocation ?? res.location, status: res.status, requestMethod: method };
          // consent given earlier or implied: nothing was offered to refuse
          if (request.decision === 'deny' && !denied && /[?#&]code=/.test(res.location)) result.denyUnavailable = 'the server issued a code without a step the driver could refuse';
          return result;
        }
        if (res.status !== 307 && res.status !== 308) {
          method = 'GET';
          body = undefined;
        }
        url = res.location;
        continue;
      }
      const type = mediaType(res.headers.get('content-type'));
      if (type !== undefined && type !== 'text/html' && type !== 'application/xhtml+xml') break;
      const page = parseHtml(res.text, url);
      let loginForm = page.forms.find(isLoginForm);
      if (loginForm && loginSent && loginForm.controls.some((c) => c.type === 'password')) {
        result.loginFailed = firstParagraph(res.text) || 'the login page was shown again';
        result.note = 'the login page came back after signing in';
        break;
      }
      if (res.status !== 200) break;
      // A login page with a separate cancel form (oidc-provider's interaction abort): deny there.
      const cancelForm =
        request.decision === 'deny' && loginForm
          ? page.forms.find((f) => f !== loginForm && f.controls.some((c) => isSubmit(c) && (options.denySelector ? matchesSelector(c, options.denySelector) : DENY.test(label(c)))))
          : undefined;
      if (cancelForm) loginForm = undefined;
      const form = cancelForm ?? loginForm ?? page.forms.find((f) => f.controls.some(isSubmit));
      const key = form ? `${form.method} ${form.action}` : '';
      if (!form || (submitted.get(key) ?? 0) >= 2) {
        result.note = form ? 'the same form came back twice' : 'no login or consent form on the page';
        break;
      }
      submitted.set(key, (submitted.get(key) ?? 0) + 1);
      let submitter: HtmlControl | undefined;
      let data: Array<[string, string]>;
      if (loginForm) {
        result.loginShown = true;
        const submits = form.controls.filter(isSubmit);
        // A combined login-and-consent form (one form with allow and deny controls): deny there.
        const denyHere = submits.length > 1 ? (pick(submits, options.denySelector) ?? submits.find((c) => DENY.test(label(c)))) : undefined;
        if (request.decision === 'deny' && denyHere) {
          submitter = denyHere;
          denied = true;
          result.consentShown = true;
        } else {
          submitter = pick(submits, options.submitSelector) ?? submits.find((c) => c !== denyHere) ?? submits[0];
        }
        const fields = loginFields(form, request.user);
        data = untick(formData(form, submitter), form, request.untick).map(([k, v]) => [k, k in fields ? fields[k]! : v]);
        for (const [k, v] of Object.entries(fields)) if (!data.some(([n]) => n === k)) data.push([k, v]);
        loginSent = true;
      } else {
        result.consentShown = true;
        const submits = form.controls.filter(isSubmit);
        if (request.decision === 'deny') {
          submitter = pick(submits, options.denySelector) ?? submits.find((c) => DENY.test(label(c)));
          if (!submitter) {
            const link = page.links.find((l) => (options.denySelector ? matchesSelector(l, options.denySelector) : DENY.test(label(l))));
            if (!link) {
              result.note = 'no deny control on the consent page';
              result.denyUnavailable = 'the form driver found no deny control on the consent page (set login.denySelector)';
              break;
            }
            method = 'GET';
            url = link.href;
            body = undefined;
            denied = true;
            continue;
          }
          denied = true;
        } else {
          submitter = pick(submits, options.consentSelector) ?? submits.find((c) => !DENY.test(label(c))) ?? submits[0];
        }
        data = untick(formData(form, submitter), form, request.untick);
        if (request.crossSiteConsent) {
          data = data.filter(([k]) => !CSRF_FIELD.test(k));
          crossSite = true;
          extraHeaders = { origin: 'https://attacker.example', 'sec-fetch-site': 'cross-site', referer: 'https://attacker.example/' };
        }
      }
      if (!allowed.has(new URL(form.action).origin)) {
        result.note = `the form posts to ${form.action}, outside the authorization server`;
        break;
      }
      method = form.method;
      if (method === 'POST') {
        url = form.action;
        body = new URLSearchParams(data).toString();
      } else {
        const target = new URL(form.action);
        target.search = new URLSearchParams(data).toString();
        url = target.href;
        body = undefined;
      }
    }
    if (res) {
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => (headers[k] = v));
      result.page = { url, status: res.status, headers, body: res.text };
      result.note ??= res.status >= 300 && res.status < 400 ? 'redirect without Location' : undefined;
    }
    return result;
  }

  return { kind: 'form', capabilities: { crossSiteConsent: true }, authorize, close: async () => {} };
}

/** The form data without the checkboxes whose values the user unticks. */
function untick(data: Array<[string, string]>, form: HtmlForm, values: readonly string[] | undefined): Array<[string, string]> {
  if (!values?.length) return data;
  const boxes = new Set(form.controls.filter((c) => c.type === 'checkbox' && values.includes(c.value)).map((c) => `${c.name}=${c.value}`));
  return data.filter(([k, v]) => !boxes.has(`${k}=${v}`));
}

function pick(controls: HtmlControl[], selector: string | undefined): HtmlControl | undefined {
  return selector ? controls.find((c) => matchesSelector(c, selector)) : undefined;
}
