/**
 * Authorization code flow helpers (RFC 6749 §4.1): build the request, drive the user
 * agent, read the response parameters, redeem the code.
 */
import { SetupFailure } from '../check.js';
import type { TestClient } from '../clients.js';
import type { CheckContext } from '../context.js';
import { metaStrings } from '../metadata.js';
import type { AuthorizeResult } from '../../user-agent/login-strategy.js';
import { createVerifier, s256 } from './pkce.js';
import { randomToken } from './random.js';

/** PKCE choice for a request: S256 with a fresh verifier, none, or explicit values. */
export type PkceOption = 'S256' | 'none' | { challenge: string; method?: string; verifier?: string };

export interface AuthorizationOptions {
  client?: TestClient;
  /** `null` omits `redirect_uri`. */
  redirectUri?: string | null;
  /** `null` omits `scope`; default: `scopes.default` (or `scopes.refresh` with `refresh`). */
  scope?: string | null;
  /** `null` omits `state`. */
  state?: string | null;
  /** `null` omits `response_type`. */
  responseType?: string | null;
  pkce?: PkceOption;
  /** Ask for a grant that includes a refresh token (uses `scopes.refresh`). */
  refresh?: boolean;
  /** Extra parameters, appended after the standard ones (repeats allowed). */
  extra?: Array<[string, string]>;
  decision?: 'approve' | 'deny';
  method?: 'GET' | 'POST';
  crossSiteConsent?: boolean;
}

export interface BuiltAuthorization {
  url: string;
  client: TestClient;
  redirectUri: string | undefined;
  state: string | undefined;
  verifier: string | undefined;
  challenge: string | undefined;
  scope: string | undefined;
}

/** Parameters of an authorization response, from the query or the fragment. */
export interface ResponseParams {
  url: URL;
  query: URLSearchParams;
  fragment: URLSearchParams;
  /** Value from the query, else the fragment. */
  get(name: string): string | undefined;
  /** All values of `name` across query and fragment. */
  all(name: string): string[];
}

/** Read response parameters of a redirect URL. */
export function responseParams(url: string): ResponseParams {
  const u = new URL(url);
  const query = new URLSearchParams(u.search);
  const fragment = new URLSearchParams(u.hash.slice(1));
  return {
    url: u,
    query,
    fragment,
    get: (n) => query.get(n) ?? fragment.get(n) ?? undefined,
    all: (n) => [...query.getAll(n), ...fragment.getAll(n)],
  };
}

/** Whether PKCE is sent by default: advertised S256, or a public client. */
function defaultPkce(ctx: CheckContext, client: TestClient): boolean {
  return client.client_secret === undefined || (metaStrings(ctx.metadata, 'code_challenge_methods_supported') ?? []).includes('S256');
}

/** Build an authorization request URL. */
export function buildAuthorization(ctx: CheckContext, o: AuthorizationOptions = {}): BuiltAuthorization {
  const client = o.client ?? ctx.clients.primary;
  const redirectUri = o.redirectUri === null ? undefined : (o.redirectUri ?? client.redirect_uri);
  const state = o.state === null ? undefined : (o.state ?? randomToken(12));
  const scope =
    o.scope === null ? undefined : (o.scope ?? (o.refresh ? (ctx.config.scopes.refresh ?? ctx.config.scopes.default) : ctx.config.scopes.default));
  let verifier: string | undefined;
  let challenge: string | undefined;
  let method: string | undefined;
  const pkce = o.pkce ?? (defaultPkce(ctx, client) ? 'S256' : 'none');
  if (pkce === 'S256') {
    verifier = createVerifier();
    challenge = s256(verifier);
    method = 'S256';
  } else if (pkce !== 'none') {
    challenge = pkce.challenge;
    method = pkce.method;
    verifier = pkce.verifier;
  }
  const url = new URL(ctx.endpoint('authorization_endpoint'));
  const q = url.searchParams;
  if (o.responseType !== null) q.append('response_type', o.responseType ?? 'code');
  q.append('client_id', client.client_id);
  if (redirectUri !== undefined) q.append('redirect_uri', redirectUri);
  if (scope) q.append('scope', scope);
  if (state !== undefined) q.append('state', state);
  if (challenge !== undefined) q.append('code_challenge', challenge);
  if (method !== undefined) q.append('code_challenge_method', method);
  for (const [k, v] of Object.entries(ctx.config.authorizationParams)) if (!q.has(k)) q.append(k, v);
  for (const [k, v] of o.extra ?? []) q.append(k, v);
  // An OpenID Connect request carries a nonce, as a client would send it (OIDC Core §3.1.2.1;
  // some providers refuse the request without one, and that is not what a check tests).
  if (scope?.split(' ').includes('openid') && !q.has('nonce')) q.append('nonce', randomToken(12));
  return { url: url.href, client, redirectUri, state, verifier, challenge, scope };
}

export interface AuthorizationRun {
  request: BuiltAuthorization;
  result: AuthorizeResult;
  /** Parameters of the redirect that left the server, if it did. */
  response: ResponseParams | undefined;
}

/** Drive one authorization request through the user-agent driver. */
export async function runAuthorization(ctx: CheckContext, o: AuthorizationOptions = {}): Promise<AuthorizationRun> {
  if (!ctx.ua) throw new SetupFailure('no user-agent driver configured (login)');
  const request = buildAuthorization(ctx, o);
  const result = await ctx.ua.authorize(
    {
      url: request.url,
      redirectUri: request.redirectUri ?? request.client.redirect_uri ?? 'about:blank',
      decision: o.decision ?? 'approve',
      ...(o.method ? { method: o.method } : {}),
      ...(o.crossSiteConsent ? { crossSiteConsent: true } : {}),
    },
    ctx.http,
  );
  let response: ResponseParams | undefined;
  if (result.redirect) {
    try {
      response = responseParams(result.redirect.url);
    } catch {
      response = undefined;
    }
  }
  return { request, result, response };
}

/** Describe how an authorization run ended, for messages. */
export function describeRun(run: AuthorizationRun): string {
  if (run.result.redirect) return `redirect ${run.result.redirect.status} to ${run.result.redirect.url.replace(/([?#&]code=)[^&#]+/, '$1…')}`;
  if (run.result.page) return `page HTTP ${run.result.page.status} at ${run.result.page.url}${run.result.note ? ` (${run.result.note})` : ''}`;
  return run.result.note ?? 'no response';
}
