/**
 * Minting access, refresh and ID tokens into the store. State changes happen before
 * any signing await, so concurrent refreshes see each other's effects.
 */
import type { ProviderContext } from './context.js';
import { randomToken } from './random.js';
import type { TokenPayload } from './respond.js';
import { pairKey } from './store.js';

export interface IssueInput {
  clientId: string;
  grantId: string | null;
  username: string | null;
  granted: string[];
  requested: string[];
  /** Access-token lifetime in seconds, null = never expires. */
  lifetime: number | null;
  withRefresh: boolean;
  /** Scope of the new refresh token when it differs from `granted` (a rotation after a narrowed refresh keeps the original scope, RFC 6749 §6). */
  refreshScopes?: string[];
  nonce?: string | null;
}

/**
 * Stores a new access token (and refresh token) and returns the response payload:
 * at once for opaque tokens, as a promise when a JWT access token or an ID token has
 * to be signed. (Opaque client-credentials tokens are the hot path of load tests; an
 * `async` function here cost a promise and a microtask per token.)
 */
export function issueTokens(ctx: ProviderContext, input: IssueInput): TokenPayload | Promise<TokenPayload> {
  const now = ctx.clock.now();
  // a provider whose clock runs ahead makes every token expire that much sooner than expires_in says
  const expiresAt = input.lifetime === null ? null : now + (input.lifetime - ctx.switches.lifetimes.clockSkew) * 1000;
  const scopes = ctx.store.sharedScopes(input.granted);
  const access = randomToken('at_');
  ctx.store.accessTokens.set(access, { clientId: input.clientId, grantId: input.grantId, username: input.username, scopes, expiresAt, revoked: false });
  let refresh: string | undefined;
  const rtLife = ctx.switches.lifetimes.refreshToken;
  if (input.withRefresh && input.grantId) {
    refresh = randomToken('rt_');
    ctx.store.refreshTokens.set(refresh, {
      grantId: input.grantId,
      clientId: input.clientId,
      scopes: input.refreshScopes ? ctx.store.sharedScopes(input.refreshScopes) : scopes,
      expiresAt: rtLife === null ? null : now + rtLife * 1000,
      revoked: false,
      rotatedAt: null,
    });
    const grant = ctx.store.grants.get(input.grantId);
    if (grant && input.username) {
      grant.withRefresh = true;
      ctx.store.refreshIssuedTo.add(pairKey(input.clientId, input.username));
    }
  }
  ctx.store.touch();
  const payload: TokenPayload = { access_token: access, expires_in: input.lifetime, refresh_token: refresh, refresh_expires_in: refresh ? rtLife : null, granted: input.granted, requested: input.requested, id_token: undefined };
  const jwtAccess = ctx.switches.tokenResponse.accessTokenFormat === 'jwt';
  const idToken = !!input.username && input.granted.includes('openid');
  return jwtAccess || idToken ? sign(ctx, input, payload, now, expiresAt, jwtAccess, idToken) : payload;
}

/** Signs the JWT access token (re-keying its stored record) and the ID token of a payload. */
async function sign(ctx: ProviderContext, input: IssueInput, payload: TokenPayload, now: number, expiresAt: number | null, jwtAccess: boolean, idToken: boolean): Promise<TokenPayload> {
  if (jwtAccess) {
    const access = payload.access_token;
    const jwt = await ctx.keys.sign(
      {
        iss: ctx.issuer,
        sub: input.username ?? input.clientId,
        client_id: input.clientId,
        scope: input.granted.join(' '),
        iat: Math.floor(now / 1000),
        ...(expiresAt === null ? {} : { exp: Math.floor(expiresAt / 1000) }),
        jti: access.slice(3),
      },
      'at+jwt',
    );
    ctx.store.accessTokens.set(jwt, ctx.store.accessTokens.get(access)!);
    ctx.store.accessTokens.delete(access);
    payload.access_token = jwt;
  }
  if (idToken) {
    payload.id_token = await ctx.keys.sign({
      iss: ctx.issuer,
      sub: input.username!,
      aud: input.clientId,
      iat: Math.floor(now / 1000),
      exp: Math.floor(now / 1000) + 3600,
      ...(input.nonce ? { nonce: input.nonce } : {}),
    });
  }
  return payload;
}
