/**
 * The catalog compiled by the build (src/scenario/compiled-catalog.ts): every entry is what
 * parsing its file gives today, and the build's lookup serves exactly the texts it checked.
 * Needs `npm run build` (npm test builds first); skipped without a build.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';
import { compiledCatalogPath, scenarioTextHash, type CompiledCatalog } from '../../src/scenario/compiled-catalog.js';
import { findScenarioFiles, loadScenario, parseScenarioText, readScenarioText } from '../../src/scenario/load.js';

const root = packageRoot();
const built = existsSync(compiledCatalogPath()) && existsSync(join(root, 'dist', 'src', 'scenario', 'load.js'));
const files = findScenarioFiles([join(root, 'scenarios')], [], root);

type Dist = { compiled: typeof import('../../src/scenario/compiled-catalog.js'); load: typeof import('../../src/scenario/load.js') };
const dist = async (): Promise<Dist> => ({
  compiled: (await import(pathToFileURL(join(root, 'dist', 'src', 'scenario', 'compiled-catalog.js')).href)) as Dist['compiled'],
  load: (await import(pathToFileURL(join(root, 'dist', 'src', 'scenario', 'load.js')).href)) as Dist['load'],
});

describe.skipIf(!built)('the compiled catalog', () => {
  it('holds every catalog file, each equal to a fresh parse of its text (nothing lost in JSON)', () => {
    const file = JSON.parse(readFileSync(compiledCatalogPath(), 'utf8')) as CompiledCatalog;
    expect(Object.keys(file.scenarios)).toHaveLength(new Set(files.map((f) => scenarioTextHash(readScenarioText(f, f)))).size);
    for (const f of files) {
      const text = readScenarioText(f, f);
      expect(file.scenarios[scenarioTextHash(text)], f).toStrictEqual(parseScenarioText(text, f));
    }
  });

  it('serves a built scenario\'s exact text, under the name it is read from, and parses any other text', async () => {
    const { compiled, load } = await dist();
    const source = files.find((f) => f.endsWith('auth-code-pkce-s256.yaml')) ?? files[0]!;
    const text = readFileSync(source, 'utf8');
    expect(compiled.compiledScenario(text)).toStrictEqual(parseScenarioText(text, source));
    expect(compiled.compiledScenario(`${text}\n# changed\n`)).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'oauth-harness-compiled-'));
    try {
      // the same text elsewhere: served, with its own id and file
      writeFileSync(join(dir, 'my-copy.yaml'), text);
      const copy = load.loadScenario(join(dir, 'my-copy.yaml'), dir);
      expect(copy).toStrictEqual({ ...loadScenario(source, root), id: 'my-copy', file: 'my-copy.yaml' });
      // a changed text is parsed and checked as always
      writeFileSync(join(dir, 'broken.yaml'), text.replace(/profile: [\w-]+/, 'profile: no-such-profile'));
      expect(() => load.loadScenario(join(dir, 'broken.yaml'), dir)).toThrow(expect.objectContaining({ problems: [expect.stringMatching(/^broken\.yaml:\d+:\d+: provider\.profile: unknown profile "no-such-profile"/)] }));
      // what a caller changes in a served scenario stays its own
      const first = compiled.compiledScenario(text)!;
      first.steps.length = 0;
      expect(compiled.compiledScenario(text)!.steps.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
