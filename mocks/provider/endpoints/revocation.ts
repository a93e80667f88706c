/**
 * Token revocation (RFC 7009 §2): 200 for revoked and for unknown tokens, unless the
 * provider answers like Google and Salesforce (400 `invalid_token`).
 */
import { authenticateClient } from '../client-auth/authenticate.js';
import type { ProviderContext } from '../context.js';
import { formBody, isFormRequest, repeatedParam, type ProviderRequest, type ProviderResponse } from '../http.js';
import { oauthError } from '../respond.js';
import { pairKey } from '../store.js';

export function revocation(ctx: ProviderContext, req: ProviderRequest): ProviderResponse {
  if (req.method !== 'POST') return oauthError(ctx, req, 'invalid_request', 'the revocation endpoint accepts POST only', 405, { allow: 'POST' });
  const strict = ctx.switches.revocation.strictRequest;
  if (strict && !isFormRequest(req)) return oauthError(ctx, req, 'invalid_request', 'the request body must be application/x-www-form-urlencoded');
  const params = formBody(req);
  const dup = strict ? repeatedParam(params) : undefined;
  if (dup !== undefined) return oauthError(ctx, req, 'invalid_request', `parameter "${dup}" is repeated`);
  const auth = authenticateClient(ctx, req, params);
  if (!auth.ok) return auth.response;
  const token = params.get('token');
  if (!token) return oauthError(ctx, req, 'invalid_request', 'token is required');
  const store = ctx.store;
  const rt = store.refreshTokens.get(token);
  const at = rt ? undefined : store.accessTokens.get(token);
  const owner = rt?.clientId ?? at?.clientId;
  if (owner !== undefined && owner !== auth.client.client_id) {
    return oauthError(ctx, req, 'unauthorized_client', 'the token was not issued to this client');
  }
  const now = ctx.clock.now();
  const live = (rt && !rt.revoked && (rt.expiresAt === null || rt.expiresAt > now)) || (at && !at.revoked && (at.expiresAt === null || at.expiresAt > now));
  if (!live && ctx.switches.revocation.style === 'invalid-token-400') {
    return oauthError(ctx, req, 'invalid_token', 'Token expired or revoked');
  }
  if (rt && ctx.switches.revocation.cascade) store.revokeGrant(rt.grantId, 'revocation');
  else if (rt) {
    // no cascade: only this refresh token dies; the grant's access tokens live until they expire
    rt.revoked = true;
    const grant = store.grants.get(rt.grantId);
    if (grant) store.refreshIssuedTo.delete(pairKey(grant.clientId, grant.username));
  } else if (at) at.revoked = true;
  return { status: 200, headers: { 'cache-control': 'no-store' }, body: '' };
}
