/**
 * A refresh storm on `rotating-refresh` over HTTP: 1,000 concurrent refreshes of one
 * refresh token, exactly one winner per rotation, reuse revokes the grant
 * (RFC 9700 §4.14.2). The server is `oauth-harness serve`'s own code, in-process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneWinner, patchSwitches, runRefreshStorm, StormClient, viaAdminApi, type StormResult } from '../../src/bench/refresh-storm.js';
import { serveCommand, type ServeInfo } from '../../src/cli/commands/serve.js';

describe('refresh storm on rotating-refresh (1,000 concurrent refreshes)', () => {
  let close: () => Promise<void>;
  let info: ServeInfo;
  let result: StormResult;

  beforeAll(async () => {
    const served = await serveCommand({ profile: ['rotating-refresh'], port: '0', host: '127.0.0.1', seed: '1' });
    close = served.close;
    info = served.info;
    const issuer = info.issuers[0]!;
    result = await runRefreshStorm(issuer, { concurrency: 1000, rotations: 2, setReuseDetection: viaAdminApi(info.admin, issuer.profile) });
  }, 60_000);
  afterAll(() => close?.());

  it('exactly one of 1,000 concurrent refreshes wins; all others get invalid_grant', () => {
    const r = result.revokeOnReuse.round;
    expect({ ok: r.ok, invalidGrant: r.invalidGrant, unexpected: r.unexpected }).toEqual({ ok: 1, invalidGrant: 999, unexpected: [] });
  });

  it("the reuse revokes the grant: the winner's tokens die too", () => {
    expect(result.revokeOnReuse.checks.filter((c) => !c.passed)).toEqual([]);
    expect(result.revokeOnReuse.checks.length).toBe(4);
  });

  it('with reuse only refused, each rotation of a chain has exactly one winner and no state is lost', () => {
    expect(result.rotationChain.rounds.map((r) => [r.ok, r.invalidGrant, r.unexpected.length])).toEqual([
      [1, 999, 0],
      [1, 999, 0],
    ]);
    expect(result.rotationChain.checks.filter((c) => !c.passed)).toEqual([]);
  });

  it('the one-winner check fails against a provider whose old refresh token stays valid', async () => {
    const issuer = info.issuers[0]!;
    await patchSwitches(info.admin, issuer.profile, { refresh: { rotation: 'rotate-keep-old' } });
    try {
      const client = new StormClient(issuer);
      const round = await client.storm((await client.newGrant()).refresh_token, 50);
      expect(round.ok).toBe(50);
      expect(oneWinner(round, 'storm').passed).toBe(false);
    } finally {
      await patchSwitches(info.admin, issuer.profile, { refresh: { rotation: 'rotate' } });
    }
  });
});
