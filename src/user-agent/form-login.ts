/**
 * The generic form login: fetch the authorization URL with a cookie jar,
 * follow redirects within the authorization server, fill the configured login fields,
 * submit, submit (or deny) the consent form, and capture the redirect to the client.
 * For servers with plain HTML login pages; anything with JavaScript needs the
 * playwright driver.
 */
import { mediaType } from '../http/headers.js';
import { formData, type HtmlControl, type HtmlForm, isSubmit, parseHtml } from './html.js';
import { HttpUserAgent, type UaResponse, type UaTransport } from './http-user-agent.js';
import type { AuthorizeRequest, AuthorizeResult, UserAgentDriver } from './login-strategy.js';
import { leavesServer } from './login-strategy.js';
import { matchesSelector } from './selector.js';

export interface FormLoginOptions {
  /** Field name → value to fill in the login form. */
  fields: Record<string, string>;
  submitSelector?: string;
  consentSelector?: string;
  denySelector?: string;
  /** Origins of the authorization server (issuer, endpoints, external login host). */
  allowedOrigins: Iterable<string>;
  maxSteps?: number;
}

const DENY = /\b(deny|denied|cancel|reject|decline|abort|disallow|no)\b/i;
const CSRF_FIELD = /csrf|xsrf|anti.?forgery|authenticity|_token|nonce/i;

function label(c: { attrs: Record<string, string>; text: string; value?: string }): string {
  return [c.attrs.name, c.attrs.id, c.attrs.value, c.text, c.attrs.href].filter(Boolean).join(' ');
}

/** Create the driver. */
export function createFormLoginDriver(options: FormLoginOptions): UserAgentDriver {
  const allowed = new Set(options.allowedOrigins);
  const maxSteps = options.maxSteps ?? 15;
  const fieldNames = Object.keys(options.fields);

  const isLoginForm = (f: HtmlForm): boolean =>
    fieldNames.length > 0 && f.controls.some((c) => c.name !== undefined && fieldNames.includes(c.name));

  async function authorize(request: AuthorizeRequest, transport: UaTransport): Promise<AuthorizeResult> {
    const ua = new HttpUserAgent(transport, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
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
      if (res.status !== 200 || (type !== undefined && type !== 'text/html' && type !== 'application/xhtml+xml')) break;
      const page = parseHtml(res.text, url);
      let loginForm = page.forms.find(isLoginForm);
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
        data = formData(form, submitter).map(([k, v]) => [k, k in options.fields ? options.fields[k]! : v]);
        for (const [k, v] of Object.entries(options.fields)) if (!data.some(([n]) => n === k)) data.push([k, v]);
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
        data = formData(form, submitter);
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

function pick(controls: HtmlControl[], selector: string | undefined): HtmlControl | undefined {
  return selector ? controls.find((c) => matchesSelector(c, selector)) : undefined;
}
