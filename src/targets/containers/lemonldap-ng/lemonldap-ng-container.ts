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
import { ServerContainer, StartedServerContainer, type StoppableContainer } from '../server-container.js';
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
 * `alice-password`, short lifetimes, startup timeout 90 s (until the portal answers).
 * `withRedirectUri` sets the default client's redirect URIs (the first call replaces the
 * default one), not those of `withExtraClient`'s. Port, base image, redirect URIs and
 * startup timeout: {@link ServerContainer}.
 */
export class LemonldapContainer extends ServerContainer<StartedLemonldapContainer> {
  private readonly settings = defaultLemonldapSettings();
  private usersSet = false;

  constructor() {
    super('LemonldapContainer', 90_000);
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

  /** Builds the image if needed, writes the configuration and users, starts it and waits for discovery. */
  async start(): Promise<StartedLemonldapContainer> {
    const { port, url: portal } = await this.loopbackAddress();
    if (this.redirectUris.length > 0) this.settings.clients[0]!.redirectUris = [...this.redirectUris];
    const settings = structuredClone(this.settings);
    const { tag } = await lemonldapImage(this.baseImage);
    const config = lemonldapConfig(portal, settings, newSigningKey());
    const container = await this.startOnLoopback(tag, `${portal}/.well-known/openid-configuration`, (c) =>
      c.withEnvironment({ LLNG_PORT: String(port) }).withCopyContentToContainer([
        { content: JSON.stringify(config), target: '/var/lib/lemonldap-ng/conf/lmConf-1.json', mode: 0o644 },
        { content: lemonldapUsersJson(settings.users), target: '/etc/lemonldap-ng/harness-users.json', mode: 0o600 },
      ]),
    );
    return new StartedLemonldapContainer(container, portal, settings.clients, settings.users);
  }
}

/**
 * A running, provisioned LemonLDAP::NG portal; call `stop()` when done. Its issuer is the
 * portal's URL, `http://127.0.0.1:<port>` (endpoints under `/oauth2/`).
 */
export class StartedLemonldapContainer extends StartedServerContainer {
  constructor(
    container: StoppableContainer,
    portal: string,
    private readonly clients: LemonldapClient[],
    private readonly users: LemonldapUser[],
  ) {
    super(container, portal);
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
}
