/**
 * `startMockServer()`: the standalone mock (`oauth-harness serve`) started from code, for
 * clients that need a real URL (a browser, another process, a client that pins its own
 * HTTP stack). Binds 127.0.0.1 unless told otherwise.
 */
import type { IssuerInfo } from '../serve/issuer-info.js';
import { startServe } from '../serve/start-serve.js';

export type { IssuerInfo } from '../serve/issuer-info.js';

export interface StartMockServerOptions {
  /** Built-in profiles, one issuer each at `<url>/<profile>`. Default `['rfc-strict']`. */
  profiles?: string[];
  /** Default 0: any free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Seed for generated client secrets and user passwords. Default 1. */
  seed?: number;
  /** Extra redirect URIs registered for every client (e.g. your app's callback). */
  redirectUris?: string[];
}

/** A running mock server. */
export interface MockServer {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** The admin API's base URL (`<url>/_admin`). */
  admin: string;
  /** One entry per profile, with the fields `serve --json` prints. */
  issuers: IssuerInfo[];
  /** Stops the server. */
  close(): Promise<void>;
}

/** Starts the mock server. Throws a `PROFILE_UNKNOWN` or `USAGE` {@link HarnessError} for bad options. */
export async function startMockServer(o: StartMockServerOptions = {}): Promise<MockServer> {
  const { close, info } = await startServe({ profiles: o.profiles ?? ['rfc-strict'], port: o.port ?? 0, host: o.host ?? '127.0.0.1', seed: o.seed ?? 1, redirectUris: o.redirectUris ?? [] });
  return { url: info.origin, admin: info.admin, issuers: info.issuers, close };
}
