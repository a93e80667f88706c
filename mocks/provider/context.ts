import type { Clock } from './clock.js';
import type { ProviderStore } from './store.js';
import type { RegisteredClient, Switches, User } from './switches.js';
import type { ResourceData } from './resource/data.js';
import type { SigningKeys } from './keys.js';

/** Everything an endpoint may read: the switches, the registrations, the state, the clock. */
export interface ProviderContext {
  /** Issuer identifier, e.g. `http://127.0.0.1:4000/docusign-like`. No trailing slash. */
  issuer: string;
  profile: string;
  switches: Switches;
  clients: Map<string, RegisteredClient>;
  users: Map<string, User>;
  store: ProviderStore;
  clock: Clock;
  keys: SigningKeys;
  /** The resource API's records, generated from the seed on first use. */
  data: () => Promise<ResourceData>;
}
