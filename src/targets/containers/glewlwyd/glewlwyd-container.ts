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
import { GenericContainer, type StartedTestContainer } from 'testcontainers';
import { harnessLabels, stopOnInterrupt } from '../runtime.js';
import { DEFAULT_BASE_IMAGE } from '../image-build.js';
import { assertPort, freeLoopbackPort, LoopbackHttpWait } from '../loopback.js';
import { provisionGlewlwyd } from './glewlwyd-admin.js';
import { defaultGlewlwydSettings, type GlewlwydClient, type GlewlwydTtl, type GlewlwydUser } from './glewlwyd-config.js';
import { glewlwydImage } from './glewlwyd-image.js';

export type { GlewlwydClient, GlewlwydTtl, GlewlwydUser } from './glewlwyd-config.js';

/**
 * Builder for a Glewlwyd container. Defaults: plugin `oidc`, client
 * `harness-client` (secret in `getClient()`, grants authorization_code,
 * client_credentials and refresh_token, scopes `openid` and `harness`),
 * user `alice` / `alice-password`, refresh tokens not rotated.
 */
export class GlewlwydContainer {
  private port?: number;
  private baseImage = DEFAULT_BASE_IMAGE;
  private readonly settings = defaultGlewlwydSettings();
  private redirectUris: string[] = [];
  private startupTimeoutMs = 60_000;

  /** Listen on this 127.0.0.1 port instead of a free one. */
  withPort(port: number): this {
    this.port = assertPort(port, 'GlewlwydContainer.withPort');
    return this;
  }

  /** Build on another local base image (default `debian:bookworm-slim`). */
  withBaseImage(name: string): this {
    this.baseImage = name;
    return this;
  }

  /** Replace the default client's id, secret or redirect URIs. */
  withClient(client: Partial<GlewlwydClient>): this {
    Object.assign(this.settings.client, client);
    return this;
  }

  /** Add a redirect URI; the first call replaces the default one. */
  withRedirectUri(uri: string): this {
    this.redirectUris.push(uri);
    return this;
  }

  /** Replace the default user. */
  withUser(user: GlewlwydUser): this {
    this.settings.user = user;
    return this;
  }

  /** More scopes for the client and the users, besides `openid` and `harness`. */
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

  /** How long to wait for the server to answer (default 60 s). */
  withStartupTimeout(ms: number): this {
    this.startupTimeoutMs = ms;
    return this;
  }

  /** Builds the image if needed, starts it, waits for it and provisions it. */
  async start(): Promise<StartedGlewlwydContainer> {
    const port = this.port ?? (await freeLoopbackPort());
    const baseUrl = `http://127.0.0.1:${port}`;
    if (this.redirectUris.length > 0) this.settings.client.redirectUris = [...this.redirectUris];
    const { tag } = await glewlwydImage(this.baseImage);
    const container = await new GenericContainer(tag)
      .withNetworkMode('host')
      .withCommand([`--port=${port}`])
      .withEnvironment({ GLWD_EXTERNAL_URL: baseUrl })
      .withLabels(harnessLabels())
      .withWaitStrategy(new LoopbackHttpWait(`${baseUrl}/config`))
      .withStartupTimeout(this.startupTimeoutMs)
      .start();
    const forget = stopOnInterrupt(container);
    const settings = structuredClone(this.settings);
    try {
      await provisionGlewlwyd(baseUrl, settings);
    } catch (err) {
      await container.stop();
      forget();
      throw err;
    }
    return new StartedGlewlwydContainer(forget, container, baseUrl, settings.pluginName, settings.client, [settings.user, ...settings.extraUsers], settings.scope);
  }
}

/** A running, provisioned Glewlwyd; call `stop()` when done. */
export class StartedGlewlwydContainer {
  constructor(
    /** Drops the stop-on-interrupt registration (src/targets/containers/runtime.ts). */
    private readonly forgetInterrupt: () => void,
    private readonly container: StartedTestContainer,
    private readonly baseUrl: string,
    private readonly pluginName: string,
    private readonly client: GlewlwydClient,
    private readonly users: GlewlwydUser[],
    private readonly scope: string,
  ) {}

  /** The OIDC plugin's URL and issuer, `http://127.0.0.1:<port>/api/oidc`. */
  getIssuer(): string {
    return `${this.baseUrl}/api/${this.pluginName}`;
  }

  /** The server root, `http://127.0.0.1:<port>` (admin API under `/api`). */
  getBaseUrl(): string {
    return this.baseUrl;
  }

  /** The provisioned confidential client (basic or post secret placement). */
  getClient(): GlewlwydClient {
    return { ...this.client, redirectUris: [...this.client.redirectUris] };
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

  /** Stops and removes the container. */
  async stop(): Promise<void> {
    await this.container.stop();
    this.forgetInterrupt();
  }
}
