/**
 * Redeeming an authorization code (RFC 6749 §4.1.3, RFC 7636 §4.6).
 */
import { createHash } from 'node:crypto';
import type { ProviderContext } from '../context.js';
import type { ProviderRequest, ProviderResponse } from '../http.js';
import { issueTokens } from '../issue.js';
import { oauthError, tokenResponse } from '../respond.js';
import type { RegisteredClient } from '../switches.js';

function pkceMatches(method: string, challenge: string, verifier: string): boolean {
  if (method === 'plain') return verifier === challenge;
  return createHash('sha256').update(verifier).digest('base64url') === challenge;
}

export async function authorizationCodeGrant(ctx: ProviderContext, req: ProviderRequest, params: URLSearchParams, client: RegisteredClient): Promise<ProviderResponse> {
  const code = params.get('code');
  if (!code) return oauthError(ctx, req, 'invalid_request', 'code is required');
  const record = ctx.store.codes.get(code);
  if (!record || record.clientId !== client.client_id) return oauthError(ctx, req, 'invalid_grant', 'authorization code is invalid');
  const now = ctx.clock.now();
  if (record.usedAt !== null) {
    ctx.store.revokeGrant(record.grantId, 'code-reuse');
    return oauthError(ctx, req, 'invalid_grant', 'authorization code was already used; the tokens issued with it are revoked');
  }
  if (record.expiresAt <= now) return oauthError(ctx, req, 'invalid_grant', 'authorization code expired');
  if (record.redirectUri !== null && params.get('redirect_uri') !== record.redirectUri) {
    return oauthError(ctx, req, 'invalid_grant', 'redirect_uri does not match the one sent in the authorization request');
  }
  const verifier = params.get('code_verifier');
  if (ctx.switches.pkce.supported) {
    if (record.challenge !== null) {
      if (!verifier) return oauthError(ctx, req, 'invalid_grant', 'code_verifier is required');
      // RFC 7636 §4.1: 43 to 128 unreserved characters
      if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return oauthError(ctx, req, 'invalid_grant', 'code_verifier is malformed');
      if (!pkceMatches(record.challengeMethod ?? 'plain', record.challenge, verifier)) return oauthError(ctx, req, 'invalid_grant', 'code_verifier does not match the code_challenge');
    } else if (verifier) {
      return oauthError(ctx, req, 'invalid_grant', 'code_verifier sent but no code_challenge was in the authorization request');
    }
  }
  record.usedAt = now;
  const grant = ctx.store.grants.get(record.grantId);
  if (!grant || grant.revoked) return oauthError(ctx, req, 'invalid_grant', 'the grant was revoked');
  const payload = await issueTokens(ctx, {
    clientId: client.client_id,
    grantId: record.grantId,
    username: record.username,
    granted: grant.scopes,
    requested: record.requested,
    lifetime: ctx.switches.lifetimes.accessToken,
    withRefresh: record.issueRefresh && client.grant_types.includes('refresh_token'),
    nonce: record.nonce,
  });
  return tokenResponse(ctx, req, payload);
}
