/**
 * Token introspection (RFC 7662 §2): `active` and the token's metadata.
 */
import { authenticateClient } from '../client-auth/authenticate.js';
import type { ProviderContext } from '../context.js';
import { formBody, isFormRequest, repeatedParam, json, type ProviderRequest, type ProviderResponse } from '../http.js';
import { oauthError } from '../respond.js';

export function introspection(ctx: ProviderContext, req: ProviderRequest): ProviderResponse {
  if (req.method !== 'POST') return oauthError(ctx, req, 'invalid_request', 'the introspection endpoint accepts POST only', 405, { allow: 'POST' });
  const strict = ctx.switches.introspection.strictRequest;
  if (strict && !isFormRequest(req)) return oauthError(ctx, req, 'invalid_request', 'the request body must be application/x-www-form-urlencoded');
  const params = formBody(req);
  const dup = strict ? repeatedParam(params) : undefined;
  if (dup !== undefined) return oauthError(ctx, req, 'invalid_request', `parameter "${dup}" is repeated`);
  const auth = authenticateClient(ctx, req, params);
  if (!auth.ok) return auth.response;
  const token = params.get('token');
  if (!token) return oauthError(ctx, req, 'invalid_request', 'token is required');
  const now = ctx.clock.now();
  const noStore = { 'cache-control': 'no-store' };
  const at = ctx.store.accessTokens.get(token);
  if (at && !at.revoked && (at.expiresAt === null || at.expiresAt > now)) {
    return json(200, {
      active: true,
      scope: at.scopes.join(' '),
      client_id: at.clientId,
      token_type: 'Bearer',
      ...(at.username ? { sub: at.username, username: at.username } : {}),
      ...(at.expiresAt === null ? {} : { exp: Math.floor(at.expiresAt / 1000) }),
      iss: ctx.issuer,
    }, noStore);
  }
  const rt = ctx.store.refreshTokens.get(token);
  const grant = rt && ctx.store.grants.get(rt.grantId);
  if (rt && grant && !rt.revoked && !grant.revoked && (rt.expiresAt === null || rt.expiresAt > now) && rt.rotatedAt === null) {
    return json(200, { active: true, scope: rt.scopes.join(' '), client_id: rt.clientId, token_type: 'refresh_token', sub: grant.username, iss: ctx.issuer }, noStore);
  }
  return json(200, { active: false }, noStore);
}
