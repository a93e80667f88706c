/**
 * Where the built-in profiles live, with nothing but `node:fs`: `serve` lists and
 * reads them without loading the YAML parser or the switch schema.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';
import type { Profile, RegisteredClient, Switches, User } from './provider/switches.js';

/** A built-in profile compiled by the build (`compiled-profiles.ts`): switches with defaults, the default seed's clients and users. */
export interface CompiledProfile {
  /** The profile as read from its YAML and checked (what `loadProfile` returns). */
  profile: Profile;
  name: string;
  /** SHA-256 of the YAML text it was compiled from. */
  sourceHash: string;
  seed: number;
  switches: Switches;
  clients: RegisteredClient[];
  users: User[];
}


/** The folder of the built-in profiles. */
export function profilesDir(): string {
  return join(packageRoot(), 'mocks', 'profiles');
}

let names: readonly string[] | undefined;

/** Names of the built-in profiles (the folder is read once: it is part of the installed package). */
export function listProfiles(): string[] {
  names ??= readdirSync(profilesDir())
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5))
    .sort();
  return [...names];
}

/** The YAML text of a built-in profile. */
export function profileSource(name: string): string {
  return readFileSync(join(profilesDir(), `${name}.yaml`), 'utf8');
}

/** The SHA-256 of a profile's YAML text: a compiled profile is used only while it matches. */
export function sourceHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
