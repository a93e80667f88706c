/**
 * Token endpoint of the broken AS (RFC 6749 §3.2, §4.1.3, §4.4, §6) with its quirks.
 */
import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { authenticateClient } from './client-auth.js';
import { type Req, type Res, send } from './http.js';
import { basicChallenge, isPreflight, oauthError, readParams, tokenResponse } from './responses.js';
import { type AsState, OTHER_AUDIENCE, RS_AUDIENCE, SCOPES, USER } from './state.js';

const PKCE = /^[A-Za-z0-9\-._~]{43,128}$/;

export async function tokenEndpoint(state: AsState, req: Req, res: Res): Promise<void> {
  if (isPreflight(req)) {
    const h: Record<string, string> = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'authorization, content-type' };
    if (state.has('token-cors-wildcard-credentials')) h['access-control-allow-credentials'] = 'true';
    send(res, 204, '', h);
    return;
  }
  let text = req.body;
  if (req.method !== 'POST') {
    if (!state.has('token-accepts-get')) return oauthError(state, res, 405, 'invalid_request', 'use POST', { allow: 'POST, OPTIONS' });
    text = req.url.search.slice(1);
  } else if (state.has('accept-uri-creds') && req.url.search) {
    text = `${text}&${req.url.search.slice(1)}`;
  }
  const { params, repeated } = readParams(state, text);
  if (repeated.length && !state.has('token-allows-repeat')) {
    return oauthError(state, res, 400, 'invalid_request', `repeated parameter ${repeated[0]}`);
  }
  if (state.has('token-rejects-unknown-params')) {
    const known = new Set(['grant_type', 'code', 'redirect_uri', 'code_verifier', 'client_id', 'client_secret', 'scope', 'refresh_token', 'resource', 'username', 'password', 'code_challenge_method']);
    const unknown = [...params.keys()].find((k) => !known.has(k));
    if (unknown) return oauthError(state, res, 400, 'invalid_request', `unknown parameter ${unknown}`);
  }
  const grant = params.get('grant_type');
  const allowMissingSecret =
    (grant === 'authorization_code' && state.has('code-redeem-without-secret')) ||
    (grant === 'refresh_token' && state.has('refresh-without-secret'));
  if (grant === 'authorization_code' && state.has('public-code-no-client-id') && !req.headers.authorization && !params.has('client_id')) {
    const owner = state.codes.get(params.get('code') ?? '')?.clientId;
    if (owner && !state.clients.get(owner)?.client_secret) params.set('client_id', owner);
  }
  const auth = authenticateClient(state, req, params, { allowMissingSecret });
  if (!auth.ok) {
    if (state.has('client-auth-bare-403')) return send(res, 403, '');
    return oauthError(state, res, auth.status, auth.error, auth.description, auth.challenge ? basicChallenge() : {});
  }
  const client = auth.client;
  if (grant === undefined) {
    return oauthError(state, res, 400, state.has('missing-grant-unsupported') ? 'unsupported_grant_type' : 'invalid_request', 'grant_type is missing');
  }
  const family = state.newValue('fam-');
  const requestedScope = params.get('scope');

  if (grant === 'client_credentials') {
    if (!client.client_secret && !state.has('cc-public-allowed')) return oauthError(state, res, 400, 'unauthorized_client', 'public clients cannot use client_credentials');
    if (client.client_secret && !client.grants.has('client_credentials') && !state.has('cc-for-all-clients')) {
      return oauthError(state, res, 400, 'unauthorized_client', 'client_credentials not allowed for this client');
    }
    const asked = requestedScope === undefined ? ['api'] : requestedScope.split(' ').filter(Boolean);
    const unknown = asked.filter((s) => !SCOPES.includes(s));
    let granted = asked;
    let report = true;
    if (unknown.length) {
      if (state.has('invalid-scope-granted')) granted = asked;
      else if (state.has('narrow-scope-silently')) {
        granted = asked.filter((s) => SCOPES.includes(s));
        report = false;
      } else return oauthError(state, res, 400, 'invalid_scope', `unknown scope ${unknown[0]}`);
    }
    const resource = params.get('resource');
    const aud = resource === OTHER_AUDIENCE ? OTHER_AUDIENCE : RS_AUDIENCE;
    const at = await state.issueAccess(client.client_id, granted, family, aud);
    const body: Record<string, unknown> = { access_token: at.value, token_type: 'Bearer', expires_in: state.lifetimes.accessToken };
    if (report) body.scope = granted.join(' ');
    if (state.has('cc-issues-refresh')) body.refresh_token = state.issueRefresh(client.client_id, granted, family).value;
    return tokenResponse(state, res, body);
  }

  if (grant === 'authorization_code') {
    const codeValue = params.get('code');
    if (codeValue === undefined) return oauthError(state, res, 400, 'invalid_request', 'code is missing');
    let code = state.codes.get(codeValue);
    if (!code && state.has('any-code-accepted')) {
      code = { clientId: client.client_id, redirectUri: params.get('redirect_uri'), scope: ['openid'], challenge: undefined, method: undefined, expiresAt: Date.now() + 60_000, used: false, issued: [], nonce: undefined };
    }
    if (!code) return oauthError(state, res, 400, 'invalid_grant', 'unknown code');
    if (code.clientId !== client.client_id && !state.has('code-not-client-bound')) return oauthError(state, res, 400, 'invalid_grant', 'code was issued to another client');
    if (code.used && !state.has('code-reusable')) {
      if (!state.has('code-reuse-keeps-tokens')) for (const v of code.issued) {
        const t = state.find(v);
        if (t) state.revokeFamily(t.family);
      }
      return oauthError(state, res, 400, 'invalid_grant', 'code already used');
    }
    if (code.expiresAt <= Date.now() && !state.has('codes-never-expire')) return oauthError(state, res, 400, 'invalid_grant', 'code expired');
    const redirectUri = params.get('redirect_uri');
    if (code.redirectUri !== undefined && !state.has('redirect-uri-not-compared')) {
      if (redirectUri === undefined && !state.has('redirect-uri-optional-at-token')) return oauthError(state, res, 400, 'invalid_grant', 'redirect_uri is missing');
      if (redirectUri !== undefined && redirectUri !== code.redirectUri) return oauthError(state, res, 400, 'invalid_grant', 'redirect_uri mismatch');
    }
    if (!client.client_secret && params.get('client_id') === undefined && !state.has('public-code-no-client-id')) {
      return oauthError(state, res, 400, 'invalid_request', 'client_id is missing');
    }
    const verifier = params.get('code_verifier');
    if (code.challenge !== undefined && !state.has('pkce-ignored')) {
      if (verifier === undefined) {
        if (!state.has('pkce-verifier-optional')) return oauthError(state, res, 400, 'invalid_grant', 'code_verifier is missing');
      } else {
        if (!PKCE.test(verifier) && !state.has('pkce-no-format-check')) return oauthError(state, res, 400, 'invalid_grant', 'malformed code_verifier');
        const method = state.has('pkce-method-from-token-request') ? (params.get('code_challenge_method') ?? code.method) : code.method;
        const ok =
          method === 'plain'
            ? state.has('pkce-plain-broken') || verifier === code.challenge
            : createHash('sha256').update(verifier, 'ascii').digest('base64url') === code.challenge;
        if (!ok) return oauthError(state, res, 400, state.has('pkce-mismatch-invalid-request') ? 'invalid_request' : 'invalid_grant', 'PKCE verification failed');
      }
    } else if (code.challenge === undefined && verifier !== undefined && !state.has('pkce-downgrade-allowed')) {
      return oauthError(state, res, 400, 'invalid_grant', 'code_verifier sent but no code_challenge was');
    }
    code.used = true;
    const at = await state.issueAccess(client.client_id, code.scope, family);
    const rt = state.issueRefresh(client.client_id, code.scope, family);
    code.issued.push(at.jti ?? at.value, rt.value);
    const body: Record<string, unknown> = {
      access_token: at.value,
      token_type: 'Bearer',
      expires_in: state.lifetimes.accessToken,
      refresh_token: rt.value,
      scope: code.scope.join(' '),
    };
    if (code.scope.includes('openid') && !state.has('openid-scope-no-id-token')) {
      body.id_token = await idToken(state, client.client_id, code.nonce);
    }
    return tokenResponse(state, res, body);
  }

  if (grant === 'refresh_token') {
    const value = params.get('refresh_token');
    if (value === undefined) return oauthError(state, res, 400, 'invalid_request', 'refresh_token is missing');
    let rt = state.find(value);
    if ((!rt || rt.kind !== 'refresh') && state.has('refresh-any-token')) rt = state.issueRefresh(client.client_id, ['api'], family);
    if (!rt || rt.kind !== 'refresh') return oauthError(state, res, 400, 'invalid_grant', 'unknown refresh token');
    if (rt.clientId !== client.client_id && !state.has('refresh-not-client-bound')) return oauthError(state, res, 400, 'invalid_grant', 'refresh token was issued to another client');
    if (!state.isActive(rt)) {
      if ((rt as { rotated?: boolean }).rotated && !state.has('no-replay-detection')) state.revokeFamily(rt.family);
      if (state.has('refresh-refused-bare-400')) return send(res, 400, '');
      return oauthError(state, res, 400, 'invalid_grant', 'refresh token is not active');
    }
    let scope = rt.scope;
    let report = true;
    if (requestedScope !== undefined) {
      const asked = requestedScope.split(' ').filter(Boolean);
      const extra = asked.filter((s) => !rt.scope.includes(s));
      if (extra.length && !state.has('refresh-scope-expand')) return oauthError(state, res, 400, 'invalid_scope', `scope ${extra[0]} was not granted`);
      if (state.has('refresh-narrow-ignored-silently')) report = false;
      else scope = asked;
    } else if (state.has('refresh-omitted-scope-default')) {
      scope = ['api'];
    }
    const at = await state.issueAccess(client.client_id, scope, rt.family);
    const body: Record<string, unknown> = { access_token: at.value, token_type: 'Bearer', expires_in: state.lifetimes.accessToken };
    if (report) body.scope = scope.join(' ');
    if (!client.client_secret && !state.has('no-public-rotation')) {
      const next = state.issueRefresh(client.client_id, state.has('refresh-rt-inherits-narrowed') ? scope : rt.scope, rt.family);
      if (!state.has('old-rt-alive')) {
        rt.revoked = true;
        (rt as { rotated?: boolean }).rotated = true;
      }
      body.refresh_token = next.value;
    } else if (state.has('refresh-rt-inherits-narrowed')) {
      rt.scope = scope;
    }
    return tokenResponse(state, res, body);
  }

  if (grant === 'password' && (state.has('ropc-enabled') || state.has('ropc-unadvertised'))) {
    if (params.get('username') !== USER.username || params.get('password') !== USER.password) return oauthError(state, res, 400, 'invalid_grant', 'bad user credentials');
    const at = await state.issueAccess(client.client_id, ['api'], family);
    return tokenResponse(state, res, { access_token: at.value, token_type: 'Bearer', expires_in: state.lifetimes.accessToken, scope: 'api' });
  }
  if (grant === 'password' && state.has('password-refused-bare-403')) return send(res, 403, '');
  return oauthError(state, res, 400, state.has('unknown-grant-invalid-request') ? 'invalid_request' : 'unsupported_grant_type', `grant_type ${grant} is not supported`);
}

/** An ID Token for the test user. */
export async function idToken(state: AsState, clientId: string, nonce: string | undefined): Promise<string> {
  const jwt = new SignJWT({ ...(nonce ? { nonce } : {}) })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(state.has('idtoken-wrong-iss') ? 'https://elsewhere.example' : state.issuer)
    .setSubject('user-alice')
    .setAudience(clientId)
    .setIssuedAt()
    .setExpirationTime('5m');
  return jwt.sign(state.keys.privateKey);
}
