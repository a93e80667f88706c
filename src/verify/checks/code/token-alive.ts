/**
 * Is a token still usable? Introspection when available (no side effects), else the
 * resource server, else (refresh tokens) a refresh attempt.
 */
import type { CheckContext } from '../../context.js';
import { introspect, refresh } from '../../flows/grants.js';
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
