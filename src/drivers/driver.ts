/**
 * A client driver: the client under test, as the scenario steps drive it. The same
 * operations whether the client is the in-process reference client, a program the
 * harness starts once per step (`command`), or a web application the harness browses
 * (`web`). What a driver *reports* only decides a step's outcome; what the client *did*
 * is always read from the exchange the mock provider recorded (see `client-verdicts.ts`).
 */
import type { TokenSet } from '../client/reference-client.js';
import type { ClientWarning } from '../client/warnings.js';

export type DriverKind = 'reference' | 'command' | 'web';

/** One run of an external client's program (command driver) or one trigger of a web client. */
export interface ClientRun {
  /** The protocol step (`authorize`, `callback`, `call-api`, …) or the web path triggered. */
  step: string;
  /** The command line, or `GET <url>` for a web client. */
  command: string;
  /** Exit code (command) or HTTP status (web); null when killed. */
  exitCode: number | null;
  signal?: string | null;
  timedOut?: boolean;
  durationMs: number;
  /** Output, cut to the last few KiB. Raw here: redacted before it reaches a result. */
  stdout: string;
  stderr: string;
}

export interface CallApiInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  auth?: 'bearer' | 'none';
}

/** The operations the scenario steps use (the reference client's public surface). */
export interface ClientDriver {
  readonly kind: DriverKind;
  /** For reports: `reference`, `command:python3 my_client.py`, `web:node app.mjs`. */
  readonly label: string;
  /** What the harness's user agent needs: where the provider must send the browser back. */
  readonly config: { readonly redirectUri: string; readonly clientId: string };
  /** What the client holds now (external clients: what the provider last issued to it). */
  readonly tokens: TokenSet | undefined;
  /** Step 1 of connecting a user: the authorization URL to send the browser to. */
  beginConnect(user: string): Promise<string>;
  /** Step 2: the browser came back to the redirect URI with this URL. */
  completeConnect(callbackUrl: string): Promise<unknown>;
  clientCredentials(scopes?: string[]): Promise<unknown>;
  refresh(): Promise<unknown>;
  /** Calls the API; the response is what the API answered the client. */
  callApi(url: string, init?: CallApiInit): Promise<Response>;
  revoke(which?: 'refresh' | 'access'): Promise<void>;
  disconnect(): Promise<void>;
  /** Deletes the stored tokens without telling the provider. */
  dropTokens(): void | Promise<void>;
  /** Warnings raised since the last call. */
  drainWarnings(): ClientWarning[];
  /** External clients: every program run or web trigger so far. */
  readonly runs: readonly ClientRun[];
  /** Stops what the driver started (web client processes, temporary files). */
  close(): Promise<void>;
}
