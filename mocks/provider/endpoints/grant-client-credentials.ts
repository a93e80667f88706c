/**
 * The client credentials grant (RFC 6749 §4.4): confidential clients only.
 */
import type { ProviderContext } from '../context.js';
import type { ProviderRequest, ProviderResponse } from '../http.js';
import { issueTokens } from '../issue.js';
import { randomToken } from '../random.js';
import { oauthError, tokenResponse } from '../respond.js';
import { parseScopes, within } from '../scopes.js';
import type { RegisteredClient } from '../switches.js';

/** Not `async`: with opaque tokens the answer is ready at once (see `issueTokens`). */
export function clientCredentialsGrant(ctx: ProviderContext, req: ProviderRequest, params: URLSearchParams, client: RegisteredClient): ProviderResponse | Promise<ProviderResponse> {
  if (client.client_secret === null) return oauthError(ctx, req, 'unauthorized_client', 'public clients may not use client_credentials', 400);
  const asked = parseScopes(ctx, params.get('scope'));
  const requested = asked.length ? asked : ctx.switches.scopes.defaultScopes;
  const granted = within(requested, client.scopes);
  if (granted.length < requested.length && ctx.switches.scopes.onUnregistered === 'reject') {
    return oauthError(ctx, req, 'invalid_scope', `scope not allowed for this client: ${requested.filter((s) => !granted.includes(s)).join(' ')}`);
  }
  let grantId: string | null = null;
  if (ctx.switches.refresh.forClientCredentials) {
    grantId = randomToken('g_');
    ctx.store.grants.set(grantId, { id: grantId, clientId: client.client_id, username: client.client_id, scopes: granted, revoked: false, withRefresh: true });
  }
  const payload = issueTokens(ctx, {
    clientId: client.client_id,
    grantId,
    username: null,
    granted,
    requested: asked,
    lifetime: ctx.switches.lifetimes.clientCredentialsToken,
    withRefresh: ctx.switches.refresh.forClientCredentials,
  });
  return payload instanceof Promise ? payload.then((p) => tokenResponse(ctx, req, p)) : tokenResponse(ctx, req, payload);
}
