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
  /** The largest request body read, in bytes (default 1 MiB); a larger one is answered 413. */
  maxBody?: number;
  /** Host names the admin API answers besides `localhost`, `127.0.0.1`, `[::1]` and the bound address. */
  allowedHosts?: string[];
  /** When set, the admin API needs `Authorization: Bearer <adminToken>` (at least 16 characters). */
  adminToken?: string;
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
  const { profiles, port, host, seed, redirectUris, ...rest } = o;
  const { close, info } = await startServe({ ...rest, profiles: profiles ?? ['rfc-strict'], port: port ?? 0, host: host ?? '127.0.0.1', seed: seed ?? 1, redirectUris: redirectUris ?? [] });
  return { url: info.origin, admin: info.admin, issuers: info.issuers, close };
}
