/**
 * Recognising what each recorded request was: discovery (RFC 8414, OpenID Connect
 * Discovery), the authorization request (RFC 6749 §4.1.1), the login and consent pages
 * in between, the authorization response at the client's redirect URI (§4.1.2), token
 * requests (§4.1.3, §4.4, §6), revocation (RFC 7009), introspection (RFC 7662), userinfo
 * and API calls with a Bearer token (RFC 6750), or anything else (pages, scripts, images).
 *
 * Endpoints are recognised across origins (a Google login at accounts.google.com, its
 * token endpoint at oauth2.googleapis.com), from the metadata document when the
 * recording has one, else from what each request carries, so a server-side recording
 * with only token and API requests is recognised too.
 */
import { getHeader } from '../observe/wire.js';
import type { Exchange } from '../results/model.js';
import { kindOf, paramsOf, pathOf } from '../diagnoses/traffic.js';
import { responseFields } from '../observe/wire.js';

export type Role = 'discovery' | 'authorize' | 'login' | 'callback' | 'token' | 'revocation' | 'introspection' | 'userinfo' | 'api' | 'jwks' | 'other';

export interface Recognised {
  /** Every exchange, with `from`, `to` and `endpoint` filled in from its role. */
  all: Exchange[];
  /** The exchanges that are part of the OAuth traffic (roles other than `other`), in order. */
  oauth: Exchange[];
  role: Map<number, Role>;
  /** The metadata document, when the recording fetched one. */
  metadata: Record<string, unknown> | undefined;
  /** URL of the discovery document the metadata came from. */
  metadataUrl: string | undefined;
}

const ENDPOINT_OF: Partial<Record<Role, string>> = {
  discovery: 'discovery',
  authorize: 'authorize',
  login: 'decision',
  token: 'token',
  revocation: 'revocation',
  introspection: 'introspection',
  userinfo: 'userinfo',
  api: 'api',
  jwks: 'jwks',
};

/** `origin + path` of a URL, the part an endpoint is known by. */
export function endpointKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url;
  }
}

function isWellKnown(url: string): boolean {
  return /\/\.well-known\/(openid-configuration|oauth-authorization-server)/.test(url);
}

function metadataOf(e: Exchange): Record<string, unknown> | undefined {
  if (!isWellKnown(e.request.url) || e.response.status !== 200) return undefined;
  const f = responseFields(e.response);
  return f && (typeof f.token_endpoint === 'string' || typeof f.authorization_endpoint === 'string') ? f : undefined;
}

function hasBearer(e: Exchange): boolean {
  return /^bearer\s/i.test(getHeader(e.request.headers, 'authorization') ?? '') || safeUrl(e.request.url)?.searchParams.has('access_token') === true;
}

function safeUrl(u: string): URL | undefined {
  try {
    return new URL(u);
  } catch {
    return undefined;
  }
}

/** Whether `url` is a redirect to (or a request at) one of the redirect URIs, carrying an authorization response. */
export function isAuthorizationResponse(url: string, redirectKeys: Set<string>): boolean {
  const u = safeUrl(url);
  if (!u || !redirectKeys.has(endpointKey(url))) return false;
  const p = new URLSearchParams(u.search);
  const f = new URLSearchParams(u.hash.slice(1));
  return ['code', 'error', 'state'].some((k) => p.has(k) || f.has(k));
}

/** Assigns a role to every exchange and fills `from`, `to` and `endpoint` so that the diagnoses read it right. */
export function recognise(exchanges: Exchange[]): Recognised {
  const role = new Map<number, Role>();
  let metadata: Record<string, unknown> | undefined;
  let metadataUrl: string | undefined;
  for (const e of exchanges) {
    const m = metadataOf(e);
    if (m && !metadata) {
      metadata = m;
      metadataUrl = e.request.url;
    }
  }
  const known = new Map<string, Role>();
  const put = (url: unknown, r: Role) => {
    if (typeof url === 'string') known.set(endpointKey(url), r);
  };
  put(metadata?.authorization_endpoint, 'authorize');
  put(metadata?.token_endpoint, 'token');
  put(metadata?.revocation_endpoint, 'revocation');
  put(metadata?.introspection_endpoint, 'introspection');
  put(metadata?.userinfo_endpoint, 'userinfo');
  put(metadata?.jwks_uri, 'jwks');

  // redirect URIs: from authorization requests and code exchanges
  const redirectKeys = new Set<string>();
  for (const e of exchanges) {
    const p = paramsOf(e);
    const r = p.get('redirect_uri');
    if (r && (p.has('response_type') || p.has('code') || p.get('grant_type') === 'authorization_code')) redirectKeys.add(endpointKey(r));
  }

  let authOrigin: string | undefined;
  let inLogin = false;
  for (const e of exchanges) {
    const url = e.request.url;
    const p = paramsOf(e);
    const key = endpointKey(url);
    let r: Role;
    const byName = e.endpoint;
    if (isWellKnown(url)) r = 'discovery';
    else if (isAuthorizationResponse(url, redirectKeys) && !p.has('response_type') && !p.has('grant_type')) r = 'callback';
    else if (p.has('response_type') && p.has('client_id')) r = 'authorize';
    else if (known.get(key) === 'authorize' && p.has('client_id')) r = 'authorize';
    else if (known.has(key) && known.get(key) !== 'authorize') r = known.get(key)!;
    else if (byName === 'decision' || byName === 'login') r = 'login';
    else if (byName === 'userinfo') r = 'userinfo';
    else if (byName === 'jwks') r = 'jwks';
    else {
      // what the request itself says (grant_type, token + a revocation/introspection path…)
      const probe: Exchange = { ...e, from: 'client', to: 'authorization-server', endpoint: byName && byName !== 'unknown' ? byName : undefined } as Exchange;
      if (!probe.endpoint) delete probe.endpoint;
      const k = kindOf(probe);
      if (k === 'token' || k === 'revocation' || k === 'introspection') r = k;
      else if (inLogin && authOrigin && safeUrl(url)?.origin === authOrigin && isPageOrForm(e)) r = 'login';
      else if (hasBearer(e)) r = /userinfo/i.test(pathOf(url)) ? 'userinfo' : 'api';
      else if (byName === 'api') r = 'api';
      else r = 'other';
    }
    if (r === 'authorize') {
      authOrigin = safeUrl(url)?.origin;
      inLogin = true;
    }
    if (r === 'callback' || (inLogin && isAuthorizationResponse(getHeader(e.response.headers, 'location') ?? '', redirectKeys))) {
      if (r !== 'callback' && r !== 'authorize') r = 'login';
      inLogin = false;
    }
    role.set(e.seq, r);
  }

  const all = exchanges.map((e) => {
    const r = role.get(e.seq)!;
    const ua = r === 'authorize' || r === 'login' || r === 'callback' || r === 'other';
    const to: Exchange['to'] = r === 'api' || r === 'userinfo' ? 'resource-server' : r === 'callback' ? 'client' : r === 'other' ? 'other' : 'authorization-server';
    const endpoint = ENDPOINT_OF[r];
    const out: Exchange = { ...e, from: ua ? 'user-agent' : 'client', to };
    if (endpoint) out.endpoint = endpoint;
    else delete out.endpoint;
    return out;
  });
  return { all, oauth: all.filter((e) => role.get(e.seq) !== 'other'), role, metadata, metadataUrl };
}

/** An HTML page, a form submission or a redirect: what a login passes through (not its scripts and images). */
function isPageOrForm(e: Exchange): boolean {
  if (e.request.method === 'POST') return true;
  if (e.response.status >= 300 && e.response.status < 400) return true;
  return /html/i.test(getHeader(e.response.headers, 'content-type') ?? '');
}
