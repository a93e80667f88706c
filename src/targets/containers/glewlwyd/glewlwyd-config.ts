/**
 * What the Glewlwyd container is provisioned with.
 */

/** The confidential client; it may use client_secret_basic or client_secret_post. */
export interface GlewlwydClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /**
   * The scopes its registration allows (Glewlwyd's client `scope`), besides the container's
   * own (`GlewlwydSettings.scope`, for client credentials); absent: every scope the server is
   * provisioned with. A scope the server knows but the client's registration leaves out is
   * the "scope not registered" of RFC 6749 §3.3.
   */
  scopes?: string[];
}

/** The test user, who signs in through Glewlwyd's login API. */
export interface GlewlwydUser {
  username: string;
  password: string;
  name?: string;
  email?: string;
}

/** Token lifetimes in seconds. */
export interface GlewlwydTtl {
  accessToken: number;
  refreshToken: number;
  code: number;
}

/** Everything provisioned after the server starts. */
export interface GlewlwydSettings {
  /** OIDC plugin instance name; the issuer is `<base>/api/<pluginName>`. */
  pluginName: string;
  /** The non-OIDC scope the client may request, e.g. for client_credentials. */
  scope: string;
  /** More scopes the client and the users may have (e.g. a profile's `read`, `write`). */
  extraScopes: string[];
  client: GlewlwydClient;
  /** More clients, registered like `client` (same grants; scopes as each one says). */
  extraClients: GlewlwydClient[];
  user: GlewlwydUser;
  /** More users, provisioned like `user`. */
  extraUsers: GlewlwydUser[];
  /** One-time-use refresh tokens (`refresh-token-one-use: always`). */
  rotateRefreshTokens: boolean;
  ttl: GlewlwydTtl;
}

/** Redirect URI of the default client unless `withRedirectUri` sets one. */
export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:8080/callback';

/** Defaults: plugin `oidc`, scope `harness`, `harness-client`, user `alice`, short lifetimes. */
export function defaultGlewlwydSettings(): GlewlwydSettings {
  return {
    pluginName: 'oidc',
    scope: 'harness',
    extraScopes: [],
    client: { clientId: 'harness-client', clientSecret: 'harness-client-secret-0123456789abcdef', redirectUris: [DEFAULT_REDIRECT_URI] },
    extraClients: [],
    user: { username: 'alice', password: 'alice-password', name: 'Alice Example', email: 'alice@example.test' },
    extraUsers: [],
    rotateRefreshTokens: false,
    ttl: { accessToken: 300, refreshToken: 3600, code: 60 },
  };
}
