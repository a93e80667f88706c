/**
 * A real LemonLDAP::NG 2.16 (Debian bookworm) OpenID Connect provider in a container,
 * built offline, run with host networking on 127.0.0.1. It is provisioned before it
 * starts: its configuration file (the relying parties, a fresh RS256 signing key,
 * lifetimes) and its users (a SQLite table read by the DBI authentication module) are
 * copied in.
 *
 * @example
 * const server = await new LemonldapContainer().withRedirectUri('http://127.0.0.1:9000/cb').start();
 * try {
 *   await fetch(`${server.getIssuer()}/.well-known/openid-configuration`);
 * } finally {
 *   await server.stop();
 * }
 */
import { GenericContainer, type StartedTestContainer } from 'testcontainers';
import { DEFAULT_BASE_IMAGE } from '../image-build.js';
import { assertPort, freeLoopbackPort, LoopbackHttpWait } from '../loopback.js';
import { harnessLabels, stopOnInterrupt } from '../runtime.js';
import {
  defaultLemonldapSettings,
  lemonldapConfig,
  lemonldapUsersJson,
  newSigningKey,
  type LemonldapClient,
  type LemonldapTtl,
  type LemonldapUser,
} from './lemonldap-ng-config.js';
import { lemonldapImage } from './lemonldap-ng-image.js';

export type { LemonldapClient, LemonldapTtl, LemonldapUser } from './lemonldap-ng-config.js';

/**
 * Builder for a LemonLDAP::NG container. Defaults: client `harness-client` (secret in
 * `getClient()`, code, refresh and client_credentials grants), user `alice` /
 * `alice-password`, short lifetimes.
 */
export class LemonldapContainer {
  private port?: number;
  private baseImage = DEFAULT_BASE_IMAGE;
  private readonly settings = defaultLemonldapSettings();
  private redirectUris: string[] = [];
  private usersSet = false;
  private startupTimeoutMs = 90_000;

  /** Listen on this 127.0.0.1 port instead of a free one. */
  withPort(port: number): this {
    this.port = assertPort(port, 'LemonldapContainer.withPort');
    return this;
  }

  /** Build on another local base image (default `debian:bookworm-slim`). */
  withBaseImage(name: string): this {
    this.baseImage = name;
    return this;
  }

  /** Replace the default client's id, secret or redirect URIs. */
  withClient(client: Partial<LemonldapClient>): this {
    Object.assign(this.settings.clients[0]!, client);
    return this;
  }

  /** Another relying party, besides the one `withClient` sets (verify's fixture clients). */
  withExtraClient(client: LemonldapClient): this {
    this.settings.clients.push(client);
    return this;
  }

  /** Add a redirect URI to the default client; the first call replaces the default one. */
  withRedirectUri(uri: string): this {
    this.redirectUris.push(uri);
    return this;
  }

  /** A user; the first call replaces the default user, later calls add more. */
  withUser(user: LemonldapUser): this {
    if (!this.usersSet) this.settings.users = [];
    this.usersSet = true;
    this.settings.users.push(user);
    return this;
  }

  /** Scopes besides the OpenID ones that the clients may request (e.g. `read`, `write`). */
  withExtraScopes(scopes: string[]): this {
    const oidc = new Set(['openid', 'profile', 'email', 'address', 'phone', 'offline_access']);
    for (const s of scopes) if (!oidc.has(s) && !this.settings.extraScopes.includes(s)) this.settings.extraScopes.push(s);
    return this;
  }

  /** Override lifetimes in seconds. */
  withTtl(ttl: Partial<LemonldapTtl>): this {
    Object.assign(this.settings.ttl, ttl);
    return this;
  }

  /** How long to wait for the portal to answer (default 90 s). */
  withStartupTimeout(ms: number): this {
    this.startupTimeoutMs = ms;
    return this;
  }

  /** Builds the image if needed, writes the configuration and users, starts it and waits for discovery. */
  async start(): Promise<StartedLemonldapContainer> {
    const port = this.port ?? (await freeLoopbackPort());
    const portal = `http://127.0.0.1:${port}`;
    if (this.redirectUris.length > 0) this.settings.clients[0]!.redirectUris = [...this.redirectUris];
    const settings = structuredClone(this.settings);
    const { tag } = await lemonldapImage(this.baseImage);
    const config = lemonldapConfig(portal, settings, newSigningKey());
    const container = await new GenericContainer(tag)
      .withNetworkMode('host')
      .withEnvironment({ LLNG_PORT: String(port) })
      .withCopyContentToContainer([
        { content: JSON.stringify(config), target: '/var/lib/lemonldap-ng/conf/lmConf-1.json', mode: 0o644 },
        { content: lemonldapUsersJson(settings.users), target: '/etc/lemonldap-ng/harness-users.json', mode: 0o600 },
      ])
      .withLabels(harnessLabels())
      .withWaitStrategy(new LoopbackHttpWait(`${portal}/.well-known/openid-configuration`))
      .withStartupTimeout(this.startupTimeoutMs)
      .start();
    const forget = stopOnInterrupt(container);
    return new StartedLemonldapContainer(forget, container, portal, settings.clients, settings.users);
  }
}

/** A running, provisioned LemonLDAP::NG portal; call `stop()` when done. */
export class StartedLemonldapContainer {
  constructor(
    /** Drops the stop-on-interrupt registration (src/targets/containers/runtime.ts). */
    private readonly forgetInterrupt: () => void,
    private readonly container: StartedTestContainer,
    private readonly portal: string,
    private readonly clients: LemonldapClient[],
    private readonly users: LemonldapUser[],
  ) {}

  /** The portal's URL and issuer, `http://127.0.0.1:<port>` (endpoints under `/oauth2/`). */
  getIssuer(): string {
    return this.portal;
  }

  /** The harness's relying party (basic or post secret placement). */
  getClient(): LemonldapClient {
    const c = this.clients[0]!;
    return { ...c, redirectUris: [...c.redirectUris] };
  }

  /** Every provisioned user (the first is the default one), with the passwords to sign in with. */
  getUsers(): LemonldapUser[] {
    return this.users.map((u) => ({ ...u }));
  }

  /** Stops and removes the container. */
  async stop(): Promise<void> {
    await this.container.stop();
    this.forgetInterrupt();
  }
}
