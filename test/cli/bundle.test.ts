/**
 * The command line ships as a bundle (dist/cli/, rolldown.config.mjs): what it may leave
 * to node_modules, that it is whole and has no chunk of an older build, and that it runs
 * the catalog as the module build (dist/src/) does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';

const ROOT = packageRoot();
const CLI_DIR = join(ROOT, 'dist', 'cli');
const ENTRY = join(CLI_DIR, 'oauth-harness.js');
const built = existsSync(ENTRY) && existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'));

/** What the bundle may import at run time: Node's own modules, the peers, and yaml (loaded on first use). */
const RUNTIME_IMPORTS = /^(node:|vitest(\/|$)|msw(\/|$)|testcontainers$|playwright-core$|yaml$)/;

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
/** The modules a file imports (static, re-exported and dynamic with a literal), read from its syntax tree. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const n = node as { type?: string; source?: { type?: string; value?: unknown } };
    if ((n.type === 'ImportDeclaration' || n.type === 'ExportNamedDeclaration' || n.type === 'ExportAllDeclaration' || n.type === 'ImportExpression') && n.source?.type === 'Literal' && typeof n.source.value === 'string') found.push(n.source.value);
    for (const v of Object.values(node)) if (v && typeof v === 'object') walk(v);
  };
  walk(parseAst(source));
  return found;
}

describe.skipIf(!built)('the bundled command line', () => {
  it('imports nothing but Node, the peers and yaml, and every chunk it names is there', () => {
    const bare = new Set<string>();
    for (const file of files(CLI_DIR)) {
      for (const s of specifiers(readFileSync(file, 'utf8'))) {
        if (s.startsWith('.')) expect(existsSync(resolve(dirname(file), s)), `${file} imports ${s}`).toBe(true);
        else bare.add(s);
      }
    }
    expect([...bare].filter((s) => !RUNTIME_IMPORTS.test(s))).toEqual([]);
    // what it leaves outside is what the package declares (dependencies or peers)
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; peerDependencies: Record<string, string> };
    for (const s of [...bare].filter((x) => !x.startsWith('node:'))) {
      const name = s.split('/')[0]!;
      expect({ ...pkg.dependencies, ...pkg.peerDependencies }[name], `${name} is imported by the bundle`).toBeDefined();
    }
  });

  it('holds no chunk of an older build: every file is reached from the entry', () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const s of specifiers(readFileSync(file, 'utf8'))) if (s.startsWith('.')) visit(resolve(dirname(file), s));
    };
    visit(ENTRY);
    expect(files(CLI_DIR).filter((f) => !reached.has(f))).toEqual([]);
  });

  it('bin/oauth-harness.js runs the bundle, which runs scenarios as the module build does', () => {
    const out = mkdtempSync(join(tmpdir(), 'oauth-harness-bundle-'));
    try {
      const args = (dir: string) => ['run', '--grep', '^(auth-code|client-credentials|refresh)', '--report', 'json', '--out', join(out, dir), '--quiet'];
      const viaBin = spawnSync(process.execPath, [join(ROOT, 'bin', 'oauth-harness.js'), ...args('bundle')], { encoding: 'utf8', timeout: 60_000, cwd: out });
      // the module build, started as bin/ started it before the bundle
      const moduleBin = join(out, 'modules-bin.mjs');
      writeFileSync(moduleBin, `const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'src', 'cli', 'main.js')).href)});\nawait main(process.argv);\n`);
      const viaModules = spawnSync(process.execPath, [moduleBin, ...args('modules')], { encoding: 'utf8', timeout: 60_000, cwd: out });
      expect(viaBin.status, viaBin.stderr).toBe(0);
      expect(viaModules.status, viaModules.stderr).toBe(0);
      const verdicts = (dir: string) => (JSON.parse(readFileSync(join(out, dir, 'results.json'), 'utf8')) as { cases: { id: string; verdict: string; diagnoses: { id: string }[] }[] }).cases.map((c) => `${c.id} ${c.verdict} ${c.diagnoses.map((d) => d.id).join(',')}`);
      expect(verdicts('bundle').length).toBeGreaterThan(5);
      expect(verdicts('bundle')).toEqual(verdicts('modules'));
      // and the bundle is what bin/ loads: no module of dist/src/
      const hook = `data:text/javascript,${encodeURIComponent("import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent('export async function load(url, context, next) { if (url.startsWith(\\'file:\\')) process.stderr.write(\\'LOADED \\' + url + \\'\\\\n\\'); return next(url, context); }'));")}`;
      const listed = spawnSync(process.execPath, ['--import', hook, join(ROOT, 'bin', 'oauth-harness.js'), 'run', '--list'], { encoding: 'utf8', timeout: 30_000 });
      expect(listed.status, listed.stderr).toBe(0);
      const loaded = listed.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7));
      expect(loaded.some((u) => u.includes('/dist/cli/'))).toBe(true);
      expect(loaded.filter((u) => u.includes('/dist/src/'))).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
