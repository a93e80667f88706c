import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormLoginDriver } from '../../src/user-agent/form-login.js';
import { Probe } from '../../src/verify/probe.js';
import { type BrokenAs, startBrokenAs } from '../verify/broken-as.js';

describe('form-fill login driver against the broken AS', () => {
  let as: BrokenAs;
  beforeAll(async () => {
    as = await startBrokenAs();
  });
  afterAll(async () => {
    await as.close();
  });
  const authorizeUrl = (): string =>
    `${as.issuer}/authorize?response_type=code&client_id=client-1&redirect_uri=${encodeURIComponent('https://client.example/cb')}&state=s1&scope=openid`;
  const driver = () => createFormLoginDriver({ fields: { username: 'alice', password: 'wonderland' }, allowedOrigins: [as.issuer] });

  it('logs in, consents and captures the redirect to the client without following it', async () => {
    as.setQuirks([]);
    const probe = new Probe({ secrets: () => ['wonderland'] });
    const r = await driver().authorize({ url: authorizeUrl(), redirectUri: 'https://client.example/cb' }, probe);
    expect(r).toMatchObject({ loginShown: true, consentShown: true, postRedirects: [{ status: 303 }, { status: 303 }] });
    expect(r.redirect?.url).toMatch(/^https:\/\/client\.example\/cb\?code=[^&]+&state=s1&iss=/);
    expect(probe.exchanges.every((e) => !new URL(e.request.url).hostname.endsWith('client.example'))).toBe(true);
    expect(JSON.stringify(probe.exchanges)).not.toContain('wonderland');
  });

  it('denies consent when asked', async () => {
    as.setQuirks([]);
    const r = await driver().authorize({ url: authorizeUrl(), redirectUri: 'https://client.example/cb', decision: 'deny' }, new Probe());
    expect(new URL(r.redirect!.url).searchParams.get('error')).toBe('access_denied');
  });

  it('stops on an error page and reports it', async () => {
    as.setQuirks([]);
    const r = await driver().authorize({ url: authorizeUrl().replace('client-1', 'nobody'), redirectUri: 'https://client.example/cb' }, new Probe());
    expect(r.redirect).toBeUndefined();
    expect(r.page?.status).toBe(400);
  });

  it('replays the consent cross-site without the CSRF field or SameSite cookies', async () => {
    as.setQuirks([]);
    const r = await driver().authorize({ url: authorizeUrl(), redirectUri: 'https://client.example/cb', crossSiteConsent: true }, new Probe());
    expect(r.redirect).toBeUndefined();
    expect(r.page?.status).toBe(403);
  });
});
