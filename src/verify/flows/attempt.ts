/**
 * An authorization attempt whose outcome matters even if the server validates only after
 * login: with a login driver the flow is completed, otherwise it stops where a fresh
 * browser would (RFC 6749 §3.1.2.4, §4.1.2.1).
 */
import type { CheckContext } from '../context.js';
import { type AuthorizationOptions, buildAuthorization, responseParams, type ResponseParams, runAuthorization } from './authorize.js';
import { land } from './landing.js';

export interface AttemptOutcome {
  /** Redirect that left the server. */
  redirect?: { url: string; rawLocation: string; status: number };
  response?: ResponseParams;
  /** Final page at the server. */
  page?: { url: string; status: number; body: string };
  /** One-line description for messages. */
  summary: string;
}

function parse(url: string): ResponseParams | undefined {
  try {
    return responseParams(url);
  } catch {
    return undefined;
  }
}

/** Run the authorization request described by `o`, logging in when a driver is configured. */
export async function attemptAuthorization(ctx: CheckContext, o: AuthorizationOptions = {}): Promise<AttemptOutcome> {
  if (ctx.ua) {
    const run = await runAuthorization(ctx, o);
    const r = run.result.redirect;
    if (r) {
      const response = parse(r.url);
      return { redirect: r, ...(response ? { response } : {}), summary: `redirect ${r.status} to ${hideCode(r.url)}` };
    }
    const p = run.result.page;
    return {
      ...(p ? { page: { url: p.url, status: p.status, body: p.body } } : {}),
      summary: p ? `page HTTP ${p.status}${run.result.note ? ` (${run.result.note})` : ''}` : (run.result.note ?? 'no response'),
    };
  }
  const built = buildAuthorization(ctx, o);
  const l = await land(ctx, built.url, built.redirectUri ? { redirectUri: built.redirectUri } : {});
  if (l.redirect) {
    const response = parse(l.redirect.url);
    return { redirect: l.redirect, ...(response ? { response } : {}), summary: `redirect ${l.redirect.status} to ${hideCode(l.redirect.url)}` };
  }
  const p = l.page!;
  return { page: { url: p.url, status: p.status, body: p.text }, summary: `page HTTP ${p.status}${l.loginPage ? ' (login form)' : ''}` };
}

/** Mask a code value in a URL for messages (the exchange log keeps a redacted copy). */
export function hideCode(url: string): string {
  return url.replace(/([?#&]code=)[^&#]+/, '$1…');
}
