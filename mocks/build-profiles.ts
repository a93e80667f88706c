/**
 * Build step (`npm run build`): compiles the built-in profiles to
 * `dist/mocks/profiles.json` for a fast `serve` start (see compiled-profiles.ts).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { COMPILED_SEED, compiledProfilesPath, type CompiledProfile } from './compiled-profiles.js';
import { compileProfile, listProfiles } from './profiles.js';

const out: Record<string, CompiledProfile> = {};
for (const name of listProfiles()) out[name] = compileProfile(name, COMPILED_SEED);
const path = compiledProfilesPath();
mkdirSync(dirname(path), { recursive: true });
// Written whole or not at all: a half-written file would only be ignored, but never leave one.
writeFileSync(`${path}.tmp`, `${JSON.stringify(out)}\n`);
renameSync(`${path}.tmp`, path);
