/**
 * A real Glewlwyd 2.7 (Debian bookworm) authorization server in a container,
 * built offline, run with host networking on 127.0.0.1 and provisioned over
 * its admin API with an OpenID Connect plugin, a confidential client and a user.
 *
 * @example
 * const server = await new GlewlwydContainer().withRedirectUri('http://127.0.0.1:9000/cb').start();
 * try {
 *   await fetch(`${server.getIssuer()}/.well-known/openid-configuration`);
 * } finally {
 *   await server.stop();
 * }
 */
import { ServerContainer, StartedServerContainer, type StoppableContainer } from '../server-container.js';
import { provisionGlewlwyd } from './glewlwyd-admin.js';
import { defaultGlewlwydSettings, type GlewlwydClient, type GlewlwydTtl, type GlewlwydUser } from './glewlwyd-config.js';
import { glewlwydImage } from './glewlwyd-image.js';

export type { GlewlwydClient, GlewlwydTtl, GlewlwydUser } from './glewlwyd-config.js';

/**
 * Builder for a Glewlwyd container. Defaults: plugin `oidc`, client
 * `harness-client` (secret in `getClient()`, grants authorization_code,
 * client_credentials and refresh_token, scopes `openid` and `harness`),
 * user `alice` / `alice-password`, refresh tokens not rotated, startup timeout 60 s.
 * `withRedirectUri` sets the client's redirect URIs (the first call replaces the
 * default one). Port, base image, redirect URIs and startup timeout: {@link ServerContainer}.
 */
export class GlewlwydContainer extends ServerContainer<StartedGlewlwydContainer> {
  private readonly settings = defaultGlewlwydSettings();

  constructor() {
    super('GlewlwydContainer', 60_000);
  }

  /** Replace the default client's id, secret, redirect URIs or registered scopes (default: every scope). */
  withClient(client: Partial<GlewlwydClient>): this {
    Object.assign(this.settings.client, client);
    return this;
  }

  /** Another client, besides the one `withClient` sets, with the same grants (its own redirect URIs and, if given, scopes). */
  withExtraClient(client: GlewlwydClient): this {
    this.settings.extraClients.push({ ...client, redirectUris: [...client.redirectUris], ...(client.scopes ? { scopes: [...client.scopes] } : {}) });
    return this;
  }

  /** Replace the default user. */
  withUser(user: GlewlwydUser): this {
    this.settings.user = user;
    return this;
  }

  /** More scopes the server knows and the users may grant, besides `openid` and `harness`; clients without a `scopes` list of their own are registered with them too. */
  withExtraScopes(scopes: string[]): this {
    this.settings.extraScopes.push(...scopes.filter((s) => s !== 'openid' && s !== this.settings.scope));
    return this;
  }

  /** Another user, besides the one `withUser` sets. */
  withExtraUser(user: GlewlwydUser): this {
    this.settings.extraUsers.push(user);
    return this;
  }

  /** One-time-use refresh tokens: each refresh returns a new one (`rotating-refresh`). */
  withRotation(enabled: boolean): this {
    this.settings.rotateRefreshTokens = enabled;
    return this;
  }

  /** Override token lifetimes in seconds. */
  withTtl(ttl: Partial<GlewlwydTtl>): this {
    Object.assign(this.settings.ttl, ttl);
    return this;
  }

  /** Builds the image if needed, starts it, waits for it and provisions it. */
  async start(): Promise<StartedGlewlwydContainer> {
    const { port, url: baseUrl } = await this.loopbackAddress();
    if (this.redirectUris.length > 0) this.settings.client.redirectUris = [...this.redirectUris];
    const { tag } = await glewlwydImage(this.baseImage);
    const container = await this.startOnLoopback(tag, `${baseUrl}/config`, (c) =>
      c.withCommand([`--port=${port}`]).withEnvironment({ GLWD_EXTERNAL_URL: baseUrl }),
    );
    const settings = structuredClone(this.settings);
    const issuer = `${baseUrl}/api/${settings.pluginName}`;
    const started = new StartedGlewlwydContainer(container, issuer, baseUrl, [settings.client, ...settings.extraClients], [settings.user, ...settings.extraUsers], settings.scope);
    try {
      await provisionGlewlwyd(baseUrl, settings);
    } catch (err) {
      await started.stop();
      throw err;
    }
    return started;
  }
}

/**
 * A running, provisioned Glewlwyd; call `stop()` when done. Its issuer is the OIDC
 * plugin's URL, `http://127.0.0.1:<port>/api/oidc`.
 */
export class StartedGlewlwydContainer extends StartedServerContainer {
  constructor(
    container: StoppableContainer,
    issuer: string,
    private readonly baseUrl: string,
    private readonly clients: GlewlwydClient[],
    private readonly users: GlewlwydUser[],
    private readonly scope: string,
  ) {
    super(container, issuer);
  }

  /** The server root, `http://127.0.0.1:<port>` (admin API under `/api`). */
  getBaseUrl(): string {
    return this.baseUrl;
  }

  /** The provisioned confidential client (basic or post secret placement). */
  getClient(): GlewlwydClient {
    return this.getClients()[0]!;
  }

  /** Every provisioned client (`withClient`'s first, then `withExtraClient`'s). */
  getClients(): GlewlwydClient[] {
    return this.clients.map((c) => ({ ...c, redirectUris: [...c.redirectUris], ...(c.scopes ? { scopes: [...c.scopes] } : {}) }));
  }

  /** The provisioned user, with the password to sign in with. */
  getUser(): GlewlwydUser {
    return { ...this.users[0]! };
  }

  /** Every provisioned user (`withUser`'s first, then `withExtraUser`'s). */
  getUsers(): GlewlwydUser[] {
    return this.users.map((u) => ({ ...u }));
  }

  /** The non-OIDC scope the client may request (default `harness`). */
  getScope(): string {
    return this.scope;
  }
}
