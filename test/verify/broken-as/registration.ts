/**
 * Dynamic client registration (RFC 7591) of the broken AS.
 */
import { randomBytes } from 'node:crypto';
import { json, type Req, type Res } from './http.js';
import type { AsState } from './state.js';

function redirectProblem(state: AsState, uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !URL.canParse(uri)) return state.has('dcr-accepts-bad-uri') ? undefined : 'not an absolute URI';
  const u = new URL(uri);
  if (u.hash && !state.has('dcr-accepts-bad-uri')) return 'has a fragment';
  const loopback = u.hostname === '127.0.0.1' || u.hostname === '[::1]' || u.hostname === 'localhost';
  if (u.protocol === 'http:' && !loopback && !state.has('dcr-allows-http-redirect')) return 'http is only allowed for loopback';
  return undefined;
}

export function registrationEndpoint(state: AsState, req: Req, res: Res): void {
  const noStore: Record<string, string> = state.has('dcr-no-cache-control') ? {} : { 'cache-control': 'no-store', pragma: 'no-cache' };
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(req.body || '{}') as Record<string, unknown>;
  } catch {
    return json(res, 400, { error: 'invalid_client_metadata', error_description: 'not JSON' });
  }
  const method = (body.token_endpoint_auth_method as string | undefined) ?? (state.has('dcr-default-post-only') ? 'client_secret_post' : 'client_secret_basic');
  const grants = (body.grant_types as string[] | undefined) ?? ['authorization_code'];
  const redirects = body.redirect_uris;
  if (redirects === undefined) {
    if (grants.includes('authorization_code') && !(method === 'none' && state.has('dcr-public-without-redirect'))) {
      return json(res, 400, { error: 'invalid_redirect_uri', error_description: 'redirect_uris is required' });
    }
  } else {
    if (!Array.isArray(redirects)) return json(res, 400, { error: 'invalid_redirect_uri', error_description: 'redirect_uris must be an array' });
    for (const r of redirects) {
      const why = redirectProblem(state, r);
      if (why) return json(res, 400, { error: 'invalid_redirect_uri', error_description: `${String(r)}: ${why}` });
    }
  }
  const clientId = `dcr-${randomBytes(6).toString('hex')}`;
  const secret = method === 'none' ? undefined : randomBytes(24).toString('base64url');
  state.clients.set(clientId, {
    client_id: clientId,
    ...(secret ? { client_secret: secret } : {}),
    redirect_uris: (redirects as string[] | undefined) ?? [],
    grants: new Set([...grants, 'client_credentials']),
    authMethods: new Set([method as 'client_secret_basic']),
    pkceRequired: method === 'none',
    native: false,
    introspector: false,
  });
  const full = {
    ...body,
    client_id: clientId,
    ...(secret ? { client_secret: secret } : {}),
    ...(secret && !state.has('dcr-no-secret-expires-at') ? { client_secret_expires_at: 0 } : {}),
    client_id_issued_at: Math.floor(Date.now() / 1000),
    token_endpoint_auth_method: method,
    grant_types: grants,
    response_types: (body.response_types as string[] | undefined) ?? ['code'],
  };
  const out = state.has('dcr-no-echo') ? { client_id: clientId, ...(secret ? { client_secret: secret, client_secret_expires_at: 0 } : {}) } : full;
  json(res, state.has('dcr-returns-200') ? 200 : 201, out, noStore);
}
