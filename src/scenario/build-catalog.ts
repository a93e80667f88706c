/**
 * Build step (`npm run build`): parses and validates every scenario file of the built-in
 * catalog and writes them to `dist/src/scenario/catalog.json`, by the SHA-256 of their
 * text (see compiled-catalog.ts). A catalog file with a problem fails the build.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../mocks/package-root.js';
import { compiledCatalogPath, profilesHash, scenarioTextHash, type CompiledCatalog } from './compiled-catalog.js';
import { findScenarioFiles, parseScenarioText, readScenarioText } from './load.js';

const root = packageRoot();
const found: string[] = [];
const files = findScenarioFiles([join(root, 'scenarios')], found, root);
if (found.length) throw new Error(found.join('\n'));
const out: CompiledCatalog = { profilesHash: profilesHash(), scenarios: {} };
for (const file of files) {
  const text = readScenarioText(file, file);
  out.scenarios[scenarioTextHash(text)] = parseScenarioText(text, file);
}
const path = compiledCatalogPath();
mkdirSync(dirname(path), { recursive: true });
// Written whole or not at all: a half-written file would only be ignored, but never leave one.
writeFileSync(`${path}.tmp`, `${JSON.stringify(out)}\n`);
renameSync(`${path}.tmp`, path);
