/**
 * The refresh token grant (RFC 6749 §6) with rotation, reuse detection and a grace
 * period (RFC 9700 §4.14.2). All state changes happen synchronously, before the
 * first await, so a storm of concurrent refreshes of one token yields exactly one winner.
 */
import type { ProviderContext } from '../context.js';
import type { ProviderRequest, ProviderResponse } from '../http.js';
import { issueTokens } from '../issue.js';
import { oauthError, tokenResponse } from '../respond.js';
import { parseScopes } from '../scopes.js';
import type { RegisteredClient } from '../switches.js';

export async function refreshTokenGrant(ctx: ProviderContext, req: ProviderRequest, params: URLSearchParams, client: RegisteredClient): Promise<ProviderResponse> {
  const value = params.get('refresh_token');
  if (!value) return oauthError(ctx, req, 'invalid_request', 'refresh_token is required');
  const rt = ctx.store.refreshTokens.get(value);
  const now = ctx.clock.now();
  if (!rt || rt.clientId !== client.client_id) return oauthError(ctx, req, 'invalid_grant', 'refresh token is invalid');
  const grant = ctx.store.grants.get(rt.grantId);
  if (rt.revoked || !grant || grant.revoked) return oauthError(ctx, req, 'invalid_grant', 'refresh token was revoked');
  if (rt.expiresAt !== null && rt.expiresAt <= now) return oauthError(ctx, req, 'invalid_grant', 'refresh token expired');
  const r = ctx.switches.refresh;
  if (rt.rotatedAt !== null && now - rt.rotatedAt >= r.gracePeriod * 1000) {
    if (r.reuseDetection === 'revoke-grant') {
      ctx.store.revokeGrant(rt.grantId, 'refresh-token-reuse');
      return oauthError(ctx, req, 'invalid_grant', 'refresh token was already used; the grant is revoked (reuse detected)');
    }
    return oauthError(ctx, req, 'invalid_grant', 'refresh token was already used');
  }
  const asked = parseScopes(ctx, params.get('scope'));
  // RFC 6749 §6: the scope of a refresh MUST NOT include a scope not originally granted; providers reject, narrow or ignore it
  const beyond = asked.filter((s) => !rt.scopes.includes(s));
  const check = r.scopeCheck;
  if (beyond.length && check === 'reject') return oauthError(ctx, req, 'invalid_scope', `refresh token missing requested scope: ${beyond.join(' ')} (the requested scope exceeds the scope of the grant)`);
  const within = asked.filter((s) => rt.scopes.includes(s));
  const granted = !asked.length || check === 'ignore' || !within.length ? rt.scopes : within;
  // RFC 9700 §4.14.2: refresh tokens of public clients are rotated (unless the profile says otherwise)
  const rotation = r.rotation === 'keep' && client.client_secret === null && r.rotatePublicClients ? 'rotate' : r.rotation;
  const rotate = rotation !== 'keep';
  if (rotation === 'rotate' && rt.rotatedAt === null) rt.rotatedAt = now;
  const payload = await issueTokens(ctx, {
    clientId: client.client_id,
    grantId: rt.grantId,
    username: grant.username,
    granted,
    requested: asked.length ? asked : rt.scopes,
    lifetime: ctx.switches.lifetimes.accessToken,
    withRefresh: rotate,
    refreshScopes: rt.scopes,
  });
  return tokenResponse(ctx, req, payload);
}
