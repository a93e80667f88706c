/**
 * Provider profiles: data files in `mocks/profiles/*.yaml`, each imitating one real
 * provider (with sources from docs/provider-quirks.md). A profile names switches only where
 * it differs from the RFC defaults; clients and users it does not name are generated
 * from the seed with faker.
 */
import { createRequire } from 'node:module';
import { compiledProfileData } from './compiled-profiles.js';
import { listProfiles, profileSource, sourceHash, type CompiledProfile } from './profile-files.js';
import { createProvider, type MockProvider } from './provider/provider.js';
import type { Clock } from './provider/clock.js';
import { seededFaker } from './provider/faker.js';
import { deepMerge } from './provider/merge.js';
import { parseSwitches, profileSchema, registeredClientSchema, type Profile, type RegisteredClient, type User } from './provider/switches.js';

export { listProfiles, profilesDir } from './profile-files.js';

export const DEFAULT_CLIENT_ID = 'harness-client';
export const DEFAULT_REDIRECT_URI = 'https://client.example.test/callback';
export const DEFAULT_USERS = ['alice', 'bob', 'carol'] as const;

const cache = new Map<string, Profile>();

/** Loads a built-in profile by name. Throws a readable error for an unknown name. */
export function loadProfile(name: string): Profile {
  const hit = cache.get(name);
  if (hit) return hit;
  const names = listProfiles();
  if (!names.includes(name)) throw new RangeError(`unknown profile "${name}"; built-in profiles: ${names.join(', ')}`);
  // compiled by the build when its YAML is unchanged (only from the build: under vitest the sources may be newer)
  const profile = (fromBuild ? compiledProfileData(name) : undefined) ?? parseProfile(name);
  cache.set(name, profile);
  return profile;
}

const fromBuild = !import.meta.url.endsWith('.ts');
const require = createRequire(import.meta.url);

/** A built-in profile read from its YAML and checked; yaml is loaded here, on first use. */
function parseProfile(name: string): Profile {
  const { parse } = require('yaml') as typeof import('yaml');
  return profileSchema.parse(parse(profileSource(name)));
}

/**
 * What a seed generates, kept per seed (a few seeds per process: most runs use one), as
 * fresh copies: a faker is costly to create (about 1 ms, more than a provider), and every
 * scenario of a run builds its provider from the same seed.
 */
function bySeed<T>(memo: Map<string, T>, key: string, make: () => T): T {
  let hit = memo.get(key);
  if (hit === undefined) {
    if (memo.size >= 64) memo.clear();
    memo.set(key, (hit = make()));
  }
  return structuredClone(hit);
}

const usersBySeed = new Map<string, User[]>();
const clientsBySeed = new Map<string, RegisteredClient[]>();
/** A number per profile object (built-in profiles are read once and kept): another profile of the same name is another key. */
const profileKeys = new WeakMap<Profile, number>();
let profileCount = 0;

/** Users alice, bob, carol with names, e-mails and passwords from the seed. */
export function defaultUsers(seed: number): User[] {
  return bySeed(usersBySeed, String(seed), () => {
    const faker = seededFaker(seed);
    return DEFAULT_USERS.map((username) => ({
      username,
      password: faker.internet.password({ length: 16, memorable: false }),
      name: faker.person.fullName(),
      email: `${username}@${faker.internet.domainName()}`,
    }));
  });
}

/** The profile's clients, with secrets generated from the seed where the file gives none. */
export function profileClients(profile: Profile, seed: number): RegisteredClient[] {
  if (!profileKeys.has(profile)) profileKeys.set(profile, profileCount++);
  return bySeed(clientsBySeed, `${profileKeys.get(profile)!}\u0000${seed}`, () => {
    const faker = seededFaker(seed + 7);
    const base = profile.clients.length ? profile.clients : [registeredClientSchema.parse({ client_id: DEFAULT_CLIENT_ID, redirect_uris: [DEFAULT_REDIRECT_URI] })];
    return base.map((c) => ({ ...c, client_secret: c.public ? null : (c.client_secret ?? faker.string.alphanumeric(32)) }));
  });
}

export interface BuildOptions {
  profile: string;
  issuer: string;
  /** Switch overrides (deep partial), merged over the profile's. */
  switches?: Record<string, unknown>;
  /** Changes to the registered clients, by client_id (merged); new ids are added. */
  clients?: Partial<RegisteredClient>[];
  seed?: number;
  clock?: Clock;
  record?: number;
}

/** Builds a provider from a profile plus overrides. */
export function buildProvider(o: BuildOptions): MockProvider {
  const profile = loadProfile(o.profile);
  const seed = o.seed ?? 1;
  const clients = profileClients(profile, seed);
  for (const change of o.clients ?? []) {
    const i = clients.findIndex((c) => c.client_id === (change.client_id ?? clients[0]?.client_id));
    if (i >= 0) clients[i] = { ...clients[i]!, ...change, ...(change.public ? { client_secret: null } : {}) };
    else clients.push(registeredClientSchema.parse(change));
  }
  return createProvider({
    profile: profile.name,
    issuer: o.issuer,
    switches: parseSwitches(deepMerge(profile.switches, o.switches ?? {})),
    clients,
    users: profile.users.length ? profile.users : defaultUsers(seed),
    seed,
    ...(o.clock ? { clock: o.clock } : {}),
    ...(o.record !== undefined ? { record: o.record } : {}),
  });
}

/**
 * A built-in profile as `serve` needs it, with every default applied: the validated
 * switches, and the clients and users generated from `seed` (see compiled-profiles.ts).
 */
export function compileProfile(name: string, seed: number): CompiledProfile {
  // from the YAML, never from an earlier build's compiled file
  const profile = parseProfile(name);
  return {
    profile,
    name: profile.name,
    sourceHash: sourceHash(profileSource(name)),
    seed,
    switches: parseSwitches(profile.switches),
    clients: profileClients(profile, seed),
    users: profile.users.length ? profile.users : defaultUsers(seed),
  };
}
