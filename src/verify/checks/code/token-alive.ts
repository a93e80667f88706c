/**
 * Is a token still usable? Introspection when available (no side effects), else the
 * resource server, else (refresh tokens) a refresh attempt.
 */
import { SetupFailure } from '../../check.js';
import type { CheckContext } from '../../context.js';
import { introspect, refresh, untilRevoked } from '../../flows/grants.js';
import { callResource } from '../../flows/resource.js';
import type { TestClient } from '../../clients.js';
import { metaString } from '../../metadata.js';

export type Liveness = { alive: boolean; via: 'introspection' | 'resource server' | 'refresh' } | undefined;

/** Access token liveness; undefined when nothing can tell. */
export async function accessTokenAlive(ctx: CheckContext, token: string): Promise<Liveness> {
  if (metaString(ctx.metadata, 'introspection_endpoint')) {
    const r = await introspect(ctx, token);
    if (r.res.status === 200 && typeof r.active === 'boolean') return { alive: r.active, via: 'introspection' };
  }
  if (ctx.config.fixtures.resourceServer) {
    const res = await callResource(ctx, token);
    return { alive: res.status >= 200 && res.status < 300, via: 'resource server' };
  }
  return undefined;
}

/** Refresh token liveness, by using it (a successful refresh consumes nothing the check needs). */
export async function refreshTokenAlive(ctx: CheckContext, token: string, client?: TestClient): Promise<Liveness> {
  const r = await refresh(ctx, token, client ? { client } : {});
  return { alive: r.ok, via: 'refresh' };
}

/** Fresh tokens a check is about to revoke, when they were obtained, and whether the access token could be seen alive. */
export interface Watched<T> {
  tokens: T;
  obtainedAt: number;
  /** The access token's liveness before anything was done to it; undefined when nothing can tell. */
  before: Liveness;
}

/**
 * The opening of the checks that revoke a token and watch it stop working: obtain fresh
 * tokens, note when, and see the access token alive first. An access token that is
 * already inactive makes the check not tested (a setup failure), never failed.
 */
export async function obtainWatched<T extends { accessToken: string }>(ctx: CheckContext, obtain: (ctx: CheckContext) => Promise<T>): Promise<Watched<T>> {
  const tokens = await obtain(ctx);
  const obtainedAt = Date.now();
  const before = await accessTokenAlive(ctx, tokens.accessToken);
  if (before && !before.alive) throw new SetupFailure(`the fresh access token is already inactive (${before.via})`);
  return { tokens, obtainedAt, before };
}

/** Waits, within the revocation window, until the access token obtained at `obtainedAt` no longer works. */
export function untilAccessTokenDead(ctx: CheckContext, token: string, obtainedAt: number): Promise<{ ok: boolean; waitedMs: number }> {
  return untilRevoked(ctx, obtainedAt, async () => !(await accessTokenAlive(ctx, token))?.alive);
}
