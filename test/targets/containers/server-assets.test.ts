import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverAssetDir } from '../../../src/targets/containers/image-build.js';
import { CONTAINER_SERVERS } from '../../../src/targets/servers/registry.js';
import { glewlwydLoginScript } from '../../../src/targets/servers/glewlwyd.js';

// Found from the package root, not beside the module: the bundled command line has no folder per server.
describe('a server\'s files, found from the package root', () => {
  it.each(CONTAINER_SERVERS)('%s: its Dockerfile', (name) => {
    expect(existsSync(join(serverAssetDir(name), 'Dockerfile'))).toBe(true);
  });

  it('names the folder it looked in when a server has no image files', () => {
    expect(() => serverAssetDir('no-such-server')).toThrow(/Dockerfile not found in .*src[/\\]targets[/\\]containers[/\\]no-such-server/);
  });

  it('finds the Glewlwyd login script a browser session loads (the TypeScript source under vitest)', () => {
    expect(glewlwydLoginScript()).toMatch(/src[/\\]targets[/\\]containers[/\\]glewlwyd[/\\]glewlwyd-playwright-login\.ts$/);
    expect(existsSync(glewlwydLoginScript())).toBe(true);
  });
});
