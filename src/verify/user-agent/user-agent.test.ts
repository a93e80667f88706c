import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Probe } from '../probe.js';
import { type BrokenAs, startBrokenAs } from '../testing/broken-as.js';
import { CookieJar } from './cookie-jar.js';
import { createFormLoginDriver } from './form-login-driver.js';
import { formData, parseHtml } from './html.js';
import { matchesSelector } from './selector.js';

describe('html reader', () => {
  const page = parseHtml(
    `<form id=f method=POST action="/login?x=1&amp;y=2"><input type=hidden name=tx value="a&quot;b">
     <input name=user><input type=password name=pw><input type=checkbox name=remember>
     <select name=lang><option value=en>English<option value=fr selected>French</select>
     <button name=decision value=approve class="btn primary">Allow</button><button name=decision value=deny>Deny</button></form>
     <a href="/cancel">Cancel</a><script src="https://cdn.example/x.js"></script><meta name=referrer content=no-referrer>`,
    'https://as.example/authorize',
  );
  const form = page.forms[0]!;
  it('reads forms, controls, links and sub-resources', () => {
    expect(form.action).toBe('https://as.example/login?x=1&y=2');
    expect(form.method).toBe('POST');
    expect(form.controls.map((c) => `${c.name}:${c.type}`)).toEqual(['tx:hidden', 'user:text', 'pw:password', 'remember:checkbox', 'lang:select', 'decision:submit', 'decision:submit']);
    expect(page.links[0]).toMatchObject({ href: 'https://as.example/cancel', text: 'Cancel' });
    expect(page.resources).toEqual([{ tag: 'script', url: 'https://cdn.example/x.js' }]);
    expect(page.metas[0]).toEqual({ name: 'referrer', content: 'no-referrer' });
  });
  it('builds the form data set with only the chosen submitter', () => {
    const deny = form.controls[6]!;
    expect(formData(form, deny)).toEqual([['tx', 'a"b'], ['user', ''], ['pw', ''], ['lang', 'fr'], ['decision', 'deny']]);
  });
  it('matches simple selectors', () => {
    const allow = form.controls[5]!;
    expect(matchesSelector(allow, 'button.primary[value=approve]')).toBe(true);
    expect(matchesSelector(allow, 'button[value="deny"], input')).toBe(false);
    expect(() => matchesSelector(allow, 'form > button')).toThrow(/unsupported selector/);
  });
});

describe('cookie jar', () => {
  it('matches host and path, honours expiry, and sends only SameSite=None cross-site', () => {
    const jar = new CookieJar();
    jar.store('https://as.example/a/login', ['sid=1; Path=/; HttpOnly', 'csrf=2; SameSite=Strict', 'xs=3; SameSite=None; Secure', 'old=4; Max-Age=0']);
    expect(jar.header('https://as.example/a/next')).toBe('sid=1; csrf=2; xs=3');
    expect(jar.header('https://as.example/other')).toBe('sid=1');
    expect(jar.header('https://other.example/')).toBeUndefined();
    expect(jar.header('https://as.example/a/x', { crossSite: true })).toBe('xs=3');
  });
});

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
