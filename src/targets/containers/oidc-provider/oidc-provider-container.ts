/**
 * A real oidc-provider 9 authorization server in a container, built offline
 * and run with host networking on 127.0.0.1.
 *
 * @example
 * const server = await new OidcProviderContainer().withRotation(true).start();
 * try {
 *   await fetch(`${server.getIssuer()}/.well-known/openid-configuration`);
 * } finally {
 *   await server.stop();
 * }
 */
import { ServerContainer, StartedServerContainer, type StoppableContainer } from '../server-container.js';
import {
  confidentialClient,
  DEFAULT_REDIRECT_URI,
  DEFAULT_TTL,
  DEFAULT_USER,
  defaultClients,
  serverConfig,
  type OidcProviderBehaviour,
  type OidcProviderClient,
  type OidcProviderTtl,
  type OidcProviderUser,
} from './oidc-provider-config.js';
import { oidcProviderImage } from './oidc-provider-image.js';

export type { OidcProviderBehaviour, OidcProviderClient, OidcProviderTtl, OidcProviderUser } from './oidc-provider-config.js';

/**
 * Builder for an oidc-provider container. Without `withClient`, two
 * registrations share one secret: `harness-client` (client_secret_basic) and
 * `harness-client-post` (client_secret_post), each allowed authorization_code,
 * refresh_token and client_credentials. Without `withUser`, the user is
 * `alice` / `alice-password`. Refresh tokens rotate only with `withRotation(true)`.
 * `withRedirectUri` sets the redirect URIs of the clients registered without any
 * (default {@link DEFAULT_REDIRECT_URI}). Startup timeout 60 s (until discovery answers).
 * Port, base image, redirect URIs and startup timeout: {@link ServerContainer}.
 */
export class OidcProviderContainer extends ServerContainer<StartedOidcProviderContainer> {
  private readonly clients: OidcProviderClient[] = [];
  private readonly users: OidcProviderUser[] = [];
  private rotation = false;
  private ttl: OidcProviderTtl = { ...DEFAULT_TTL };
  private scopes?: string[];
  private behaviour: OidcProviderBehaviour = {};

  constructor() {
    super('OidcProviderContainer', 60_000);
  }

  /** Register a client; the first call replaces the two default clients. */
  withClient(client: Pick<OidcProviderClient, 'clientId' | 'clientSecret'> & Partial<OidcProviderClient>): this {
    this.clients.push({ ...confidentialClient(client.clientId, 'client_secret_basic'), ...client });
    return this;
  }

  /** Add a user; the first call replaces the default user `alice`. */
  withUser(user: OidcProviderUser): this {
    this.users.push(user);
    return this;
  }

  /** Rotate refresh tokens on every use (the `rotating-refresh` profile). */
  withRotation(enabled: boolean): this {
    this.rotation = enabled;
    return this;
  }

  /** Override artifact lifetimes in seconds, e.g. `{ AccessToken: 5 }`. */
  withTtl(ttl: OidcProviderTtl): this {
    this.ttl = { ...this.ttl, ...ttl };
    return this;
  }

  /**
   * The scopes the server knows (default `openid offline_access profile email api:read`).
   * Clients still need each scope in their own `scope` to request it.
   */
  withScopes(scopes: string[]): this {
    this.scopes = [...scopes];
    return this;
  }

  /** Behaviours set through oidc-provider's hooks and options: refresh token policy, routes, PKCE, optional endpoints. */
  withBehaviour(behaviour: OidcProviderBehaviour): this {
    this.behaviour = { ...this.behaviour, ...behaviour };
    return this;
  }

  /** Builds the image if needed, starts it and waits for discovery. */
  async start(): Promise<StartedOidcProviderContainer> {
    const { port, url: issuer } = await this.loopbackAddress();
    const redirectUris = this.redirectUris.length > 0 ? this.redirectUris : [DEFAULT_REDIRECT_URI];
    const clients = (this.clients.length > 0 ? this.clients : defaultClients()).map((c) =>
      c.redirectUris.length > 0 ? c : { ...c, redirectUris },
    );
    const users = this.users.length > 0 ? this.users : [DEFAULT_USER];
    const settings = { port, clients, users, rotateRefreshTokens: this.rotation, ttl: this.ttl, ...(this.scopes ? { scopes: this.scopes } : {}), behaviour: this.behaviour };
    const { tag } = await oidcProviderImage(this.baseImage);
    const container = await this.startOnLoopback(tag, `${issuer}/.well-known/openid-configuration`, (c) =>
      c.withEnvironment({ OIDC_PROVIDER_CONFIG: serverConfig(settings) }),
    );
    return new StartedOidcProviderContainer(container, issuer, clients, users);
  }
}

/** A running oidc-provider; call `stop()` when done. Its issuer is `http://127.0.0.1:<port>`. */
export class StartedOidcProviderContainer extends StartedServerContainer {
  constructor(
    container: StoppableContainer,
    issuer: string,
    private readonly clients: OidcProviderClient[],
    private readonly users: OidcProviderUser[],
  ) {
    super(container, issuer);
  }

  /** The first client, or the first one using `method` at the token endpoint. */
  getClient(method?: OidcProviderClient['tokenEndpointAuthMethod']): OidcProviderClient {
    const client = method ? this.clients.find((c) => c.tokenEndpointAuthMethod === method) : this.clients[0];
    if (!client) throw new Error(`no client registered with token_endpoint_auth_method "${method}"`);
    return client;
  }

  /** Every registered client. */
  getClients(): OidcProviderClient[] {
    return [...this.clients];
  }

  /** The first configured user. */
  getUser(): OidcProviderUser {
    return this.users[0]!;
  }
}
