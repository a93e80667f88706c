/**
 * Built-in profiles compiled at build time (`npm run build` writes
 * `dist/mocks/profiles.json` through build-profiles.ts): the profile as read and checked,
 * switches validated with every default applied, and the clients and users of the default
 * seed. With them `serve` starts without loading the YAML parser, zod or faker (about
 * 130 ms and 25 MB less), and the build's `loadProfile` reads no YAML.
 *
 * A compiled profile is used only when its YAML text is unchanged (same SHA-256), the
 * seed is the compiled one and nothing is overridden; otherwise `buildProvider` runs,
 * exactly as for scenarios. `test/profiles/compiled-profiles.test.ts` checks both ways
 * give the same provider.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';
import { profileSource, sourceHash, type CompiledProfile } from './profile-files.js';
import type { Clock } from './provider/clock.js';
import type { Profile } from './provider/switches.js';
import { createProvider, type MockProvider } from './provider/provider.js';

export type { CompiledProfile } from './profile-files.js';

/** The seed whose generated clients and users are compiled: the CLI's default. */
export const COMPILED_SEED = 1;

/** Where the build writes the compiled profiles. */
export function compiledProfilesPath(): string {
  return join(packageRoot(), 'dist', 'mocks', 'profiles.json');
}

let file: Record<string, CompiledProfile> | null | undefined;

/** The build's compiled profiles, read once (null when there are none or they are unreadable). */
function compiledFile(): Record<string, CompiledProfile> | null {
  if (file === undefined) {
    const path = compiledProfilesPath();
    try {
      file = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, CompiledProfile>) : null;
    } catch {
      file = null; // unreadable: build from the YAML instead
    }
  }
  return file;
}

/** `compiled` if it was compiled from exactly `yamlText` for `seed`, as a fresh copy (callers may add redirect URIs). */
export function currentCompiled(compiled: CompiledProfile | undefined, yamlText: string, seed: number): CompiledProfile | undefined {
  if (!compiled || compiled.seed !== seed || compiled.sourceHash !== sourceHash(yamlText)) return undefined;
  return structuredClone(compiled);
}

/** The compiled profile `name` for `seed`, if the build wrote one and its YAML is unchanged. */
export function compiledProfile(name: string, seed: number): CompiledProfile | undefined {
  const hit = compiledFile()?.[name];
  return hit && currentCompiled(hit, profileSource(name), seed);
}

/** The parsed profile `name` the build compiled, as a fresh copy, if its YAML is unchanged (any seed). */
export function compiledProfileData(name: string): Profile | undefined {
  const hit = compiledFile()?.[name];
  return hit?.profile && hit.sourceHash === sourceHash(profileSource(name)) ? structuredClone(hit.profile) : undefined;
}

export interface BuiltInOptions {
  profile: string;
  issuer: string;
  seed: number;
  clock?: Clock;
  record?: number;
}

/** A provider for a built-in profile without overrides: compiled when current, else built from the YAML. */
export async function builtInProvider(o: BuiltInOptions): Promise<MockProvider> {
  const c = compiledProfile(o.profile, o.seed);
  const extra = { ...(o.clock ? { clock: o.clock } : {}), ...(o.record !== undefined ? { record: o.record } : {}) };
  if (c) return createProvider({ profile: c.name, issuer: o.issuer, switches: c.switches, clients: c.clients, users: c.users, seed: o.seed, ...extra });
  const { buildProvider } = await import('./profiles.js');
  return buildProvider({ profile: o.profile, issuer: o.issuer, seed: o.seed, ...extra });
}
