/**
 * The preflight also asks about the fixture clients that checks send to the token
 * endpoint (issue 13): a wrong secret for the second client (F2) does not stop the run and
 * is never blamed on the server: the checks that need F2 are "inconclusive", naming the
 * fixture and its verify.yaml key, and never the secret; with the right secret they run
 * and pass. The server is the rfc-strict mock on loopback with the fixtures registered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProvider } from '../../mocks/profiles.js';
import { createClock } from '../../mocks/provider/clock.js';
import { startNodeHttpServer } from '../../mocks/transports/node-http.js';
import { profileFixtureClients, verifyOptionsForProfile } from '../../src/verify/profiles/options.js';
import { runVerify, type VerifyOptions } from '../../src/verify/run-verify.js';

const F2_CHECKS = ['AS-AC-CLIENT-BINDING', 'AS-RT-CLIENT-BINDING', 'AS-REV-CLIENT-BINDING'];
let server: Awaited<ReturnType<typeof startNodeHttpServer>>;
let options: VerifyOptions;

beforeAll(async () => {
  server = await startNodeHttpServer({ port: 0 });
  const provider = buildProvider({ profile: 'rfc-strict', issuer: `${server.origin}/rfc-strict`, seed: 1, clock: createClock(Date.now(), true), clients: profileFixtureClients('rfc-strict') });
  server.mount(provider);
  const { lifetimes: _lifetimes, ...o } = verifyOptionsForProfile(provider);
  options = o;
});
afterAll(() => server?.close());

describe('preflight of the fixture clients', () => {
  it('with the right F2 secret, the checks that need F2 run and pass', async () => {
    expect(options.fixtures?.secondClient).toBeDefined();
    const r = await runVerify({ ...options, only: [...F2_CHECKS, 'AS-TR-NO-STORE'] });
    expect(r.cases.map((c) => [c.id, c.verdict]).sort()).toEqual([...F2_CHECKS, 'AS-TR-NO-STORE'].map((id) => [id, 'passed']).sort());
  });

  it('a wrong F2 secret: those checks are not tested, naming F2 and its key, never the secret; the rest runs', async () => {
    const second = { ...options.fixtures!.secondClient!, client_secret: 'typo-in-the-second-secret' };
    const r = await runVerify({ ...options, fixtures: { ...options.fixtures, secondClient: second }, only: [...F2_CHECKS, 'AS-TR-NO-STORE'] });
    const byId = new Map(r.cases.map((c) => [c.id, c]));
    expect(byId.get('AS-TR-NO-STORE')!.verdict).toBe('passed');
    for (const id of F2_CHECKS) {
      expect(byId.get(id)).toMatchObject({
        verdict: 'inconclusive',
        message: expect.stringMatching(/^the token endpoint does not accept the credentials of F2 second client ".+" \(HTTP 401 error=invalid_client with client_secret_basic; .+\): check fixtures\.secondClient in verify\.yaml; not tested$/),
      });
    }
    expect(JSON.stringify(r)).not.toContain('typo-in-the-second-secret');
    expect(r.summary.failed).toBe(0);
  });
});
