/**
 * The reference client: an OAuth client configured like an integration platform's
 * OAuth application page (client id, secret, authorization/token/revoke URLs, redirect
 * URL, scopes, credential placement), built on oauth4webapi.
 *
 * What a good client does, and this one does: checks `state` (RFC 6749 §10.12), uses
 * PKCE where the provider supports it (RFC 9700 §2.1.1), sends the same `redirect_uri`
 * at the token endpoint (RFC 6749 §4.1.3), refreshes once on expiry or 401 and retries
 * once, stores a rotated refresh token atomically, gives up on `invalid_grant` (asks for
 * a new login), revokes on disconnect (RFC 7009), and warns about what will bite later.
 */
import { createHash } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { ClientError, toClientError } from './client-error.js';
import { clientAuth, placementFetch, type PlacementSetting } from './placement.js';
import { missingRefreshCase, missingRefreshWarning, type ClientWarning } from './warnings.js';

export type ClientFault =
  | 'ignore-state' | 'no-retry' | 'no-refresh' | 'no-revoke-on-disconnect' | 'keep-old-refresh-token'
  | 'retry-invalid-grant' | 'no-pkce' | 'drop-redirect-uri-at-token' | 'send-credentials-twice' | 'no-basic-encoding'
  | 'ignore-granted-scope' | 'bearer-in-query' | 'trust-http-200' | 'resend-scope-on-refresh';

export interface ReferenceClientConfig {
  /** The provider's issuer, for metadata discovery (optional, like most integration pages). */
  issuer?: string | undefined;
  clientId: string;
  clientSecret: string;
  authorizationUrl: string;
  tokenUrl: string;
  revokeUrl?: string | null | undefined;
  redirectUri: string;
  scopes: string[];
  scopeDelimiter: ' ' | ',';
  credentials: PlacementSetting;
  authorizationParams: Record<string, string>;
  pkce: 'auto' | 'always' | 'never';
  /** The client server's address (sent as X-Forwarded-For on its own requests). */
  sourceAddress?: string | undefined;
  faults: ClientFault[];
  /** The provider family, when the integration knows it (a scenario's `provider.family`, or the profile's): how to ask it for offline access. */
  providerFamily?: string | undefined;
  /** Virtual time in ms, shared with the provider. */
  now: () => number;
  fetch?: typeof fetch;
}

/** What the client stores for a connection. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string | undefined;
  /** ms on the shared clock, or null = never expires. */
  expiresAt: number | null;
  scopes: string[];
}

interface PendingAuthorization {
  state: string;
  verifier: string | undefined;
  user: string;
}

export class ReferenceClient {
  readonly config: ReferenceClientConfig;
  /** Current connection's tokens (undefined = not connected). */
  tokens: TokenSet | undefined;
  /** Set when the provider refused the refresh token: the user must log in again. */
  broken = false;
  private warnings: ClientWarning[] = [];
  private metadata: Record<string, unknown> | null | undefined;
  private pending: PendingAuthorization | undefined;
  private refreshing: Promise<TokenSet> | undefined;
  private readonly hadRefresh = new Set<string>();
  private readonly client: oauth.Client;
  private readonly auth: oauth.ClientAuth;
  private readonly fetchFn: (url: string, init: RequestInit) => Promise<Response>;

  constructor(config: ReferenceClientConfig) {
    this.config = config;
    this.client = { client_id: config.clientId };
    this.auth = clientAuth(config.credentials, config.clientSecret, config.faults);
    const base = config.fetch ?? fetch;
    const withSource = (url: string, init: RequestInit) => {
      if (!config.sourceAddress) return base(url, init);
      const headers = new Headers(init.headers);
      headers.set('x-forwarded-for', config.sourceAddress);
      return base(url, { ...init, headers });
    };
    this.fetchFn = placementFetch(config.credentials, withSource, config.tokenUrl, config.clientId, config.clientSecret);
  }

  private has(fault: ClientFault): boolean {
    return this.config.faults.includes(fault);
  }

  /** Warnings raised since the last call. */
  drainWarnings(): ClientWarning[] {
    const w = this.warnings;
    this.warnings = [];
    return w;
  }

  private options<T extends object>(extra?: T): T & Record<symbol, unknown> {
    this.client[oauth.clockSkew] = Math.round((this.config.now() - Date.now()) / 1000);
    return { ...(extra ?? ({} as T)), [oauth.customFetch]: this.fetchFn, [oauth.allowInsecureRequests]: true };
  }

  private as(): oauth.AuthorizationServer {
    const m = this.metadata ?? {};
    return {
      issuer: this.config.issuer ?? new URL(this.config.tokenUrl).origin,
      authorization_endpoint: this.config.authorizationUrl,
      token_endpoint: this.config.tokenUrl,
      ...(this.config.revokeUrl ? { revocation_endpoint: this.config.revokeUrl } : {}),
      ...(m.authorization_response_iss_parameter_supported === true ? { authorization_response_iss_parameter_supported: true } : {}),
    };
  }

  /** Best-effort metadata discovery (RFC 8414 / OIDC Discovery); absent metadata is fine. */
  private async discover(): Promise<Record<string, unknown> | null> {
    if (this.metadata !== undefined) return this.metadata;
    this.metadata = null;
    if (!this.config.issuer) return null;
    for (const suffix of ['/.well-known/openid-configuration', '/.well-known/oauth-authorization-server']) {
      try {
        const res = await this.fetchFn(`${this.config.issuer}${suffix}`, { headers: { accept: 'application/json' } });
        if (res.ok && (res.headers.get('content-type') ?? '').includes('json')) {
          this.metadata = (await res.json()) as Record<string, unknown>;
          break;
        }
      } catch {
        /* no metadata: configured URLs are enough */
      }
    }
    return this.metadata;
  }

  /** Step 1 of connecting a user: the authorization URL to send the browser to. */
  async beginConnect(user: string): Promise<string> {
    const meta = await this.discover();
    const methods = meta?.code_challenge_methods_supported as string[] | undefined;
    const usePkce = !this.has('no-pkce') && (this.config.pkce === 'always' || (this.config.pkce === 'auto' && (meta ? (methods ?? []).includes('S256') : true)));
    const state = oauth.generateRandomState();
    const verifier = usePkce ? oauth.generateRandomCodeVerifier() : undefined;
    const url = new URL(this.config.authorizationUrl);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.config.clientId);
    url.searchParams.set('redirect_uri', this.config.redirectUri);
    if (this.config.scopes.length) url.searchParams.set('scope', this.config.scopes.join(this.config.scopeDelimiter));
    url.searchParams.set('state', state);
    if (verifier) {
      url.searchParams.set('code_challenge', s256(verifier));
      url.searchParams.set('code_challenge_method', 'S256');
    }
    for (const [k, v] of Object.entries(this.config.authorizationParams)) url.searchParams.set(k, v);
    this.pending = { state, verifier, user };
    return url.toString();
  }

  /** Step 2: the browser came back to the redirect URI; exchange the code. */
  async completeConnect(callbackUrl: string): Promise<TokenSet> {
    const pending = this.pending;
    if (!pending) throw new ClientError('state_mismatch', 'a callback arrived but no authorization was started');
    this.pending = undefined;
    try {
      const as = this.as();
      const params = oauth.validateAuthResponse(as, this.client, new URL(callbackUrl), this.has('ignore-state') ? oauth.skipStateCheck : pending.state);
      const opts = this.options();
      if (this.has('drop-redirect-uri-at-token')) opts[oauth.customFetch] = withoutRedirectUri(this.fetchFn);
      const res = await oauth.authorizationCodeGrantRequest(as, this.client, this.auth, params, this.config.redirectUri, pending.verifier ?? oauth.nopkce, opts);
      const body = await this.checkedTokenResponse(res);
      const tokens = this.store(body, undefined);
      this.afterConnect(pending.user, body, tokens);
      return tokens;
    } catch (e) {
      throw await toClientError(e);
    }
  }

  private afterConnect(user: string, body: oauth.TokenEndpointResponse, tokens: TokenSet): void {
    this.broken = false;
    const granted = tokens.scopes;
    const missing = this.config.scopes.filter((s) => !granted.includes(s));
    if (body.scope !== undefined && missing.length) {
      this.warnings.push({ code: 'scope-narrowed', message: `granted scopes lack ${missing.join(', ')} (asked for ${this.config.scopes.join(' ')})` });
    }
    if (body.expires_in === undefined) this.warnings.push({ code: 'never-expiring-token', message: 'the access token has no expires_in: it is treated as never expiring' });
    if (!tokens.refreshToken) {
      const c = missingRefreshCase({
        expiresIn: body.expires_in,
        grantTypesSupported: this.metadata?.grant_types_supported as string[] | undefined,
        scopesSupported: this.metadata?.scopes_supported as string[] | undefined,
        requestedScopes: this.config.scopes,
        authorizationParams: this.config.authorizationParams,
        hadRefreshBefore: this.hadRefresh.has(user),
        family: this.config.providerFamily,
      });
      this.warnings.push(missingRefreshWarning(c.case, c.ask));
    } else this.hadRefresh.add(user);
  }

  /** Reads a token response, treating an `error` in an HTTP 200 body as the error it is (GitHub). */
  private async checkedTokenResponse(res: Response, kind: 'code' | 'refresh' | 'cc' = 'code'): Promise<oauth.TokenEndpointResponse> {
    if (res.status === 200 && !this.has('trust-http-200') && (res.headers.get('content-type') ?? '').includes('json')) {
      const peek = (await res.clone().json().catch(() => ({}))) as Record<string, unknown>;
      if (typeof peek.error === 'string') {
        this.warnings.push({ code: 'error-with-http-200', message: `the provider answered the error "${peek.error}" with HTTP 200` });
        throw new ClientError(peek.error, `${peek.error}: ${String(peek.error_description ?? 'no description')} (sent with HTTP 200)`, 200);
      }
    }
    const as = this.as();
    if (kind === 'refresh') return oauth.processRefreshTokenResponse(as, this.client, res);
    if (kind === 'cc') return oauth.processClientCredentialsResponse(as, this.client, res);
    return oauth.processAuthorizationCodeResponse(as, this.client, res);
  }

  private store(body: oauth.TokenEndpointResponse, previous: TokenSet | undefined): TokenSet {
    const split = (s: string) => s.split(/[ ,]+/).filter(Boolean);
    const scopes = body.scope !== undefined && !this.has('ignore-granted-scope') ? split(body.scope) : (previous?.scopes ?? this.config.scopes);
    const keepOld = this.has('keep-old-refresh-token') && previous?.refreshToken;
    const tokens: TokenSet = {
      accessToken: body.access_token,
      refreshToken: keepOld ? previous.refreshToken : (body.refresh_token ?? previous?.refreshToken),
      expiresAt: body.expires_in === undefined ? null : this.config.now() + body.expires_in * 1000,
      scopes,
    };
    this.tokens = tokens;
    return tokens;
  }

  /** The client credentials grant (RFC 6749 §4.4). */
  async clientCredentials(scopes?: string[]): Promise<TokenSet> {
    try {
      const s = scopes ?? this.config.scopes;
      const params: Record<string, string> = s.length ? { scope: s.join(this.config.scopeDelimiter) } : {};
      const res = await oauth.clientCredentialsGrantRequest(this.as(), this.client, this.auth, params, this.options());
      const body = await this.checkedTokenResponse(res, 'cc');
      const tokens = this.store(body, undefined);
      if (body.expires_in === undefined) this.warnings.push({ code: 'never-expiring-token', message: 'the access token has no expires_in' });
      return tokens;
    } catch (e) {
      throw await toClientError(e);
    }
  }

  /** Refreshes the current connection, sharing one request among concurrent callers. */
  refresh(): Promise<TokenSet> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async doRefresh(): Promise<TokenSet> {
    const current = this.tokens;
    if (!current) throw new ClientError('not_connected', 'no connection to refresh');
    if (!current.refreshToken) throw new ClientError('no_refresh_token', 'the connection has no refresh token: the user must log in again');
    const attempts = this.has('retry-invalid-grant') ? 3 : 1;
    let last: ClientError | undefined;
    for (let i = 0; i < attempts; i++) {
      try {
        // requests-oauthlib and authlib send the originally requested scope with every refresh
        const resend = this.has('resend-scope-on-refresh') && this.config.scopes.length ? { additionalParameters: { scope: this.config.scopes.join(this.config.scopeDelimiter) } } : undefined;
        const res = await oauth.refreshTokenGrantRequest(this.as(), this.client, this.auth, current.refreshToken, this.options(resend));
        const body = await this.checkedTokenResponse(res, 'refresh');
        return this.store(body, current);
      } catch (e) {
        last = await toClientError(e);
        if (last.code !== 'invalid_grant') throw last;
      }
    }
    this.broken = true;
    this.tokens = undefined;
    throw new ClientError('reconnect_required', `the provider refused the refresh token (${last?.message}); the user must connect again`, last?.status);
  }

  /** Calls the API with the current access token; refreshes once on expiry or 401 and retries once. */
  async callApi(url: string, init: { method?: string; headers?: Record<string, string>; body?: string; auth?: 'bearer' | 'none' } = {}): Promise<Response> {
    const send = (token?: string) => {
      const headers = new Headers(init.headers);
      let target = url;
      if (token && this.has('bearer-in-query')) {
        const u = new URL(url);
        u.searchParams.set('access_token', token);
        target = u.toString();
      } else if (token) headers.set('authorization', `Bearer ${token}`);
      return this.fetchFn(target, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: init.body } : {}) });
    };
    if (init.auth === 'none') return send();
    if (!this.tokens) throw new ClientError(this.broken ? 'reconnect_required' : 'not_connected', 'no access token: connect a user first');
    const canRefresh = () => !this.has('no-refresh') && this.tokens?.refreshToken !== undefined;
    if (this.tokens.expiresAt !== null && this.tokens.expiresAt <= this.config.now() && canRefresh()) await this.refresh();
    let res = await send(this.tokens!.accessToken);
    if (res.status === 401 && /invalid_token/.test(res.headers.get('www-authenticate') ?? '') && canRefresh() && !this.has('no-retry')) {
      await this.refresh();
      res = await send(this.tokens!.accessToken);
    }
    return res;
  }

  /** Revokes one of the connection's tokens at the revoke URL (RFC 7009 §2.1). */
  async revoke(which: 'refresh' | 'access' = 'refresh'): Promise<void> {
    const t = this.tokens;
    if (!t) throw new ClientError('not_connected', 'nothing to revoke');
    if (!this.config.revokeUrl) throw new ClientError('unexpected_response', 'no revoke URL is configured');
    const token = which === 'refresh' ? (t.refreshToken ?? t.accessToken) : t.accessToken;
    const hint = which === 'refresh' && t.refreshToken ? 'refresh_token' : 'access_token';
    try {
      const res = await oauth.revocationRequest(this.as(), this.client, this.auth, token, this.options({ additionalParameters: { token_type_hint: hint } }));
      await oauth.processRevocationResponse(res);
    } catch (e) {
      throw await toClientError(e);
    }
  }

  /** Disconnects: revokes the grant at the provider (unless faulty), then forgets the tokens. */
  async disconnect(): Promise<void> {
    try {
      if (this.tokens && this.config.revokeUrl && !this.has('no-revoke-on-disconnect')) await this.revoke('refresh');
    } finally {
      this.tokens = undefined;
    }
  }

  /** Deletes the stored tokens without telling the provider (the grant stays alive there). */
  dropTokens(): void {
    this.tokens = undefined;
  }
}

/** The `drop-redirect-uri-at-token` fault: removes `redirect_uri` from a token request's form body. */
function withoutRedirectUri(next: (url: string, init: RequestInit) => Promise<Response>): (url: string, init: RequestInit) => Promise<Response> {
  return (url, init) => {
    if (typeof init.body !== 'string' && !(init.body instanceof URLSearchParams)) return next(url, init);
    const form = new URLSearchParams(init.body);
    form.delete('redirect_uri');
    return next(url, { ...init, body: form.toString() });
  };
}

/** The S256 code challenge (RFC 7636 §4.2), computed synchronously: WebCrypto's async digest costs a thread-pool round trip per login. */
function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
