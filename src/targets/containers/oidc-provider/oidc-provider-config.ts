/**
 * What the oidc-provider container is configured with, and the JSON that
 * server.mjs reads from `OIDC_PROVIDER_CONFIG` (oidc-provider's own names).
 */

/** A client registration; protocol fields keep their RFC 7591 meaning. */
export interface OidcProviderClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  tokenEndpointAuthMethod: 'client_secret_basic' | 'client_secret_post';
  grantTypes: string[];
  /** Space-separated scopes the client may request. */
  scope: string;
}

/** A test user who signs in through the login form. */
export interface OidcProviderUser {
  username: string;
  password: string;
  /** Claims returned for the user, e.g. `{ name: 'Alice' }`. */
  claims?: Record<string, unknown>;
}

/** Artifact lifetimes in seconds, by oidc-provider's `ttl` names. */
export type OidcProviderTtl = Partial<
  Record<
    'AccessToken' | 'AuthorizationCode' | 'ClientCredentials' | 'IdToken' | 'RefreshToken' | 'Interaction' | 'Session' | 'Grant',
    number
  >
>;

/** A request parameter and the value that switches a behaviour on (`access_type=offline`). */
export interface ParamValue {
  name: string;
  value: string;
}

/**
 * Behaviours set through oidc-provider's own configuration and hooks (server.mjs):
 * when refresh tokens are issued (`issueRefreshToken`), endpoint paths (`routes`),
 * PKCE (`pkce.required`), and which optional endpoints are on (`features`).
 */
export interface OidcProviderBehaviour {
  /** `issueRefreshToken`: always, never, with `offlineScope`, or with `offlineParam` in the authorization request; `oncePerUser` unless `forceConsentParam`. */
  refresh?: { policy: 'always' | 'never' | 'offline-scope' | 'offline-param'; offlineScope?: string; offlineParam?: ParamValue; oncePerUser?: boolean; forceConsentParam?: ParamValue | null };
  /** `rotateRefreshToken` for public clients (token_endpoint_auth_method none); default true, as oidc-provider does. */
  rotatePublicClients?: boolean;
  /** `routes`, by oidc-provider's names (`authorization`, `token`, `revocation`, `introspection`, `userinfo`, `jwks`). */
  routes?: Record<string, string>;
  /** `pkce.required` for every client; unset: oidc-provider's default (public clients only). */
  pkceRequired?: boolean;
  /** `features.revocation.enabled` (RFC 7009), default true. */
  revocation?: boolean;
  /** `features.introspection.enabled` (RFC 7662), default true. */
  introspection?: boolean;
  /** The business API beside the server (`/api/…`): scopes its calls need, and how many records it serves. */
  api?: { readScope: string | null; writeScope: string | null; records: number };
}

/** Everything the container needs to start. */
export interface OidcProviderSettings {
  port: number;
  clients: OidcProviderClient[];
  users: OidcProviderUser[];
  rotateRefreshTokens: boolean;
  ttl: OidcProviderTtl;
  /** Scopes the server knows; server.mjs has its own default list when absent. */
  scopes?: string[];
  behaviour?: OidcProviderBehaviour;
}

/** Redirect URI of the default clients unless `withRedirectUri` sets one. */
export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:8080/callback';

/** Short lifetimes by default, so expiry can be tested without long waits. */
export const DEFAULT_TTL: OidcProviderTtl = {
  AccessToken: 300,
  AuthorizationCode: 60,
  ClientCredentials: 300,
  IdToken: 300,
  RefreshToken: 3600,
};

/** The default user: `alice` / `alice-password`. */
export const DEFAULT_USER: OidcProviderUser = {
  username: 'alice',
  password: 'alice-password',
  claims: { name: 'Alice Example', email: 'alice@example.test', email_verified: true },
};

/** A confidential client allowed every grant the container enables. */
export function confidentialClient(
  clientId: string,
  tokenEndpointAuthMethod: OidcProviderClient['tokenEndpointAuthMethod'],
  clientSecret = 'harness-client-secret-0123456789abcdef',
): OidcProviderClient {
  return {
    clientId,
    clientSecret,
    redirectUris: [],
    tokenEndpointAuthMethod,
    grantTypes: ['authorization_code', 'refresh_token', 'client_credentials'],
    scope: 'openid offline_access profile email api:read',
  };
}

/** The two default registrations sharing one secret, one per auth method. */
export function defaultClients(): OidcProviderClient[] {
  return [confidentialClient('harness-client', 'client_secret_basic'), confidentialClient('harness-client-post', 'client_secret_post')];
}

/** The JSON value server.mjs reads, with oidc-provider's metadata names. */
export function serverConfig(settings: OidcProviderSettings): string {
  return JSON.stringify({
    port: settings.port,
    rotateRefreshTokens: settings.rotateRefreshTokens,
    ttl: settings.ttl,
    ...settings.behaviour,
    ...(settings.scopes ? { scopes: settings.scopes } : {}),
    users: settings.users,
    clients: settings.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      token_endpoint_auth_method: c.tokenEndpointAuthMethod,
      grant_types: c.grantTypes,
      response_types: c.grantTypes.includes('authorization_code') ? ['code'] : [],
      scope: c.scope,
    })),
  });
}
