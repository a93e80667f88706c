import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

function isOurs(dir: string): boolean {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'oauth-harness';
  } catch {
    return false;
  }
}

/**
 * The folder holding oauth-harness's own package.json: the clone's root when run from
 * sources or `dist/`, or `node_modules/oauth-harness` when installed from the registry.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!isOurs(dir)) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the oauth-harness package root');
    dir = up;
  }
  root = dir;
  return dir;
}
