/**
 * Bearer token checks at the resource server (RFC 6750 §2.1, §3): a missing token
 * gets a bare challenge, a bad one `invalid_token`, a weak one `insufficient_scope`.
 */
import type { ProviderContext } from '../context.js';
import { json, type ProviderRequest, type ProviderResponse } from '../http.js';
import type { AccessTokenRecord } from '../store.js';

export type BearerOutcome = { ok: true; token: AccessTokenRecord } | { ok: false; response: ProviderResponse };

function challenge(ctx: ProviderContext, status: number, params: Record<string, string>): ProviderResponse {
  const attrs = [`realm="${ctx.issuer}"`, ...Object.entries(params).map(([k, v]) => `${k}="${v}"`)].join(', ');
  const body = params.error ? { error: params.error, error_description: params.error_description } : { error: 'unauthorized', message: 'no access token was sent' };
  return json(status, body, { 'www-authenticate': `Bearer ${attrs}` });
}

/** Checks the request's `Authorization: Bearer` token and, when given, a required scope. */
export function requireBearer(ctx: ProviderContext, req: ProviderRequest, scope: string | null): BearerOutcome {
  const header = req.headers['authorization'];
  const m = header ? /^bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(header) : null;
  if (!header) return { ok: false, response: challenge(ctx, 401, {}) };
  if (!m) return { ok: false, response: challenge(ctx, 400, { error: 'invalid_request', error_description: 'malformed Authorization header' }) };
  const token = ctx.store.accessTokens.get(m[1]!);
  const now = ctx.clock.now();
  if (!token || token.revoked) return { ok: false, response: challenge(ctx, 401, { error: 'invalid_token', error_description: 'The access token is invalid or revoked' }) };
  if (token.expiresAt !== null && token.expiresAt <= now) return { ok: false, response: challenge(ctx, 401, { error: 'invalid_token', error_description: 'The access token expired' }) };
  if (token.grantId && ctx.store.grants.get(token.grantId)?.revoked) {
    return { ok: false, response: challenge(ctx, 401, { error: 'invalid_token', error_description: 'The grant behind this token was revoked' }) };
  }
  if (scope && !token.scopes.includes(scope)) {
    return { ok: false, response: challenge(ctx, 403, { error: 'insufficient_scope', error_description: `This call needs the '${scope}' scope`, scope }) };
  }
  return { ok: true, token };
}
