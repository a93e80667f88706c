/**
 * What installing oauth-harness adds to a project that already has vitest and msw: the
 * packed tarball installed as a user would (`npm i -D`), optional peers left out. The
 * figure is the growth of node_modules in bytes (apparent file sizes) and in packages.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../mocks/package-root.js';

export interface InstallSizeResult {
  /** What the project had first. */
  baseline: { packages: string[]; bytes: number; count: number };
  /** Bytes and packages that installing the tarball added. */
  addedBytes: number;
  addedPackages: number;
  tarballBytes: number;
}

/** Apparent size of every file under `dir` (links not followed), and the packages in node_modules. */
export function treeSize(dir: string): { bytes: number; packages: number } {
  let bytes = 0;
  let packages = 0;
  const walk = (d: string, inNodeModules: boolean) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isSymbolicLink()) continue;
      if (e.isDirectory()) {
        if (inNodeModules && !e.name.startsWith('.') && !e.name.startsWith('@')) packages++;
        walk(p, e.name === 'node_modules' || (inNodeModules && e.name.startsWith('@')));
      } else bytes += lstatSync(p).size;
    }
  };
  walk(join(dir, 'node_modules'), true);
  return { bytes, packages };
}

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });

/** Packs the (already built) package and measures what installing it adds. */
export function runInstallSize(baseline: string[] = ['vitest@~4.1.0', 'msw@~2.15.0']): InstallSizeResult {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-harness-install-'));
  try {
    const tarball = npm(['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], packageRoot()).trim().split('\n').at(-1)!;
    const app = join(dir, 'app');
    execFileSync('mkdir', [app]);
    writeFileSync(join(app, 'package.json'), '{ "name": "size-probe", "version": "1.0.0", "private": true, "type": "module" }\n');
    npm(['install', '--no-audit', '--no-fund', '--save-dev', ...baseline], app);
    const before = treeSize(app);
    npm(['install', '--no-audit', '--no-fund', '--save-dev', join(dir, tarball)], app);
    const after = treeSize(app);
    return { baseline: { packages: baseline, bytes: before.bytes, count: before.packages }, addedBytes: after.bytes - before.bytes, addedPackages: after.packages - before.packages, tarballBytes: lstatSync(join(dir, tarball)).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
