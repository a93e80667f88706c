/**
 * Revocation (RFC 7009) and introspection (RFC 7662) endpoints of the broken AS.
 */
import { jwtVerify, createLocalJWKSet } from 'jose';
import { authenticateClient } from './client-auth.js';
import { json, type Req, type Res, send } from './http.js';
import { basicChallenge, oauthError, readParams } from './responses.js';
import type { AsState, TokenRecord } from './state.js';

function lookup(state: AsState, value: string, hint: string | undefined, strict: boolean): TokenRecord | undefined {
  const rec = state.find(value);
  if (!rec) return undefined;
  const kind = hint === 'access_token' ? 'access' : hint === 'refresh_token' ? 'refresh' : undefined;
  if (strict && kind && rec.kind !== kind) return undefined;
  return rec;
}

export async function revocationEndpoint(state: AsState, req: Req, res: Res): Promise<void> {
  if (req.method !== 'POST') return oauthError(state, res, 405, 'invalid_request', 'use POST', { allow: 'POST' });
  const { params } = readParams(state, req.body);
  if (!state.has('revocation-no-client-auth')) {
    const auth = authenticateClient(state, req, params);
    if (!auth.ok) return oauthError(state, res, auth.status, auth.error, auth.description, auth.challenge ? basicChallenge() : {});
  }
  const token = params.get('token');
  if (token === undefined) {
    if (state.has('revocation-missing-token-200')) return send(res, 200, '');
    return oauthError(state, res, 400, 'invalid_request', 'token is missing');
  }
  const hint = params.get('token_type_hint');
  if (hint !== undefined && !['access_token', 'refresh_token'].includes(hint) && state.has('revocation-rejects-unknown-hint')) {
    return oauthError(state, res, 400, 'unsupported_token_type', `unknown hint ${hint}`);
  }
  const rec = lookup(state, token, hint, state.has('revocation-hint-strict'));
  if (!rec) {
    if (state.has('revocation-invalid-token-400')) return oauthError(state, res, 400, 'invalid_token', 'unknown token');
    return send(res, 200, '');
  }
  const callerId = params.get('client_id') ?? clientIdFromBasic(req);
  if (rec.clientId !== callerId && !state.has('revocation-any-client') && !state.has('revocation-no-client-auth')) {
    return oauthError(state, res, 400, 'unauthorized_client', 'token was issued to another client');
  }
  if (rec.kind === 'access') {
    if (state.has('revocation-at-400-invalid-request')) return oauthError(state, res, 400, 'invalid_request', 'cannot revoke access tokens');
    if (!state.has('revocation-noop-at')) state.revoke(rec);
    if (!state.has('at-revocation-keeps-rt')) state.revokeFamily(rec.family, ['refresh']);
  } else if (!state.has('revocation-noop')) {
    state.revoke(rec);
    if (!state.has('revocation-no-cascade')) state.revokeFamily(rec.family, ['access']);
  }
  send(res, 200, '');
}

function clientIdFromBasic(req: Req): string | undefined {
  const h = req.headers.authorization;
  if (!h || !/^basic /i.test(h)) return undefined;
  const d = Buffer.from(h.slice(6), 'base64').toString('utf8');
  const i = d.indexOf(':');
  return i < 0 ? undefined : decodeURIComponent(d.slice(0, i).replace(/\+/g, '%20'));
}

export async function introspectionEndpoint(state: AsState, req: Req, res: Res): Promise<void> {
  let params: Map<string, string>;
  if (req.method === 'GET') {
    if (!state.has('introspection-get-allowed')) return oauthError(state, res, 405, 'invalid_request', 'use POST', { allow: 'POST' });
    params = readParams(state, req.url.search.slice(1)).params;
  } else if ((req.headers['content-type'] ?? '').startsWith('application/json')) {
    params = new Map(Object.entries(JSON.parse(req.body || '{}') as Record<string, string>));
  } else {
    if (state.has('introspection-json-only')) return oauthError(state, res, 400, 'invalid_request', 'send JSON');
    params = readParams(state, req.body).params;
  }
  if (!state.has('introspection-open')) {
    const hasCreds = req.headers.authorization !== undefined || params.has('client_secret');
    if (!hasCreds) return oauthError(state, res, 401, 'invalid_client', 'authentication required', basicChallenge());
    const auth = authenticateClient(state, req, params);
    if (!auth.ok) {
      const status = state.has('introspection-bad-creds-400') ? 400 : 401;
      return oauthError(state, res, status, 'invalid_client', auth.description, status === 401 ? basicChallenge() : {});
    }
    if (!auth.client.introspector && !state.has('introspection-any-client')) {
      return oauthError(state, res, 403, 'unauthorized_client', 'this client may not introspect');
    }
  }
  const token = params.get('token');
  if (token === undefined) return oauthError(state, res, 400, 'invalid_request', 'token is missing');
  const rec = lookup(state, token, params.get('token_type_hint'), state.has('introspection-hint-strict'));
  let valid = !!rec && (state.isActive(rec) || (state.has('introspection-expired-active') && !rec.revoked && rec.revokeAt === undefined));
  if (valid && rec?.jti && token.split('.').length === 3 && !state.has('introspection-no-signature-check')) {
    try {
      await jwtVerify(token, createLocalJWKSet({ keys: [state.keys.publicJwk] }));
    } catch {
      valid = false;
    }
  }
  if (!rec || !valid) {
    if (!rec && state.has('introspection-unknown-404')) return json(res, 404, { error: 'not_found' }, { 'cache-control': 'no-store' });
    const body = state.has('introspection-inactive-details') && rec ? { active: false, client_id: rec.clientId, scope: rec.scope.join(' ') } : { active: false };
    return json(res, 200, body, { 'cache-control': 'no-store' });
  }
  const exp = Math.floor(rec.expiresAt / 1000);
  json(
    res,
    200,
    {
      active: state.has('introspection-active-string') ? 'true' : true,
      scope: rec.scope.join(' '),
      client_id: rec.clientId,
      token_type: rec.kind === 'access' ? 'Bearer' : 'refresh_token',
      exp: state.has('introspection-exp-string') ? String(exp) : exp,
      iat: exp - 60,
      iss: state.issuer,
      ...(state.has('no-audience') ? {} : { aud: rec.aud }),
    },
    { 'cache-control': 'no-store' },
  );
}
