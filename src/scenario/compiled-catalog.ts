/**
 * The built-in catalog's scenario files, parsed and validated at build time (`npm run
 * build` writes `dist/src/scenario/catalog.json` through build-catalog.ts), so a run of
 * the catalog does not parse ~200 YAML files and check them against the schema and the
 * profiles again (about a fifth of a whole run's time).
 *
 * An entry is found by the SHA-256 of a file's text, so it is used only for text that is
 * exactly what was checked (a copied or unchanged file), and only while the built-in
 * profiles are the ones it was checked against (the checks read them). Everything else is
 * parsed as always. Only compiled code uses it: under vitest (TypeScript sources) the
 * file may be older than the sources, so tests parse; `test/scenario/compiled-catalog.test.ts`
 * checks every entry equals a fresh parse.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../mocks/package-root.js';
import { listProfiles, profileSource, sourceHash } from '../../mocks/profile-files.js';
import type { Scenario } from './schema.js';

/** A scenario as parsed from its text: everything but the id and file, which come from where it was read. */
export type ParsedScenario = Omit<Scenario, 'id' | 'file'>;

export interface CompiledCatalog {
  /** SHA-256 over the built-in profiles' names and texts the entries were checked against. */
  profilesHash: string;
  /** SHA-256 of a scenario file's text → the scenario parsed from it. */
  scenarios: Record<string, ParsedScenario>;
}

/** Where the build writes the compiled catalog. */
export function compiledCatalogPath(): string {
  return join(packageRoot(), 'dist', 'src', 'scenario', 'catalog.json');
}

/** The SHA-256 a scenario text is found by. */
export const scenarioTextHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** What the checks of a scenario read beyond its text: the built-in profiles. */
export function profilesHash(): string {
  const h = createHash('sha256');
  for (const name of listProfiles()) h.update(`${name}\u0000${sourceHash(profileSource(name))}\u0000`);
  return h.digest('hex');
}

let catalog: Map<string, ParsedScenario> | null | undefined;

/** Compiled code only: TypeScript sources (vitest) may be newer than the build. */
const fromBuild = !import.meta.url.endsWith('.ts');

function load(): Map<string, ParsedScenario> | null {
  if (catalog !== undefined) return catalog;
  catalog = null;
  const path = compiledCatalogPath();
  if (!fromBuild || !existsSync(path)) return catalog;
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as CompiledCatalog;
    if (file.profilesHash === profilesHash()) catalog = new Map(Object.entries(file.scenarios));
  } catch {
    // unreadable: parse the files instead
  }
  return catalog;
}

/** The scenario compiled from exactly `text`, as a fresh copy (callers may change it), or undefined. */
export function compiledScenario(text: string): ParsedScenario | undefined {
  const hit = load()?.get(scenarioTextHash(text));
  return hit && structuredClone(hit);
}
