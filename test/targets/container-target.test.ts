/**
 * The common end of a container server's start (src/targets/servers/container-target.ts):
 * a server whose metadata cannot be read, or whose target cannot be built, is stopped
 * before the error goes on; a good one is not.
 */
import { describe, expect, it } from 'vitest';
import { containerTarget } from '../../src/targets/servers/container-target.js';
import { startServe } from '../../src/serve/start-serve.js';
import type { StartedTarget } from '../../src/targets/started-target.js';

const fakeServer = (issuer: string) => {
  const s = { stops: 0, getIssuer: () => issuer, stop: async () => void s.stops++ };
  return s;
};

describe('containerTarget', () => {
  it('stops the container once when its metadata cannot be read, and passes the error on', async () => {
    const server = fakeServer('http://127.0.0.1:1/nothing-here');
    await expect(containerTarget(server, () => ({}) as StartedTarget)).rejects.toMatchObject({ code: 'TARGET_UNREACHABLE' });
    expect(server.stops).toBe(1);
  });

  it('stops it when building the target fails, and not when it succeeds', async () => {
    const served = await startServe({ profiles: ['rfc-strict'], port: 0, seed: 1 });
    try {
      const issuer = served.info.issuers[0]!.issuer;
      const broken = fakeServer(issuer);
      await expect(containerTarget(broken, () => { throw new Error('no user'); })).rejects.toThrow('no user');
      expect(broken.stops).toBe(1);
      const good = fakeServer(issuer);
      const target = await containerTarget(good, ({ metadata, stop }) => ({ metadata, stop }) as unknown as StartedTarget);
      expect(good.stops).toBe(0);
      expect(target.metadata.token_endpoint).toBe(`${issuer}/token`);
      await target.stop();
      await target.stop();
      expect(good.stops).toBe(1);
    } finally {
      await served.close();
    }
  });
});
