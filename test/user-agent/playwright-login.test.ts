/**
 * The playwright-core driver with Debian's chromium, against the broken AS and
 * oidc-provider. Skipped (with one line) when chromium is missing outside CI; under CI
 * it fails instead (see test/support/system-requirements.ts).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlaywrightDriver } from '../../src/user-agent/playwright-login.js';
import { type OidcProviderFixture, startOidcProviderFixture } from '../verify/oidc-provider-fixture.js';
import { Probe } from '../../src/verify/probe.js';
import { runVerify } from '../../src/verify/run-verify.js';
import { type BrokenAs, startBrokenAs } from '../verify/broken-as.js';
import { CHROMIUM, needs } from '../support/system-requirements.js';

const SCRIPT = fileURLToPath(new URL('../../src/verify/fixtures/playwright-login.mjs', import.meta.url));
const browser = needs('playwright driver', ['chromium']);

describe.runIf(browser.ok)('playwright driver', () => {
  let as: BrokenAs;
  let op: OidcProviderFixture;
  beforeAll(async () => {
    [as, op] = await Promise.all([startBrokenAs(), startOidcProviderFixture()]);
  });
  afterAll(async () => {
    await Promise.all([as?.close(), op?.close()]);
  });

  it('logs in, consents or denies, and sees the status of each POST redirect', async () => {
    const driver = createPlaywrightDriver({ script: SCRIPT, executablePath: CHROMIUM, allowedOrigins: [as.issuer], user: { username: 'alice', password: 'wonderland' } });
    const url = `${as.issuer}/authorize?response_type=code&client_id=client-1&redirect_uri=${encodeURIComponent('https://client.example/cb')}&state=s1&scope=openid`;
    const request = { url, redirectUri: 'https://client.example/cb' };
    try {
      as.setQuirks([]);
      const probe = new Probe({ secrets: () => ['wonderland'] });
      const ok = await driver.authorize(request, probe);
      expect(ok.redirect?.url).toMatch(/^https:\/\/client\.example\/cb\?code=[^&]+&state=s1&iss=/);
      expect(ok.redirect?.status).toBe(303);
      expect(JSON.stringify(probe.exchanges)).not.toContain('wonderland');
      const denied = await driver.authorize({ ...request, decision: 'deny' }, new Probe());
      expect(new URL(denied.redirect!.url).searchParams.get('error')).toBe('access_denied');
      as.setQuirks(['redirect-307']);
      const r307 = await driver.authorize(request, new Probe());
      expect(r307.postRedirects.map((r) => r.status)).toContain(307);
    } finally {
      await driver.close();
    }
  }, 60_000);

  it('runs UA checks against oidc-provider', async () => {
    const ids = ['AS-AZ-CODE-RESPONSE', 'AS-AZ-ACCESS-DENIED'];
    const r = await runVerify(op.verifyOptions({ login: { kind: 'playwright', script: SCRIPT, executablePath: CHROMIUM }, only: ids }));
    expect(r.cases.map((c) => `${c.id}:${c.verdict}:${c.message ?? ''}`)).toEqual(ids.map((id) => expect.stringMatching(new RegExp(`^${id}:passed`))));
    const exchanges = JSON.stringify(r.cases.flatMap((c) => c.exchanges));
    expect(exchanges).not.toContain('correct horse battery staple');
    expect(exchanges).toContain('"from":"user-agent"');
  }, 60_000);
});

describe('playwright driver without chromium', () => {
  it('refuses to start with a clear error', async () => {
    await expect(
      runVerify({ issuer: 'http://127.0.0.1:9', client: { client_id: 'a', client_secret: 'b' }, login: { kind: 'playwright', script: SCRIPT, executablePath: '/nonexistent/chromium' } }),
    ).rejects.toMatchObject({ code: 'USER_AGENT_UNAVAILABLE', message: expect.stringContaining('apt-get install -y chromium') });
  });
});
