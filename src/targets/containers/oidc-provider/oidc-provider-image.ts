/**
 * The oidc-provider image: the Dockerfile and server.mjs beside this file,
 * plus the host's `node` binary and the project's installed oidc-provider
 * with its dependency closure, so the build needs no registry at all.
 *
 * The tag carries a hash of everything copied in, so a change to the server
 * script, the locked packages, Node or the base image builds a new image.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { ensureImage, serverAssetDir, type ImageBuildResult } from '../image-build.js';

interface InstalledPackage {
  /** Path below the project root, e.g. `node_modules/koa/node_modules/accepts`. */
  path: string;
  dir: string;
  version: string;
}

/** Finds `name` the way Node does: in `node_modules` of `from` or an ancestor. */
function findPackage(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** oidc-provider and everything it needs at run time, as installed. */
function dependencyClosure(root: string, from: string): InstalledPackage[] {
  const found = new Map<string, InstalledPackage>();
  const queue: Array<[string, string]> = [[root, from]];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [name, requiredFrom] = next;
    const dir = findPackage(name, requiredFrom);
    if (!dir) throw new Error(`package "${name}" (needed by ${requiredFrom}) is not installed: run npm ci`);
    if (found.has(dir)) continue;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      version: string;
      dependencies?: Record<string, string>;
    };
    found.set(dir, { dir, path: '', version: manifest.version });
    for (const dep of Object.keys(manifest.dependencies ?? {})) queue.push([dep, dir]);
  }
  // `<project>/node_modules/oidc-provider`: paths are kept relative to `<project>`.
  const projectRoot = dirname(dirname([...found.keys()][0]!));
  return [...found.values()].map((p) => ({ ...p, path: relative(projectRoot, p.dir) }));
}

/**
 * Builds (or reuses) the oidc-provider image on `baseImage` and returns its
 * tag, `oauth-harness/oidc-provider:<oidc-provider version>-<content hash>`.
 */
export async function oidcProviderImage(baseImage: string): Promise<ImageBuildResult> {
  const assets = serverAssetDir('oidc-provider');
  const packages = dependencyClosure('oidc-provider', assets);
  const outside = packages.find((p) => p.path.startsWith('..') || !p.path.startsWith(`node_modules${sep}`));
  if (outside) throw new Error(`cannot stage ${outside.dir}: it is outside the project's node_modules`);
  const hash = createHash('sha256');
  for (const file of ['Dockerfile', 'server.mjs']) hash.update(readFileSync(join(assets, file)));
  hash.update(`${process.version}\n${baseImage}\n`);
  for (const p of packages) hash.update(`${p.path}@${p.version}\n`);
  const tag = `oauth-harness/oidc-provider:${packages[0]!.version}-${hash.digest('hex').slice(0, 12)}`;

  return ensureImage({
    tag,
    baseImage,
    stage: async (dir) => {
      await copyFile(join(assets, 'Dockerfile'), join(dir, 'Dockerfile'));
      await copyFile(join(assets, 'server.mjs'), join(dir, 'server.mjs'));
      await copyFile(process.execPath, join(dir, 'node'));
      for (const p of packages) {
        const target = join(dir, p.path);
        await mkdir(dirname(target), { recursive: true });
        const nested = join(p.dir, 'node_modules');
        const filter = (src: string): boolean => src !== nested && !src.startsWith(nested + sep);
        await cp(p.dir, target, { recursive: true, filter });
      }
    },
  });
}
