/**
 * The LemonLDAP::NG image: Debian bookworm's portal and FastCGI server with nginx,
 * installed with apt during the build (host network), and the start scripts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureImage, serverAssetDir, type ImageBuildResult } from '../image-build.js';

/** The build context: every file the Dockerfile copies (package.json's `files` ships each one). */
export const LEMONLDAP_IMAGE_FILES = ['Dockerfile', 'lemonldap-ng-start.sh', 'lemonldap-ng-users.pl', 'lemonldap-ng-no-captcha.pm', 'nginx.conf'];
const FILES = LEMONLDAP_IMAGE_FILES;

/**
 * Builds (or reuses) the LemonLDAP::NG image on `baseImage` and returns its tag,
 * `oauth-harness/lemonldap-ng:2.16.1-<hash of the image files and base>`.
 */
export async function lemonldapImage(baseImage: string): Promise<ImageBuildResult> {
  const assets = serverAssetDir('lemonldap-ng');
  const hash = createHash('sha256').update(`${baseImage}\n`);
  for (const file of FILES) hash.update(readFileSync(join(assets, file)));
  return ensureImage({
    tag: `oauth-harness/lemonldap-ng:2.16.1-${hash.digest('hex').slice(0, 12)}`,
    baseImage,
    stage: async (dir) => {
      for (const file of FILES) await copyFile(join(assets, file), join(dir, file));
    },
  });
}
