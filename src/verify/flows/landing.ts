/**
 * Unauthenticated navigation: what a fresh browser (empty cookie jar) gets when it opens
 * an authorization URL, following redirects within the authorization server only.
 * Used by the checks that must not need a login (RFC 9700 §4.11.2, clickjacking, …).
 */
import type { CheckContext } from '../context.js';
import { mediaType } from '../../http/headers.js';
import type { ProbeResponse } from '../probe.js';
import { CookieJar } from '../user-agent/cookie-jar.js';
import { driverOrigins } from '../user-agent/create-driver.js';
import { leavesServer } from '../user-agent/driver.js';
import { parseHtml } from '../user-agent/html.js';

export interface Landing {
  /** The redirect that left the server, if the navigation ended with one. */
  redirect?: { url: string; rawLocation: string; status: number };
  /** The final response when it stayed on the server. */
  page?: ProbeResponse;
  /** Every response, in order. */
  hops: ProbeResponse[];
  /** The final page is a login form (password field or configured login fields). */
  loginPage: boolean;
}

/** Origins the navigation may stay within. */
export function serverOrigins(ctx: CheckContext): Set<string> {
  const login = ctx.config.login ?? { kind: 'form' as const, fields: {}, allowedOrigins: [] };
  return new Set(driverOrigins(ctx.config, ctx.endpoint('authorization_endpoint'), login));
}

/** Is the HTML a login page? */
export function isLoginPage(ctx: CheckContext, html: string, url: string): boolean {
  const fields = ctx.config.login?.kind === 'form' ? Object.keys(ctx.config.login.fields) : [];
  return parseHtml(html, url).forms.some((f) =>
    f.controls.some((c) => c.type === 'password' || (c.name !== undefined && fields.includes(c.name))),
  );
}

/** Navigate to `url` (GET, or POST with `body`) with a fresh cookie jar. */
export async function land(
  ctx: CheckContext,
  url: string,
  options: { redirectUri?: string; method?: 'GET' | 'POST'; body?: string; headers?: Record<string, string> } = {},
): Promise<Landing> {
  const jar = new CookieJar();
  const allowed = serverOrigins(ctx);
  const redirectUri = options.redirectUri ?? ctx.clients.primary.redirect_uri ?? 'about:blank';
  const hops: ProbeResponse[] = [];
  let method = options.method ?? 'GET';
  let next = url;
  let body = options.body;
  for (let i = 0; i < 10; i += 1) {
    const cookie = jar.header(next);
    const res = await ctx.http.send({
      method,
      url: next,
      from: 'user-agent',
      endpoint: i === 0 ? 'authorize' : 'login',
      headers: { accept: 'text/html,*/*;q=0.8', ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...options.headers },
      ...(body !== undefined ? { body } : {}),
    });
    hops.push(res);
    jar.store(next, res.setCookies);
    if (res.status >= 300 && res.status < 400 && res.location) {
      if (leavesServer(res.location, allowed, redirectUri)) {
        return { redirect: { url: res.location, rawLocation: res.rawLocation ?? res.location, status: res.status }, hops, loginPage: false };
      }
      next = res.location;
      if (res.status !== 307 && res.status !== 308) {
        method = 'GET';
        body = undefined;
      }
      continue;
    }
    const html = mediaType(res.headers.get('content-type')) === 'text/html';
    return { page: res, hops, loginPage: html && isLoginPage(ctx, res.text, next) };
  }
  return { page: hops[hops.length - 1]!, hops, loginPage: false };
}
