/**
 * Whether a real server can be set up like a scenario's provider: every switch the
 * scenario's profile sets, and every switch and client field the scenario itself
 * changes (`provider.switches`, `provider.clients`), must be one the server's definition
 * lists as imitable (`imitation.switches`, `imitation.clientFields`); a switch the
 * profile sets may also be one the server keeps doing its own way (`imitation.ownWay`).
 * The first that is not names the skip: "sets refresh.rotation: "rotate-keep-old" (…)".
 */
import { loadProfile } from '../../mocks/profiles.js';
import type { SwitchImitation, SwitchValues } from './servers/imitation-data.js';

export type Fit = { ok: true } | { ok: false; reason: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{ refresh: { rotation: 'rotate' } }` → `[['refresh.rotation', 'rotate']]`: switches are two levels deep, group and name. */
export function switchLeaves(switches: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [group, v] of Object.entries(switches)) {
    if (isPlainObject(v)) for (const [name, value] of Object.entries(v)) out.push([`${group}.${name}`, value]);
    else out.push([group, v]);
  }
  return out;
}

/** Whether `value` is one of the values `spec` allows. */
export function allows(spec: SwitchValues, value: unknown): boolean {
  if ('any' in spec) return !(spec.except ?? []).some((v) => JSON.stringify(v) === JSON.stringify(value));
  if ('oneOf' in spec) return spec.oneOf.some((v) => JSON.stringify(v) === JSON.stringify(value));
  return Array.isArray(value) && value.length > 0 && value.every((v) => spec.subsetOf.includes(v as string));
}

/** The switch values a scenario needs, each with where it was set: the profile's, with the scenario's changes over them. */
export function neededSwitches(profile: string, overrides: Record<string, unknown>): Map<string, { value: unknown; by: 'profile' | 'scenario' }> {
  const needed = new Map<string, { value: unknown; by: 'profile' | 'scenario' }>();
  for (const [path, value] of switchLeaves(loadProfile(profile).switches)) needed.set(path, { value, by: 'profile' });
  for (const [path, value] of switchLeaves(overrides)) needed.set(path, { value, by: 'scenario' });
  return needed;
}

/** Whether a server with `imitation` can be set up as `profile` with the scenario's switch and client changes. */
export function switchFit(
  imitation: SwitchImitation,
  profile: string,
  overrides: Record<string, unknown> = {},
  clients: readonly Record<string, unknown>[] = [],
): Fit {
  for (const [path, { value, by }] of neededSwitches(profile, overrides)) {
    const spec = imitation.switches[path];
    if (spec && allows(spec, value)) continue;
    const own = imitation.ownWay?.[path];
    if (by === 'profile' && own !== undefined && (typeof own === 'string' || allows({ subsetOf: own.subsetOf, setting: own.why }, value))) continue;
    const where = by === 'profile' ? `profile ${profile}` : 'provider.switches';
    return { ok: false, reason: `cannot imitate ${path}: ${JSON.stringify(value)} (${where})` };
  }
  for (const c of clients) {
    const field = Object.keys(c).find((k) => !imitation.clientFields.includes(k));
    if (field) return { ok: false, reason: `cannot imitate provider.clients[].${field}` };
  }
  return { ok: true };
}
