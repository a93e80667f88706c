/**
 * How the provider writes token responses and errors, with the response-shape quirks
 * of docs/provider-quirks.md §2 applied from the switches.
 */
import type { ProviderContext } from './context.js';
import { json, type ProviderRequest, type ProviderResponse } from './http.js';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** Fields of a successful token response before quirks are applied (RFC 6749 §5.1). */
export interface TokenPayload {
  access_token: string;
  /** Seconds, or null for a token that never expires. */
  expires_in: number | null;
  refresh_token?: string | undefined;
  /** Seconds the refresh token lives, or null (until revoked, or none issued). */
  refresh_expires_in?: number | null;
  granted: string[];
  requested: string[];
  id_token?: string | undefined;
}

function wantsJson(req: ProviderRequest): boolean {
  return (req.headers['accept'] ?? '').includes('json');
}

/**
 * Writes a token response or error body in the provider's format. On every token
 * request: the headers are built in one object (content type, caching, `extra`, in
 * that order) rather than through spreads of intermediate objects.
 */
function encode(ctx: ProviderContext, req: ProviderRequest, status: number, body: Record<string, unknown>, extra?: Record<string, string>): ProviderResponse {
  const { format, noStore } = ctx.switches.tokenResponse;
  const asJson = format === 'json' || (format === 'form-unless-accept-json' && wantsJson(req));
  const headers: Record<string, string> = {
    'content-type': asJson ? 'application/json' : format === 'text-plain-form' ? 'text/plain; charset=UTF-8' : 'application/x-www-form-urlencoded',
  };
  if (noStore) Object.assign(headers, NO_STORE);
  if (extra) Object.assign(headers, extra);
  if (asJson) return { status, headers, body: JSON.stringify(body) };
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) if (v !== undefined) form.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  return { status, headers, body: form.toString() };
}

/** Whether the granted scopes differ from the requested ones (RFC 6749 §5.1: then `scope` is required). */
function scopesDiffer(p: TokenPayload): boolean {
  if (p.granted.length !== p.requested.length) return true;
  for (const g of p.granted) if (!p.requested.includes(g)) return true;
  return false;
}

/** A successful token response (RFC 6749 §5.1) shaped by `tokenResponse` switches. */
export function tokenResponse(ctx: ProviderContext, req: ProviderRequest, p: TokenPayload): ProviderResponse {
  const s = ctx.switches.tokenResponse;
  const body: Record<string, unknown> = { access_token: p.access_token };
  if (s.tokenType !== 'omit') body.token_type = s.tokenType;
  // `omit`: the token expires all the same (Salesforce's session timeout), the response just does not say so
  if (p.expires_in !== null && s.expiresIn !== 'omit') {
    if (s.expiresIn === 'number') body.expires_in = p.expires_in;
    else if (s.expiresIn === 'string') body.expires_in = String(p.expires_in);
    else body.expires = p.expires_in;
  }
  if (p.refresh_token) body.refresh_token = p.refresh_token;
  if (p.refresh_token && s.refreshTokenExpiresIn && p.refresh_expires_in != null) body.refresh_token_expires_in = p.refresh_expires_in;
  if (s.scope === 'always' || (s.scope === 'if-different' && scopesDiffer(p))) body.scope = p.granted.join(ctx.switches.scopes.delimiter);
  if (p.id_token) body.id_token = p.id_token;
  Object.assign(body, s.extraFields);
  return encode(ctx, req, 200, body);
}

/**
 * An OAuth error (RFC 6749 §5.2) in the provider's error style: RFC JSON, Facebook's
 * `{error:{message,type,code}}` body, or GitHub's RFC codes in an HTTP 200 body.
 */
/**
 * `error_description` as RFC 6749 §5.2 / §4.1.2.1 allow it: printable ASCII without `"`
 * and `\\` (%x20-21 / %x23-5B / %x5D-7E). Double quotes become single quotes.
 */
export function errorDescription(text: string): string {
  return text.replace(/"/g, "'").replace(/\\/g, '/').replace(/[^\x20-\x7e]/g, '?');
}

export function oauthError(
  ctx: ProviderContext,
  req: ProviderRequest,
  error: string,
  description: string,
  status = 400,
  headers: Record<string, string> = {},
): ProviderResponse {
  const style = ctx.switches.errors.style;
  const noStore = ctx.switches.tokenResponse.noStore ? NO_STORE : {};
  const { shape, status: fixedStatus } = ctx.switches.errors;
  if (shape) {
    // a non-RFC body described by its shape (Slack `{ok:false,error}`, HubSpot `{status,message}`), at the provider's status
    const fill = (v: unknown): unknown => (typeof v === 'string' ? v.replaceAll('{error}', error).replaceAll('{error_description}', errorDescription(description)) : Array.isArray(v) ? v.map(fill) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)])) : v);
    return json(fixedStatus ?? status, fill(shape) as Record<string, unknown>, { ...noStore, ...(fixedStatus === null || fixedStatus >= 400 ? headers : {}) });
  }
  if (style === 'facebook') {
    const body = { error: { message: description, type: 'OAuthException', code: 100, fbtrace_id: 'AbCdEfGh' } };
    const challenge = `OAuth "Facebook Platform" "${error}" "${description.replace(/"/g, "'")}"`;
    return json(status === 401 ? 401 : 400, body, { ...noStore, 'www-authenticate': challenge });
  }
  const body = { error, error_description: errorDescription(description) };
  if (style === 'github') return encode(ctx, req, fixedStatus ?? 200, { ...body, error_uri: 'https://docs.example/oauth-errors' });
  return json(fixedStatus ?? status, body, { ...noStore, ...headers });
}
