/**
 * The authorization code grant end to end (RFC 6749 §4.1): obtain a code through the user
 * agent, redeem it (§4.1.3), and obtain tokens with or without a refresh token.
 */
import { CheckSkipped, fail, SetupFailure } from '../check.js';
import { metaStrings } from '../metadata.js';
import type { TestClient } from '../clients.js';
import type { CheckContext } from '../context.js';
import { type AuthorizationOptions, type AuthorizationRun, describeRun, type ResponseParams, runAuthorization } from './authorize.js';
import { type ClientAuth, tokenRequest, type TokenResult } from './token.js';

export interface CodeGrant extends AuthorizationRun {
  code: string;
  response: ResponseParams;
}

/** No code came back: a {@link SetupFailure} (the check is inconclusive) carrying the run. */
export class CodeNotObtained extends SetupFailure {
  constructor(readonly run: AuthorizationRun) {
    const err = run.response?.get('error');
    super(`could not obtain an authorization code: ${err ? `error=${err}` : describeRun(run)}`);
  }

  /** The server itself refused: an error redirect, or an error page (HTTP 4xx/5xx) at the server. */
  get refusedByServer(): boolean {
    return !!this.run.response?.get('error') || (this.run.result.page?.status ?? 0) >= 400;
  }
}

/** Complete an authorization and return the code; a missing code is a {@link SetupFailure} ({@link CodeNotObtained}). */
export async function obtainCode(ctx: CheckContext, o: AuthorizationOptions = {}): Promise<CodeGrant> {
  const run = await runAuthorization(ctx, o);
  const code = run.response?.get('code');
  if (!run.response || !code) throw new CodeNotObtained(run);
  return { ...run, code, response: run.response };
}

/**
 * {@link obtainCode} for a check whose requirement is that this very request yields a code
 * (S256 accepted, a loopback port accepted): a refusal by the server is a failure of the
 * check; a flow that ended elsewhere (the driver could not log in) stays inconclusive.
 */
export async function obtainCodeAsRequirement(ctx: CheckContext, o: AuthorizationOptions, what: string): Promise<CodeGrant> {
  try {
    return await obtainCode(ctx, o);
  } catch (e) {
    if (e instanceof CodeNotObtained && e.refusedByServer) fail(`${what}: ${e.message.replace('could not obtain an authorization code: ', 'no code was issued: ')}`, 'an authorization code', e.run.response?.get('error') ?? describeRun(e.run));
    throw e;
  }
}

export interface RedeemOverrides {
  client?: TestClient;
  auth?: ClientAuth;
  /** `null` omits `redirect_uri`. */
  redirectUri?: string | null;
  /** `null` omits `code_verifier`. */
  verifier?: string | null;
  code?: string;
  extra?: Array<[string, string]>;
  headers?: Record<string, string>;
}

/** Redeem a code (RFC 6749 §4.1.3), by default exactly as the client that obtained it would. */
export async function redeemCode(ctx: CheckContext, grant: CodeGrant, o: RedeemOverrides = {}): Promise<TokenResult> {
  const client = o.client ?? grant.request.client;
  const params: Array<[string, string]> = [
    ['grant_type', 'authorization_code'],
    ['code', o.code ?? grant.code],
  ];
  const redirectUri = o.redirectUri === null ? undefined : (o.redirectUri ?? grant.request.redirectUri);
  if (redirectUri !== undefined) params.push(['redirect_uri', redirectUri]);
  const verifier = o.verifier === null ? undefined : (o.verifier ?? grant.request.verifier);
  if (verifier !== undefined) params.push(['code_verifier', verifier]);
  return tokenRequest(ctx, { client, ...(o.auth ? { auth: o.auth } : {}), ...(o.headers ? { headers: o.headers } : {}), params: [...params, ...(o.extra ?? [])] });
}

export interface Tokens {
  grant: CodeGrant;
  token: TokenResult;
  accessToken: string;
  refreshToken: string | undefined;
}

/** Authorization + redemption; a failed redemption is a {@link SetupFailure}. */
export async function obtainTokens(ctx: CheckContext, o: AuthorizationOptions = {}): Promise<Tokens> {
  const grant = await obtainCode(ctx, o);
  const token = await redeemCode(ctx, grant);
  if (!token.ok || !token.accessToken) {
    throw new SetupFailure(`code redemption failed: HTTP ${token.res.status}${token.error ? ` error=${token.error}` : ''}`);
  }
  return { grant, token, accessToken: token.accessToken, refreshToken: token.refreshToken };
}

/** Tokens that include a refresh token; its absence is a {@link SetupFailure}. */
export async function obtainRefreshable(ctx: CheckContext, o: AuthorizationOptions = {}): Promise<Tokens & { refreshToken: string }> {
  const t = await obtainTokens(ctx, { refresh: true, ...o });
  if (!t.refreshToken) {
    // RFC 6749 §1.5: refresh tokens are optional; a server that does not advertise the
    // refresh_token grant (RFC 8414 §2) and issues none lacks the precondition.
    const grants = metaStrings(ctx.metadata, 'grant_types_supported');
    if (grants && !grants.includes('refresh_token')) {
      throw new CheckSkipped('the server issues no refresh token (refresh_token is not in grant_types_supported)');
    }
    throw new SetupFailure(
      `no refresh_token issued for scope "${t.grant.request.scope ?? ''}" (configure scopes.refresh / authorizationParams so the server issues one)`,
    );
  }
  return { ...t, refreshToken: t.refreshToken };
}
