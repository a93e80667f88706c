/**
 * Unauthenticated navigation: what a fresh browser (empty cookie jar) gets when it opens
 * an authorization URL, following redirects within the authorization server only.
 * Used by the checks that must not need a login (RFC 9700 §4.11.2, clickjacking, …).
 */
import type { CheckContext } from '../context.js';
import { mediaType } from '../../http/headers.js';
import type { ProbeResponse } from '../probe.js';
import { driverOrigins } from '../create-driver.js';
import { parseHtml } from '../../user-agent/html.js';
import { HttpUserAgent, isRedirect } from '../../user-agent/http-user-agent.js';
import { leavesServer } from '../../user-agent/login-strategy.js';

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
  const allowed = serverOrigins(ctx);
  const redirectUri = options.redirectUri ?? ctx.clients.primary.redirect_uri ?? 'about:blank';
  const ua = new HttpUserAgent(ctx.http, { accept: 'text/html,*/*;q=0.8', ...options.headers });
  const first = { method: options.method ?? 'GET', url, from: 'user-agent' as const, endpoint: 'authorize', ...(options.body !== undefined ? { body: options.body } : {}) };
  const { res, hops, url: last, left } = await ua.follow(first, { stay: (u) => !leavesServer(u, allowed, redirectUri), maxRequests: 10, redirectEndpoint: 'login' });
  if (left !== undefined) return { redirect: { url: left, rawLocation: res.rawLocation ?? left, status: res.status }, hops, loginPage: false };
  if (isRedirect(res)) return { page: res, hops, loginPage: false };
  const html = mediaType(res.headers.get('content-type')) === 'text/html';
  return { page: res, hops, loginPage: html && isLoginPage(ctx, res.text, last) };
}
