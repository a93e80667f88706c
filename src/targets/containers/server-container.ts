/**
 * What every real server's container has in common, whichever the server: the builder's
 * port, base image, redirect URIs and startup timeout, the start on the host network (labelled, waited
 * for on 127.0.0.1), and the started container's stop, by its id, on `stop()` or on
 * Ctrl-C and SIGTERM. A server's own module (`<name>/<name>-container.ts`) extends
 * {@link ServerContainer} and {@link StartedServerContainer} with what is its own: its
 * image, configuration, provisioning and getters.
 *
 * Containers are stopped explicitly: Ryuk, testcontainers' reaper, is disabled
 * (`TESTCONTAINERS_RYUK_DISABLED`: `configureTestcontainers()` in `runtime.ts`).
 *
 * @example
 * export class KeycloakContainer extends ServerContainer<StartedKeycloakContainer> {
 *   constructor() {
 *     super('KeycloakContainer', 60_000);
 *   }
 *   async start(): Promise<StartedKeycloakContainer> {
 *     const { port, url } = await this.loopbackAddress();
 *     const issuer = `${url}/realms/harness`;
 *     const { tag } = await keycloakImage(this.baseImage);
 *     const container = await this.startOnLoopback(tag, `${issuer}/.well-known/openid-configuration`, (c) =>
 *       c.withEnvironment({ KC_HTTP_PORT: String(port) }),
 *     );
 *     return new StartedKeycloakContainer(container, issuer);
 *   }
 * }
 */
import { GenericContainer, type StartedTestContainer } from 'testcontainers';
import { DEFAULT_BASE_IMAGE } from './image-build.js';
import { assertPort, freeLoopbackPort, LoopbackHttpWait } from './loopback.js';
import { harnessLabels, stopOnInterrupt } from './runtime.js';

/**
 * Builder of a server's container: the setters every server has, returning `this`, and
 * the start on 127.0.0.1 its own `start()` calls.
 *
 * @typeParam Started - what the server's `start()` resolves to.
 */
export abstract class ServerContainer<Started extends StartedServerContainer> {
  /** The port `withPort` set; unset, {@link loopbackAddress} takes a free one. */
  protected port?: number;
  /** The local image the server's image is built on (`withBaseImage`). */
  protected baseImage = DEFAULT_BASE_IMAGE;
  /** How long {@link startOnLoopback} waits for the readiness URL (`withStartupTimeout`). */
  protected startupTimeoutMs: number;
  /** The redirect URIs `withRedirectUri` added, in order; the server's `start()` applies them. */
  protected readonly redirectUris: string[] = [];

  /**
   * @param builderName - the class's name, in errors: `<builderName>.withPort: port must be…`.
   * @param defaultStartupTimeoutMs - the server's startup timeout unless `withStartupTimeout` sets one.
   */
  protected constructor(
    private readonly builderName: string,
    defaultStartupTimeoutMs: number,
  ) {
    this.startupTimeoutMs = defaultStartupTimeoutMs;
  }

  /** Listen on this 127.0.0.1 port instead of a free one; throws unless it is an integer from 1 to 65535. */
  withPort(port: number): this {
    this.port = assertPort(port, `${this.builderName}.withPort`);
    return this;
  }

  /** Build on another local base image (default `debian:bookworm-slim`). */
  withBaseImage(name: string): this {
    this.baseImage = name;
    return this;
  }

  /**
   * Add a redirect URI; the URIs added replace the server's default one (its builder
   * says for which clients).
   */
  withRedirectUri(uri: string): this {
    this.redirectUris.push(uri);
    return this;
  }

  /** How long to wait for the server to answer (the default is the server's: its builder says). */
  withStartupTimeout(ms: number): this {
    this.startupTimeoutMs = ms;
    return this;
  }

  /** Builds the server's image if needed, starts it, waits for it and provisions it. */
  abstract start(): Promise<Started>;

  /** Where the server listens: `withPort`'s port, else a free one, and its root URL `http://127.0.0.1:<port>`. */
  protected async loopbackAddress(): Promise<{ port: number; url: string }> {
    const port = this.port ?? (await freeLoopbackPort());
    return { port, url: `http://127.0.0.1:${port}` };
  }

  /**
   * Starts image `tag` with host networking and the harness's labels, and waits until
   * `GET readyUrl` answers 200 (at most the startup timeout). `configure` adds the
   * server's own settings: command, environment, files copied in.
   */
  protected async startOnLoopback(tag: string, readyUrl: string, configure: (c: GenericContainer) => GenericContainer = (c) => c): Promise<StartedTestContainer> {
    return configure(new GenericContainer(tag).withNetworkMode('host'))
      .withLabels(harnessLabels())
      .withWaitStrategy(new LoopbackHttpWait(readyUrl))
      .withStartupTimeout(this.startupTimeoutMs)
      .start();
  }
}

/** The part of a started container that stopping it uses: its id and its stop. */
export interface StoppableContainer {
  getId(): string;
  stop(): Promise<unknown>;
}

/**
 * A started server's container. From its construction until `stop()`, an interrupt
 * (Ctrl-C, SIGTERM: `src/interrupt/`) stops it by its id; construct it as soon as the
 * container has started, before provisioning it. Call `stop()` when done.
 */
export abstract class StartedServerContainer {
  /** Drops the stop-on-interrupt registration (`stopOnInterrupt` in runtime.ts). */
  private readonly forgetInterrupt: () => void;

  /**
   * @param container - the started container; an interrupt stops it from now on.
   * @param issuer - the server's issuer identifier, an `http://127.0.0.1:<port>` URL.
   */
  constructor(
    private readonly container: StoppableContainer,
    private readonly issuer: string,
  ) {
    this.forgetInterrupt = stopOnInterrupt(container);
  }

  /** The server's issuer identifier, an `http://127.0.0.1:<port>` URL (each server's class says which). */
  getIssuer(): string {
    return this.issuer;
  }

  /** Stops and removes the container. */
  async stop(): Promise<void> {
    await this.container.stop();
    this.forgetInterrupt();
  }
}
