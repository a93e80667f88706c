/**
 * Token endpoint requests (RFC 6749 §3.2) with a client-authentication strategy:
 * `basic` (RFC 6749 §2.3.1, form-encoded id/secret), `post` (body), `none` (public
 * client, `client_id` only), `omit` (no identification at all).
 */
import { SetupFailure } from '../check.js';
import type { TestClient } from '../clients.js';
import type { CheckContext } from '../context.js';
import { basicAuthorization, toPairs, type FormInput } from '../../http/form.js';
import { isJsonObject } from '../../http/json.js';
import { tokenAuthMethods } from '../metadata.js';
import type { ProbeResponse } from '../probe.js';

export type ClientAuth = 'basic' | 'post' | 'none' | 'omit';

export interface TokenCall {
  client?: TestClient;
  auth?: ClientAuth;
  params: FormInput;
  /** Override the URL (defaults to `token_endpoint`). */
  url?: string;
  method?: string;
  headers?: Record<string, string>;
  /** Recorded endpoint name (default `token`). */
  endpoint?: string;
}

export interface TokenResult {
  res: ProbeResponse;
  /** JSON object body, if any. */
  body: Record<string, unknown> | undefined;
  /** `error` member when present. */
  error: string | undefined;
  /** 200 with a string `access_token`. */
  ok: boolean;
  accessToken: string | undefined;
  refreshToken: string | undefined;
}

/** The strategy a client uses by default: the method it is registered for, else what the server advertises. */
export function defaultAuth(ctx: Pick<CheckContext, 'metadata'>, client: TestClient): ClientAuth {
  if (client.client_secret === undefined) return 'none';
  if (client.authMethod) return client.authMethod;
  const methods = tokenAuthMethods(ctx.metadata);
  return methods.includes('client_secret_basic') || !methods.includes('client_secret_post') ? 'basic' : 'post';
}

/** Headers and body pairs that authenticate (or identify) `client`. */
export function clientAuthentication(
  client: TestClient,
  auth: ClientAuth,
): { headers: Record<string, string>; pairs: Array<[string, string]> } {
  if (auth === 'basic') {
    if (client.client_secret === undefined) throw new SetupFailure(`${client.label} has no secret for Basic authentication`);
    return { headers: { authorization: basicAuthorization(client.client_id, client.client_secret) }, pairs: [] };
  }
  if (auth === 'post') {
    return { headers: {}, pairs: [['client_id', client.client_id], ['client_secret', client.client_secret ?? '']] };
  }
  if (auth === 'none') return { headers: {}, pairs: [['client_id', client.client_id]] };
  return { headers: {}, pairs: [] };
}

/** The lifetime a token response states (`expires_in`, seconds), when it states one. */
export function statedLifetime(body: Record<string, unknown> | undefined): number | undefined {
  const v = body?.expires_in;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Interpret a response as a token endpoint response. */
export function asTokenResult(res: ProbeResponse): TokenResult {
  const body = isJsonObject(res.json) ? res.json : undefined;
  const str = (k: string): string | undefined => (typeof body?.[k] === 'string' ? (body[k] as string) : undefined);
  const accessToken = str('access_token');
  return {
    res,
    body,
    error: str('error'),
    ok: res.status === 200 && !!accessToken,
    accessToken,
    refreshToken: str('refresh_token'),
  };
}

/** POST to an endpoint that authenticates clients (token, revocation, introspection). */
export async function authenticatedPost(ctx: CheckContext, call: TokenCall & { url: string }): Promise<TokenResult> {
  const client = call.client ?? ctx.clients.primary;
  const { headers, pairs } = clientAuthentication(client, call.auth ?? defaultAuth(ctx, client));
  const res = await ctx.http.send({
    method: call.method ?? 'POST',
    url: call.url,
    endpoint: call.endpoint ?? 'token',
    headers: { ...headers, ...call.headers },
    form: [...toPairs(call.params), ...pairs],
  });
  return asTokenResult(res);
}

/** A token request (RFC 6749 §3.2). */
export async function tokenRequest(ctx: CheckContext, call: TokenCall): Promise<TokenResult> {
  return authenticatedPost(ctx, { ...call, url: call.url ?? ctx.endpoint('token_endpoint') });
}

/** Client credentials grant (RFC 6749 §4.4.2) with the configured scope. */
export async function clientCredentials(
  ctx: CheckContext,
  options: { client?: TestClient; auth?: ClientAuth; extra?: Array<[string, string]>; scope?: string | null; headers?: Record<string, string> } = {},
): Promise<TokenResult> {
  const scope = options.scope === null ? undefined : (options.scope ?? ctx.config.scopes.clientCredentials);
  const params: Array<[string, string]> = [['grant_type', 'client_credentials']];
  if (scope) params.push(['scope', scope]);
  return tokenRequest(ctx, {
    ...(options.client ? { client: options.client } : {}),
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    params: [...params, ...(options.extra ?? [])],
  });
}

/** Client credentials that must succeed (a precondition of the calling check). */
export async function requireClientCredentials(ctx: CheckContext, scope?: string | null): Promise<TokenResult> {
  const r = await clientCredentials(ctx, scope === undefined ? {} : { scope });
  if (!r.ok) {
    throw new SetupFailure(
      `client_credentials request with ${ctx.clients.primary.label} failed (HTTP ${r.res.status}${r.error ? ` ${r.error}` : ''})`,
    );
  }
  return r;
}
