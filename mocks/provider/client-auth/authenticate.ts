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

/**
 * Authenticates the client of a request whose parameters are `params` (the form body
 * of a POST, or the query of a GET token request).
 */
export function authenticateClient(ctx: ProviderContext, req: ProviderRequest, params: URLSearchParams): AuthOutcome {
  const sw = ctx.switches.clientAuth;
  const presented = [fromBasicHeader(req, sw.basicEncoding), fromBody(req, params), fromQuery(req)].filter(
    (p): p is PresentedCredentials => p !== undefined,
  );
  const usedBasic = presented.some((p) => p.method === 'client_secret_basic');
  const fail = (description: string, error = 'invalid_client'): AuthOutcome => {
    const status = error === 'invalid_client' ? (usedBasic ? 401 : sw.invalidClientStatus) : 400;
    const headers: Record<string, string> = status === 401 ? { 'www-authenticate': `Basic realm="${ctx.issuer}", charset="UTF-8"` } : {};
    return { ok: false, response: oauthError(ctx, req, error, description, status, headers) };
  };

  if (presented.length > 1 && sw.rejectMultiple) {
    return fail(`the client used more than one authentication method (${presented.map((p) => p.method).join(' and ')})`, 'invalid_request');
  }
  const cred = presented[0];
  const bodyId = params.get('client_id') ?? undefined;
  if (!cred) {
    const client = bodyId ? ctx.clients.get(bodyId) : undefined;
    if (client && client.client_secret === null) return { ok: true, client, method: 'none' };
    return fail(bodyId ? 'client authentication is required for this client' : 'no client authentication was sent');
  }
  if (cred.malformed) return fail(cred.malformed);
  if (cred.method === 'client_secret_basic' && bodyId !== undefined && bodyId !== cred.clientId) {
    return fail('client_id in the body does not match the Basic credentials', 'invalid_request');
  }
  const client = cred.clientId ? ctx.clients.get(cred.clientId) : undefined;
  if (!client) return fail('unknown client');
  const allowed = client.auth_methods.length ? client.auth_methods.filter((m) => sw.methods.includes(m)) : sw.methods;
  if (!allowed.includes(cred.method)) {
    return fail(`client credentials in ${LABEL[cred.method]} are not accepted; send them in ${allowed.map((m) => LABEL[m]).join(' or ')}`);
  }
  if (client.client_secret === null || client.client_secret !== cred.secret) return fail('client authentication failed');
  return { ok: true, client, method: cred.method };
}
