/**
 * Client authentication at the token, revocation and introspection endpoints
 * (RFC 6749 §2.3, §5.2), governed by the `clientAuth` switches.
 */
import type { ProviderContext } from '../context.js';
import type { ProviderRequest, ProviderResponse } from '../http.js';
import { oauthError } from '../respond.js';
import type { ClientAuthMethod, RegisteredClient } from '../switches.js';
import { fromBasicHeader, fromBody, fromQuery, type PresentedCredentials } from './presented.js';

export type AuthOutcome =
  | { ok: true; client: RegisteredClient; method: ClientAuthMethod | 'none' }
  | { ok: false; response: ProviderResponse };

const LABEL: Record<ClientAuthMethod, string> = {
  client_secret_basic: 'an HTTP Basic header (client_secret_basic)',
  client_secret_post: 'the request body (client_secret_post)',
  client_secret_query: 'the query string',
};

/** An `invalid_client` (or other) failure; 401 with a Basic challenge when the client used Basic (RFC 6749 §5.2). */
function failure(ctx: ProviderContext, req: ProviderRequest, usedBasic: boolean, description: string, error = 'invalid_client'): AuthOutcome {
  const status = error === 'invalid_client' ? (usedBasic ? 401 : ctx.switches.clientAuth.invalidClientStatus) : 400;
  const headers: Record<string, string> = status === 401 ? { 'www-authenticate': `Basic realm="${ctx.issuer}", charset="UTF-8"` } : {};
  return { ok: false, response: oauthError(ctx, req, error, description, status, headers) };
}

/** Whether the client may authenticate with `method`: allowed by the switches and by its registration (none registered = any). */
function methodAllowed(client: RegisteredClient, methods: readonly ClientAuthMethod[], method: ClientAuthMethod): boolean {
  return methods.includes(method) && (client.auth_methods.length === 0 || client.auth_methods.includes(method));
}

/**
 * Authenticates the client of a request whose parameters are `params` (the form body
 * of a POST, or the query of a GET token request).
 *
 * Runs on every token request: the three placements are read into locals rather than
 * an array (no array, filter or closure per request); lists for messages are built
 * only on failure.
 */
export function authenticateClient(ctx: ProviderContext, req: ProviderRequest, params: URLSearchParams): AuthOutcome {
  const sw = ctx.switches.clientAuth;
  const basic = fromBasicHeader(req, sw.basicEncoding);
  const body = fromBody(req, params);
  const query = fromQuery(req);
  const usedBasic = basic !== undefined;
  const cred = basic ?? body ?? query;
  if (sw.rejectMultiple && (usedBasic ? 1 : 0) + (body ? 1 : 0) + (query ? 1 : 0) > 1) {
    const methods = [basic, body, query].filter((p): p is PresentedCredentials => p !== undefined).map((p) => p.method);
    return failure(ctx, req, usedBasic, `the client used more than one authentication method (${methods.join(' and ')})`, 'invalid_request');
  }
  const bodyId = params.get('client_id') ?? undefined;
  if (!cred) {
    const client = bodyId ? ctx.clients.get(bodyId) : undefined;
    if (client && client.client_secret === null) return { ok: true, client, method: 'none' };
    return failure(ctx, req, usedBasic, bodyId ? 'client authentication is required for this client' : 'no client authentication was sent');
  }
  if (cred.malformed) return failure(ctx, req, usedBasic, cred.malformed);
  if (cred.method === 'client_secret_basic' && bodyId !== undefined && bodyId !== cred.clientId) {
    return failure(ctx, req, usedBasic, 'client_id in the body does not match the Basic credentials', 'invalid_request');
  }
  // RFC 6749 §3.2.1 asks client_id only of unauthenticated clients; some providers want it with Basic too
  if (cred.method === 'client_secret_basic' && bodyId === undefined && sw.requireClientIdInBody) {
    return failure(ctx, req, usedBasic, 'client_id is required in the request body', 'invalid_request');
  }
  const client = cred.clientId ? ctx.clients.get(cred.clientId) : undefined;
  if (!client) return failure(ctx, req, usedBasic, 'unknown client');
  if (!methodAllowed(client, sw.methods, cred.method)) {
    const allowed = sw.methods.filter((m) => methodAllowed(client, sw.methods, m));
    return failure(ctx, req, usedBasic, `client credentials in ${LABEL[cred.method]} are not accepted; send them in ${allowed.map((m) => LABEL[m]).join(' or ')}`);
  }
  if (client.client_secret === null || client.client_secret !== cred.secret) return failure(ctx, req, usedBasic, 'client authentication failed');
  return { ok: true, client, method: cred.method };
}
