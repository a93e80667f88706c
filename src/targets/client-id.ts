/**
 * The client id a real server registers the imitated client under. A server takes the
 * profile's id as it is, unless its definition declares a way of its own with ids
 * (`imitation.clientId`): Glewlwyd 2.7 compares the Basic credentials without form-decoding
 * them (RFC 6749 §2.3.1), so the reference client's `harness%2Dclient` is unknown to it; it
 * registers the profile's client under the id with every character but letters and digits
 * dropped (`harnessclient`), which form-encoding leaves unchanged, and the reference client
 * uses that id. An id a scenario names itself (`provider.clients[].client_id`) is
 * registered as named: that scenario shows what the server does with it.
 */
import { loadProfile, profileClients } from '../../mocks/profiles.js';
import type { ClientIdWay } from './servers/imitation-data.js';
import type { ServerDefinition } from './servers/server-definition.js';

/** `harness-client` → `harnessclient` under `way`; any id unchanged without one (or when nothing would be left). */
export function ownClientId(way: ClientIdWay | undefined, id: string): string {
  if (!way) return id;
  const kept = id.replace(/[^A-Za-z0-9]/g, '');
  return kept || id;
}

/** The id to register for an imitated client: the server's own form of the profile's id, or the id the scenario named. */
export function registeredClientId(way: ClientIdWay | undefined, client: { id: string; named: boolean }): string {
  return client.named ? client.id : ownClientId(way, client.id);
}

/**
 * One line saying under which id a server registers the client of the profiles it
 * imitates, and why, for `oauth-harness targets` and the parity report; undefined when it
 * takes them as they are.
 */
export function clientIdNote(server: Pick<ServerDefinition, 'imitates' | 'imitation'>): string | undefined {
  const way = server.imitation.clientId;
  if (!way) return undefined;
  const ids = [...new Set(server.imitates.map((p) => profileClients(loadProfile(p), 1)[0]!.client_id))];
  const changed = ids.filter((id) => ownClientId(way, id) !== id);
  if (!changed.length) return undefined;
  return `client id: the profile's ${changed.map((id) => `${id} is registered as ${ownClientId(way, id)}`).join(', ')} (letters and digits only; a scenario's own provider.clients[].client_id is kept): ${way.why}`;
}
