/**
 * Refresh (RFC 6749 §6), revocation (RFC 7009 §2.1) and introspection (RFC 7662 §2.1)
 * calls, all authenticated like token requests.
 */
import type { TestClient } from '../clients.js';
import type { CheckContext } from '../context.js';
import { isJsonObject } from '../../http/json.js';
import { authenticatedPost, type ClientAuth, tokenRequest, type TokenResult } from './token.js';

export interface CallOptions {
  client?: TestClient;
  auth?: ClientAuth;
  extra?: Array<[string, string]>;
}

/** `grant_type=refresh_token`; `scope` omitted unless given. */
export async function refresh(ctx: CheckContext, refreshToken: string, o: CallOptions & { scope?: string } = {}): Promise<TokenResult> {
  const params: Array<[string, string]> = [
    ['grant_type', 'refresh_token'],
    ['refresh_token', refreshToken],
  ];
  if (o.scope !== undefined) params.push(['scope', o.scope]);
  return tokenRequest(ctx, { ...(o.client ? { client: o.client } : {}), ...(o.auth ? { auth: o.auth } : {}), params: [...params, ...(o.extra ?? [])] });
}

/** Revoke `token` (optional `token_type_hint`). */
export async function revoke(ctx: CheckContext, token: string | undefined, o: CallOptions & { hint?: string } = {}): Promise<TokenResult> {
  const params: Array<[string, string]> = token === undefined ? [] : [['token', token]];
  if (o.hint !== undefined) params.push(['token_type_hint', o.hint]);
  return authenticatedPost(ctx, {
    url: ctx.endpoint('revocation_endpoint'),
    endpoint: 'revocation',
    ...(o.client ? { client: o.client } : {}),
    ...(o.auth ? { auth: o.auth } : {}),
    params: [...params, ...(o.extra ?? [])],
  });
}

export interface IntrospectionResult extends TokenResult {
  /** `active` exactly as sent (may be a non-boolean in a broken response). */
  active: unknown;
  json: Record<string, unknown> | undefined;
}

/** Introspect `token` as the introspection client (F10, else F1). */
export async function introspect(ctx: CheckContext, token: string, o: CallOptions & { hint?: string } = {}): Promise<IntrospectionResult> {
  const params: Array<[string, string]> = [['token', token]];
  if (o.hint !== undefined) params.push(['token_type_hint', o.hint]);
  const r = await authenticatedPost(ctx, {
    url: ctx.endpoint('introspection_endpoint'),
    endpoint: 'introspection',
    client: o.client ?? ctx.clients.introspector,
    ...(o.auth ? { auth: o.auth } : {}),
    params: [...params, ...(o.extra ?? [])],
  });
  const json = isJsonObject(r.res.json) ? r.res.json : undefined;
  return { ...r, json, active: json?.active };
}

/** Poll `probe` until it returns true or `windowMs` elapses; returns the last value and the wait. */
export async function eventually(
  ctx: CheckContext,
  probe: () => Promise<boolean>,
  windowMs: number,
  intervalMs = 500,
): Promise<{ ok: boolean; waitedMs: number }> {
  const start = Date.now();
  for (;;) {
    if (await probe()) return { ok: true, waitedMs: Date.now() - start };
    if (Date.now() - start >= windowMs) return { ok: false, waitedMs: Date.now() - start };
    await ctx.sleep(intervalMs);
  }
}

/**
 * How long to wait for a revocation to show on an access token obtained at `obtainedAt`
 * (ms): the configured propagation window, cut short before the token would expire on its
 * own (an expiry must never be mistaken for a revocation).
 */
export function revocationWindowMs(ctx: CheckContext, obtainedAt: number): number {
  const window = ctx.config.propagationSeconds * 1000;
  const lifetime = ctx.config.lifetimes.accessToken;
  if (!lifetime) return window;
  return Math.max(0, Math.min(window, lifetime * 1000 - (Date.now() - obtainedAt) - 1000));
}

/**
 * Waits until `gone` holds, within the revocation window of a token obtained at
 * `obtainedAt` ({@link revocationWindowMs}): how every check sees a revocation take effect
 * (RFC 7009 §2.2 allows a propagation delay).
 */
export function untilRevoked(ctx: CheckContext, obtainedAt: number, gone: () => Promise<boolean>): Promise<{ ok: boolean; waitedMs: number }> {
  return eventually(ctx, gone, revocationWindowMs(ctx, obtainedAt));
}
