/**
 * What a check sees: the configuration, the discovered metadata, the test clients, the
 * user-agent driver, and a fresh {@link Probe} that records this check's exchanges.
 */
import { cannotTest, type EndpointName, SetupFailure } from './outcome.js';
import type { Clients } from './clients.js';
import type { VerifyConfig } from './config.js';
import type { Discovery } from './discovery.js';
import { type Metadata, metaString } from './metadata.js';
import type { Probe } from './probe.js';
import type { UserAgentDriver } from '../user-agent/login-strategy.js';

/** State shared by all checks of a run. */
export interface RunState {
  config: VerifyConfig;
  discovery: Discovery;
  clients: Clients;
  ua: UserAgentDriver | undefined;
  /** What the credentials preflight established (see `preflight.ts`); absent when it did not run. */
  preflight?: PreflightFacts;
  /** Requests that went unanswered within the timeout in this run (see `ProbeOptions.unresponsive`). */
  unresponsive?: Set<string>;
  /** Told before each wait for time to pass (the CLI prints it). */
  onWait?: (wait: { seconds: number; what: string }) => void;
}

/** Facts the preflight established once per run. */
export interface PreflightFacts {
  /** F1 obtained a client_credentials token (whatever the metadata says). */
  clientCredentials: boolean;
  /** Why not, when it did not (`HTTP 400 error=unauthorized_client`). */
  clientCredentialsAnswer?: string;
  /** Fixture clients (`F2`, …) whose credentials the token endpoint refused, with why: their checks are not tested. */
  refusedFixtures?: Record<string, string>;
}

export interface CheckContext extends RunState {
  readonly issuer: string;
  /** The metadata in use (RFC 8414, else OIDC). */
  readonly metadata: Metadata;
  /** This check's recorder. */
  readonly http: Probe;
  /** Name the current phase; recorded on the following exchanges. */
  step(name: string): void;
  /** URL of an advertised endpoint (the runner guarantees presence via `requires`). */
  endpoint(name: EndpointName): string;
  /** `http:` on a loopback host while `allowInsecureLoopback` is on: a local test deployment. */
  isLocalHttp(url: string): boolean;
  sleep(ms: number): Promise<void>;
  /**
   * Wait `seconds` for `what` (e.g. "the sampled access token to expire"): said on the
   * check's step and to the CLI. A wait longer than `maxWaitSeconds` is not made: the check
   * is not tested (inconclusive), with the flag that allows it.
   */
  waitFor(seconds: number, what: string): Promise<void>;
  /** Would a wait of `seconds` be made? */
  mayWait(seconds: number): boolean;
}

/** "90 s" → the `--allow-wait` value that permits it. */
export function allowWaitHint(seconds: number): string {
  const s = Math.ceil(seconds);
  return s >= 120 ? `${Math.ceil(s / 60)}m` : `${s}s`;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/** Is `host` a loopback name or literal? */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

/** Build the context of one check. */
export function createCheckContext(state: RunState, probe: Probe): CheckContext {
  return {
    ...state,
    issuer: state.config.issuer,
    metadata: state.discovery.metadata,
    http: probe,
    step(name) {
      probe.step = name;
    },
    endpoint(name) {
      const url = metaString(state.discovery.metadata, name);
      if (!url) throw new SetupFailure(`metadata has no ${name}`);
      return url;
    },
    isLocalHttp(url) {
      try {
        const u = new URL(url);
        return state.config.allowInsecureLoopback && u.protocol === 'http:' && isLoopbackHost(u.hostname);
      } catch {
        return false;
      }
    },
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    mayWait: (seconds) => seconds <= state.config.maxWaitSeconds,
    async waitFor(seconds, what) {
      const max = state.config.maxWaitSeconds;
      if (seconds > max) {
        cannotTest(`it needs a wait of ${Math.ceil(seconds)} s for ${what}, longer than the ${max} s the harness waits (allow it with --allow-wait ${allowWaitHint(seconds)})`);
      }
      probe.step = `wait ${Math.round(seconds * 10) / 10} s for ${what}`;
      state.onWait?.({ seconds, what });
      await new Promise((r) => setTimeout(r, seconds * 1000));
    },
  };
}
