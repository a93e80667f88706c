/**
 * The token endpoint (RFC 6749 §3.2, §4.1.3, §4.4, §6): method and body checks,
 * client authentication, then the grant's own processing.
 */
import { authenticateClient } from '../client-auth/authenticate.js';
import type { ProviderContext } from '../context.js';
import { formBody, isFormRequest, repeatedParam, type ProviderRequest, type ProviderResponse } from '../http.js';
import { addressAllowed } from '../network.js';
import { oauthError } from '../respond.js';
import { authorizationCodeGrant } from './grant-authorization-code.js';
import { clientCredentialsGrant } from './grant-client-credentials.js';
import { refreshTokenGrant } from './grant-refresh-token.js';

const GRANTS = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  client_credentials: clientCredentialsGrant,
} as const;

/**
 * `POST {token}` (or `GET` where the provider allows it). Not `async`: it returns the
 * grant's own promise (or an error at once) instead of wrapping it in another one.
 */
export function token(ctx: ProviderContext, req: ProviderRequest): ProviderResponse | Promise<ProviderResponse> {
  const methods = ctx.switches.tokenEndpoint.methods;
  if (!methods.includes(req.method as 'POST')) {
    const res = oauthError(ctx, req, 'invalid_request', `the token endpoint accepts ${methods.join(', ')} only`, 405);
    res.headers['allow'] = methods.join(', ');
    return res;
  }
  let params: URLSearchParams;
  if (req.method === 'GET') params = req.query;
  else {
    if (!isFormRequest(req)) return oauthError(ctx, req, 'invalid_request', 'the request body must be application/x-www-form-urlencoded');
    params = formBody(req);
  }
  const dup = repeatedParam(params);
  if (dup !== undefined) return oauthError(ctx, req, 'invalid_request', `parameter "${dup}" is repeated`);
  const net = addressAllowed(ctx, req);
  if (!net.allowed) return oauthError(ctx, req, 'invalid_grant', `ip restricted: requests from ${net.address} are not allowed`);
  const auth = authenticateClient(ctx, req, params);
  if (!auth.ok) return auth.response;
  // Facebook's documented GET exchange has no grant_type: `?client_id&redirect_uri&client_secret&code`
  const grantType = params.get('grant_type') ?? (req.method === 'GET' && params.has('code') ? 'authorization_code' : null);
  if (!grantType) return oauthError(ctx, req, 'invalid_request', 'grant_type is required');
  if (!Object.hasOwn(GRANTS, grantType)) return oauthError(ctx, req, 'unsupported_grant_type', `grant_type "${grantType}" is not supported`);
  if (!auth.client.grant_types.includes(grantType as 'refresh_token')) {
    return oauthError(ctx, req, 'unauthorized_client', `this client may not use the ${grantType} grant`);
  }
  return GRANTS[grantType as keyof typeof GRANTS](ctx, req, params, auth.client);
}
