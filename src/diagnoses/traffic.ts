/**
 * Reading an exchange list the way a diagnosis needs it: what kind of request each
 * exchange was (worked out from the request itself, so live traffic without endpoint
 * names works too), what error came back in whichever shape the provider uses, the
 * metadata document if the client fetched one, and the token grants issued.
 */
import { getHeader, oauthErrorCode, requestParams, responseFields } from '../observe/wire.js';
import type { Exchange } from '../results/model.js';

export type RequestKind = 'discovery' | 'authorize' | 'decision' | 'token' | 'revocation' | 'introspection' | 'api' | 'other';

/** Request parameters (query, then form body) of an exchange; empty for an unparsable URL. */
export function paramsOf(e: Exchange): URLSearchParams {
  try {
    return requestParams(e.request);
  } catch {
    return new URLSearchParams();
  }
}

export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Method, path and status in one line: `POST /oauth/token → 401`. */
export function describe(e: Exchange): string {
  return `${e.request.method} ${pathOf(e.request.url)} → ${e.response.status}`;
}

const OAUTH_ENDPOINTS = new Set(['authorize', 'token', 'revocation', 'introspection']);

/** What the request itself says it is, from its parameters (undefined when it does not say). */
function kindByParams(e: Exchange): RequestKind | undefined {
  const p = paramsOf(e);
  const path = pathOf(e.request.url);
  if (p.has('grant_type')) return 'token';
  // GitHub, Facebook and Slack token requests carry no grant_type: a code (or refresh token) sent by the client to a token-ish URL (Slack: /api/oauth.v2.access)
  if (e.from !== 'user-agent' && (p.has('code') || p.has('refresh_token')) && p.has('client_id') && /token|oauth[^/]*\.access/i.test(path)) return 'token';
  if (p.has('response_type') || (e.from === 'user-agent' && p.has('client_id') && p.has('redirect_uri'))) return 'authorize';
  if (p.has('token') && /introspect/i.test(path)) return 'introspection';
  if (p.has('token') && (e.request.method === 'POST' || /revo/i.test(path))) return 'revocation';
  return undefined;
}

/**
 * What an exchange was meant to be: by what the request carries when it is an OAuth
 * request (so a revocation sent to the token URL is still a revocation), else by its
 * recorded endpoint name, else by who talked to whom (live traffic has no names).
 */
export function kindOf(e: Exchange): RequestKind {
  let kind = kinds.get(e);
  if (!kind) kinds.set(e, (kind = kindFromRequest(e)));
  return kind;
}

/** Each exchange's kind, worked out once: every detector asks for the kinds of the same exchanges. */
const kinds = new WeakMap<Exchange, RequestKind>();

function kindFromRequest(e: Exchange): RequestKind {
  const ep = e.endpoint;
  if (ep === 'discovery' || /\/\.well-known\/(openid-configuration|oauth-authorization-server)/.test(e.request.url)) return 'discovery';
  if (ep === 'decision') return 'decision';
  const byParams = kindByParams(e);
  if (ep && OAUTH_ENDPOINTS.has(ep)) {
    // revocation and introspection both carry `token`: trust the name between those two
    if (byParams && byParams !== ep && !(byParams === 'revocation' && ep === 'introspection')) return byParams;
    return ep as RequestKind;
  }
  if (ep === 'api' || ep === 'userinfo' || e.to === 'resource-server') return 'api';
  if (byParams) return byParams;
  // anything else the client itself sends is a call to the service's API
  return e.from === 'user-agent' || e.to === 'client' ? 'other' : 'api';
}

/** The provider endpoint that answered, when it is a different OAuth endpoint than the request was meant for. */
export function answeredByOtherEndpoint(e: Exchange): string | undefined {
  const ep = e.endpoint;
  return ep && OAUTH_ENDPOINTS.has(ep) && ep !== kindOf(e) ? ep : undefined;
}

/** An error as the provider put it, in any of the shapes seen in the wild. */
export interface ErrorInfo {
  status: number;
  /** OAuth error code (RFC 6749 §5.2 `error`, Okta `errorCode`, Facebook challenge, Bearer challenge). */
  code: string | undefined;
  /** Every human-readable explanation found, joined: description, hint, reason, message, page text. */
  text: string;
}

function stripHtml(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  const body = (/<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html).replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ');
  const clean = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
  const t = clean(title);
  const b = clean(body);
  return (b.startsWith(t) ? b : `${t} ${b}`).trim().slice(0, 600);
}

export function isHtml(res: Exchange['response']): boolean {
  const type = getHeader(res.headers, 'content-type') ?? '';
  return /html/i.test(type) || /^\s*<(!doctype|html)/i.test(res.body ?? '');
}

export function isJson(res: Exchange['response']): boolean {
  return /json/i.test(getHeader(res.headers, 'content-type') ?? '');
}

/** The error of a response, or undefined when it carries none (a success, or a bare status). */
export function errorOf(res: Exchange['response']): ErrorInfo | undefined {
  const fields = responseFields(res) ?? {};
  let code = oauthErrorCode(res);
  if (!code && typeof fields.errorCode === 'string') code = fields.errorCode;
  const parts: string[] = [];
  const add = (v: unknown) => {
    const t = typeof v === 'string' ? v.trim() : '';
    if (t && !parts.some((p) => p.includes(t))) parts.push(t);
  };
  add(fields.error_description);
  add(fields.error_hint);
  add(fields.hint);
  add(fields.reason);
  add(fields.message);
  add(fields.errorSummary);
  const nested = fields.error;
  if (nested && typeof nested === 'object') {
    add((nested as Record<string, unknown>).message);
    add((nested as Record<string, unknown>).status);
  }
  const challenge = getHeader(res.headers, 'www-authenticate') ?? '';
  add(/error_description="([^"]*)"/.exec(challenge)?.[1]);
  if (!Object.keys(fields).length && isHtml(res) && res.body) add(stripHtml(res.body));
  if (!code && !parts.length && res.status < 400) return undefined;
  return { status: res.status, code, text: parts.join(' — ') };
}

/** Whether an exchange failed: an HTTP error, or an OAuth `error` in a 2xx body (GitHub). */
export function failed(e: Exchange): boolean {
  if (e.response.status >= 400) return true;
  if (e.response.status >= 300) return false;
  const f = responseFields(e.response);
  return typeof f?.error === 'string';
}

/** The metadata document (RFC 8414 / OIDC Discovery), if the client fetched one successfully. */
export function metadataOf(exchanges: Exchange[]): Record<string, unknown> | undefined {
  for (const e of [...exchanges].reverse()) {
    if (kindOf(e) !== 'discovery' || e.response.status !== 200) continue;
    const f = responseFields(e.response);
    if (f && (typeof f.token_endpoint === 'string' || typeof f.issuer === 'string')) return f;
  }
  return undefined;
}

export function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

/** Splits a scope string on spaces or commas (RFC 6749 §3.3, and the comma providers). */
export function splitScopes(s: string | null | undefined): string[] {
  return s ? [...new Set(s.split(/[\s,]+/).filter(Boolean))] : [];
}

/** One token request and what it returned. */
export interface TokenGrant {
  exchange: Exchange;
  grantType: string;
  params: URLSearchParams;
  /** Parsed response members (JSON or form), {} when unparsable. */
  body: Record<string, unknown>;
  /** A token was issued (2xx with an access_token and no error). */
  ok: boolean;
  /** Seconds, from `expires_in` (number or numeric string) or Facebook's `expires`; undefined = none. */
  expiresIn: number | undefined;
}

export function tokenGrants(exchanges: Exchange[]): TokenGrant[] {
  return exchanges
    .filter((e) => kindOf(e) === 'token')
    .map((e) => {
      const params = paramsOf(e);
      const body = responseFields(e.response) ?? {};
      const raw = body.expires_in ?? body.expires;
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
      const ok = e.response.status >= 200 && e.response.status < 300 && typeof body.access_token === 'string' && body.error === undefined;
      const grantType = params.get('grant_type') ?? (params.has('code') ? 'authorization_code' : params.has('refresh_token') ? 'refresh_token' : '');
      return { exchange: e, grantType, params, body, ok, expiresIn: n };
    });
}

/** Query parameters of a redirect `Location`, or undefined. */
export function locationParams(e: Exchange): { url: string; params: URLSearchParams } | undefined {
  const loc = getHeader(e.response.headers, 'location');
  if (!loc) return undefined;
  try {
    const u = new URL(loc, e.request.url);
    return { url: u.toString(), params: u.searchParams };
  } catch {
    return undefined;
  }
}

/** Authorization requests with their parameters (the browser's first request of each login). */
export function authorizationRequests(exchanges: Exchange[]): { exchange: Exchange; params: URLSearchParams }[] {
  return exchanges.filter((e) => kindOf(e) === 'authorize').map((e) => ({ exchange: e, params: paramsOf(e) }));
}

/** Where the provider sent the browser back with an error (`error=` on the redirect), if it did. */
export function callbackErrors(exchanges: Exchange[]): { exchange: Exchange; error: string; description: string; params: URLSearchParams }[] {
  const out: { exchange: Exchange; error: string; description: string; params: URLSearchParams }[] = [];
  for (const e of exchanges) {
    const k = kindOf(e);
    if (k !== 'authorize' && k !== 'decision' && e.from !== 'user-agent') continue;
    const loc = locationParams(e);
    const error = loc?.params.get('error');
    if (loc && error) out.push({ exchange: e, error, description: loc.params.get('error_description') ?? '', params: loc.params });
  }
  return out;
}

/** The scopes a grant was issued with (its `scope` member), or undefined when the response omits it. */
export function grantedScopes(g: TokenGrant): string[] | undefined {
  return typeof g.body.scope === 'string' ? splitScopes(g.body.scope) : undefined;
}

/**
 * The scopes a token carries: the response's `scope`, else (RFC 6749 §5.1: omitted means
 * as requested) the scope of the request: the authorization request of a code grant, the
 * `scope` of a refresh or the scopes of the grant it refreshes, the client-credentials `scope`.
 */
export function tokenScopes(all: Exchange[], g: TokenGrant, depth = 0): string[] | undefined {
  const stated = grantedScopes(g);
  if (stated) return stated;
  const asked = g.params.get('scope');
  if (asked !== null) return splitScopes(asked);
  if (g.grantType === 'authorization_code') {
    const auth = [...authorizationRequests(all)].reverse().find((a) => a.exchange.seq < g.exchange.seq);
    return auth ? splitScopes(auth.params.get('scope')) : undefined;
  }
  if (g.grantType === 'refresh_token' && depth < 20) {
    const rt = g.params.get('refresh_token');
    const parent = tokenGrants(all).find((x) => x.ok && x.exchange.seq < g.exchange.seq && x.body.refresh_token === rt);
    return parent ? tokenScopes(all, parent, depth + 1) : undefined;
  }
  return undefined;
}

/**
 * Whether API call `e` is the first use of a token the client had just obtained from the
 * token endpoint by refreshing (no other API call in between): a refused call then is
 * the provider's doing (a token expired on arrival), not a client that failed to refresh.
 */
export function firstUseAfterRefresh(exchanges: Exchange[], e: Exchange, grant: TokenGrant | undefined): boolean {
  if (!grant || grant.grantType !== 'refresh_token' || grant.exchange.seq > e.seq) return false;
  return !exchanges.some((x) => x.seq > grant.exchange.seq && x.seq < e.seq && kindOf(x) === 'api');
}

/** The access token a request carried in `Authorization: Bearer`, if any. */
export function bearerOf(e: Exchange): string | undefined {
  return /^bearer\s+(.+)$/i.exec(getHeader(e.request.headers, 'authorization') ?? '')?.[1]?.trim();
}

/** Quote a provider's explanation for a cause text, shortened. */
export function quote(text: string, max = 200): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t ? `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"` : '';
}

/** `a, b and c`. */
export function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A page shown to the user instead of a login form or a redirect: an error status, or HTML without a password field. */
export function isErrorPage(res: Exchange['response']): boolean {
  if (res.status >= 300 && res.status < 400) return false;
  if (res.status >= 400) return true;
  return isHtml(res) && !/type=["']?password/i.test(res.body ?? '');
}
