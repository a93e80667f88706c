/**
 * A protected resource (RFC 6750) on the oidc-provider fixture's Koa app: `/api/resource`
 * accepts bearer tokens in the Authorization header only, checks the audience and the
 * scope, and answers with RFC 6750 §3 challenges.
 */
import type { KoaContext, KoaMiddleware, ProviderInstance, TokenInstance } from './types.js';

export interface ResourceServerOptions {
  path: string;
  audience: string;
  requiredScope: string;
}

function challenge(ctx: KoaContext, status: number, attrs: string): void {
  ctx.status = status;
  ctx.set('www-authenticate', `Bearer realm="oidc-provider-fixture"${attrs ? `, ${attrs}` : ''}`);
  ctx.set('cache-control', 'no-store');
  ctx.body = { error: status === 401 && !attrs ? 'unauthorized' : /error="([^"]+)"/.exec(attrs)?.[1] };
}

async function findToken(provider: ProviderInstance, value: string): Promise<TokenInstance | undefined> {
  return (await provider.AccessToken.find(value)) ?? (await provider.ClientCredentials.find(value));
}

/** Koa middleware serving the protected resource. */
export function resourceServer(provider: ProviderInstance, options: ResourceServerOptions): KoaMiddleware {
  return async (ctx, next) => {
    if (ctx.path !== options.path) return next();
    const header = typeof ctx.headers.authorization === 'string' ? ctx.headers.authorization : undefined;
    const inQuery = ctx.query.access_token !== undefined;
    if (header && inQuery) return challenge(ctx, 400, 'error="invalid_request", error_description="token sent more than once"');
    const m = header ? /^bearer\s+(\S+)$/i.exec(header) : null;
    if (!m) return challenge(ctx, 401, '');
    const token = await findToken(provider, m[1]!);
    const aud = token ? [token.aud ?? []].flat() : [];
    if (!token || token.isExpired || !aud.includes(options.audience)) return challenge(ctx, 401, 'error="invalid_token"');
    if (!(token.scope ?? '').split(' ').includes(options.requiredScope)) {
      return challenge(ctx, 403, `error="insufficient_scope", scope="${options.requiredScope}"`);
    }
    ctx.status = 200;
    ctx.set('cache-control', 'no-store, private');
    ctx.body = { ok: true, client_id: token.clientId };
  };
}
