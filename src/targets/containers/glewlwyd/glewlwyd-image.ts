/**
 * The Glewlwyd image: Debian bookworm's glewlwyd package, installed with apt
 * during the build (host network), and the harness configuration file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureImage, serverAssetDir, type ImageBuildResult } from '../image-build.js';

const FILES = ['Dockerfile', 'glewlwyd.conf'];

/**
 * Builds (or reuses) the Glewlwyd image on `baseImage` and returns its tag,
 * `oauth-harness/glewlwyd:2.7.5-<hash of the Dockerfile, config and base>`.
 */
export async function glewlwydImage(baseImage: string): Promise<ImageBuildResult> {
  const assets = serverAssetDir('glewlwyd');
  const hash = createHash('sha256').update(`${baseImage}\n`);
  for (const file of FILES) hash.update(readFileSync(join(assets, file)));
  return ensureImage({
    tag: `oauth-harness/glewlwyd:2.7.5-${hash.digest('hex').slice(0, 12)}`,
    baseImage,
    stage: async (dir) => {
      for (const file of FILES) await copyFile(join(assets, file), join(dir, file));
    },
  });
}
