/**
 * The form filler scenarios sign in with on servers with plain HTML login pages (the
 * mock's login-and-consent form, oidc-provider's interaction form, LemonLDAP::NG's
 * portal, a live server's): the
 * generic form login (`form-login.ts`) for the scenario's user and choice (sign in and
 * consent, untick scopes, or refuse: the page's cancel, abort or deny control), its
 * result told the way the runner reads it.
 */
import { createFormLoginDriver } from './form-login.js';
import { pageText } from './html.js';
import { fetchTransport } from './http-user-agent.js';
import { isCallback, type TargetUserAgent } from './scenario-user-agent.js';

export interface FormUserAgentOptions {
  /** Name of the username input (default: the first of `username`, `login`, `email`, `user`). */
  usernameField?: string;
  /** Name of the password input (default: the first `type=password` input). */
  passwordField?: string;
  /** Requests before giving up (default 12). */
  maxRequests?: number;
}

/** The form user agent. */
export function formUserAgent(o: FormUserAgentOptions = {}): TargetUserAgent {
  return {
    name: 'form',
    async authorize(authorizationUrl, redirectUri, choice, fetchFn) {
      const login = createFormLoginDriver({
        ...(o.usernameField ? { usernameField: o.usernameField } : {}),
        ...(o.passwordField ? { passwordField: o.passwordField } : {}),
        allowedOrigins: [new URL(authorizationUrl).origin],
        maxSteps: o.maxRequests ?? 12,
      });
      const r = await login.authorize(
        {
          url: authorizationUrl,
          redirectUri,
          decision: choice.deny ? 'deny' : 'approve',
          user: { username: choice.username, password: choice.password },
          ...(choice.untick ? { untick: choice.untick } : {}),
          headers: { accept: 'text/html', ...(choice.from ? { 'x-forwarded-for': choice.from } : {}) },
        },
        fetchTransport(fetchFn),
      );
      if (r.redirect) {
        if (isCallback(r.redirect.url, redirectUri)) return { kind: 'callback', url: r.redirect.url };
        return { kind: 'no-redirect', status: r.redirect.status, title: 'redirected elsewhere', detail: r.redirect.url };
      }
      if (r.loginFailed !== undefined) return { kind: 'login-failed', detail: r.loginFailed };
      if (r.denyUnavailable && !r.page) return { kind: 'no-redirect', status: 0, title: 'cannot refuse', detail: r.denyUnavailable };
      return { kind: 'no-redirect', status: r.page?.status ?? 0, ...pageText(r.page?.body ?? '') };
    },
  };
}
