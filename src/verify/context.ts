/**
 * What a check sees: the configuration, the discovered metadata, the test clients, the
 * user-agent driver, and a fresh {@link Probe} that records this check's exchanges.
 */
import type { EndpointName } from './check.js';
import { SetupFailure } from './check.js';
import type { Clients } from './clients.js';
import type { VerifyConfig } from './config.js';
import type { Discovery } from './discovery.js';
import { type Metadata, metaString } from './metadata.js';
import type { Probe } from './probe.js';
import type { UserAgentDriver } from './user-agent/driver.js';

/** State shared by all checks of a run. */
export interface RunState {
  config: VerifyConfig;
  discovery: Discovery;
  clients: Clients;
  ua: UserAgentDriver | undefined;
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
  };
}
