/**
 * `run --shard i/n` parses only its own files when the selection is known from the file
 * names (no --grep): the split is the same stable split by id as over parsed scenarios,
 * a broken file is reported by the shard that runs it, and two files sharing an id fall
 * to the same shard, which reports them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HarnessError } from '../../src/errors/harness-error.js';
import { selectScenarios, selectShard } from '../../src/runner/select-scenarios.js';
import { shardIds } from '../../src/results/shard.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-harness-select-shard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const good = (title: string) => `title: ${title}\ndescription: d\nprovider: { profile: rfc-strict }\nsteps:\n  - clientCredentials: {}\n`;
const ids = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
mkdirSync(join(dir, 'sub'));
for (const id of ids) writeFileSync(join(dir, id === 'delta' ? 'sub' : '', `${id}.yaml`), good(id));
const shardOf = (id: string) => [1, 2].find((i) => shardIds(ids, { index: i, count: 2 }).has(id))!;

const problemsOf = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof HarnessError) return e.problems;
    throw e;
  }
  return [];
};

describe('selectShard', () => {
  it('without --grep: the same split and selection as over the parsed catalog', () => {
    const all = selectScenarios({ paths: [dir] }).map((s) => s.id);
    for (const index of [1, 2]) {
      const { selection, scenarios } = selectShard({ paths: [dir] }, { index, count: 2 });
      expect(selection).toEqual(all);
      expect(scenarios.map((s) => s.id)).toEqual(all.filter((id) => shardIds(all, { index, count: 2 }).has(id)));
      const viaGrep = selectShard({ paths: [dir], grep: '.' }, { index, count: 2 });
      expect(viaGrep.selection).toEqual(all);
      expect(viaGrep.scenarios.map((s) => s.id)).toEqual(scenarios.map((s) => s.id));
    }
  });

  it('a broken file is reported by its own shard; the other shard does not parse it', () => {
    const broken = join(dir, 'bravo.yaml');
    writeFileSync(broken, 'title: [unclosed\n');
    try {
      const mine = shardOf('bravo');
      expect(problemsOf(() => selectShard({ paths: [dir] }, { index: mine, count: 2 })).join('\n')).toMatch(/bravo\.yaml:\d+:\d+: YAML/);
      const other = selectShard({ paths: [dir] }, { index: 3 - mine, count: 2 });
      expect(other.selection).toContain('bravo');
      expect(other.scenarios.map((s) => s.id)).not.toContain('bravo');
      // with --grep every file is parsed, so every shard reports it
      expect(problemsOf(() => selectShard({ paths: [dir], grep: '.' }, { index: 3 - mine, count: 2 }))).not.toEqual([]);
    } finally {
      writeFileSync(broken, good('bravo'));
    }
  });

  it('two files with one id fall to the same shard, which reports them', () => {
    const twin = join(dir, 'sub', 'echo.yaml');
    writeFileSync(twin, good('echo twin'));
    try {
      const mine = shardOf('echo');
      expect(problemsOf(() => selectShard({ paths: [dir] }, { index: mine, count: 2 })).join('\n')).toMatch(/the id "echo" is also the id of/);
      expect(selectShard({ paths: [dir] }, { index: 3 - mine, count: 2 }).selection.filter((id) => id === 'echo')).toEqual(['echo']);
    } finally {
      rmSync(twin);
    }
  });
});
