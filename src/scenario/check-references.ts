/**
 * What a scenario refers to that only the provider or the client can confirm: the
 * registered clients a `provider.clients` entry changes, and the warning codes the
 * reference client raises. A name that matches nothing would be dropped or never
 * match, so it is an error that lists the valid values.
 */
import { DEFAULT_CLIENT_ID, listProfiles, loadProfile } from '../../mocks/profiles.js';
import { KNOWN_WARNING_CODES, unknownName } from './names.js';

type At = (path: readonly (string | number)[], message: string, key?: string) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkReferences(raw: unknown, at: At): void {
  if (!isObject(raw)) return;
  const provider = isObject(raw.provider) ? raw.provider : undefined;
  const profile = typeof provider?.profile === 'string' && listProfiles().includes(provider.profile) ? loadProfile(provider.profile) : undefined;
  if (profile && Array.isArray(provider?.clients)) {
    const registered = profile.clients.length ? profile.clients.map((c) => c.client_id) : [DEFAULT_CLIENT_ID];
    provider.clients.forEach((c, i) => {
      const id = isObject(c) ? c.client_id : undefined;
      if (typeof id === 'string' && !registered.includes(id)) {
        at(['provider', 'clients', i, 'client_id'], `no client "${id}" is registered by profile ${profile.name}, so this change would be dropped; its clients: ${registered.join(', ')} (omit client_id to change the first)`);
      }
    });
  }
  // an external client may raise warnings of its own; the reference client's are known
  const client = isObject(raw.client) ? raw.client : {};
  if (client.driver !== undefined && client.driver !== 'reference') return;
  const steps = Array.isArray(raw.steps) ? raw.steps : [];
  steps.forEach((s, i) => {
    const expect = isObject(s) && isObject(s.expect) ? s.expect : undefined;
    for (const key of ['warnings', 'noWarnings'] as const) {
      const codes = expect?.[key];
      if (!Array.isArray(codes)) continue;
      codes.forEach((code, j) => {
        if (typeof code === 'string' && !KNOWN_WARNING_CODES.includes(code)) at(['steps', i, 'expect', key, j], unknownName('warning', code, KNOWN_WARNING_CODES));
      });
    }
  });
}
