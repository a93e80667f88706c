import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormLoginDriver } from '../../src/user-agent/form-login.js';
import { fetchTransport } from '../../src/user-agent/http-user-agent.js';
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

describe('form login for a user given per request (scenarios), fields found on the page', () => {
  const LOGIN_PAGE = (error = '') =>
    `<h1>Sign in</h1>${error ? `<p class=err>${error}</p>` : ''}<form method=post action="/login"><input type=hidden name=tx value="a&#x2F;b">` +
    `<input name=login><input type=password name=pw><input type=checkbox name=scope value=read checked><input type=checkbox name=scope value=write checked><button>Sign in</button></form>`;
  function server(): { fetch: typeof fetch; posts: string[] } {
    const posts: string[] = [];
    const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input));
      if (url.pathname === '/authorize') return new Response(LOGIN_PAGE(), { headers: { 'content-type': 'text/html' } });
      const body = new URLSearchParams(String(init?.body));
      posts.push(String(init?.body));
      if (body.get('login') === 'alice' && body.get('pw') === 'secret') return new Response(null, { status: 303, headers: { location: `https://client.test/cb?code=c&scope=${body.getAll('scope').join('+')}` } });
      return new Response(LOGIN_PAGE('Wrong password'), { headers: { 'content-type': 'text/html' } });
    }) as typeof fetch;
    return { fetch: fetchFn, posts };
  }
  const request = { url: 'http://as.test/authorize?client_id=c', redirectUri: 'https://client.test/cb' };

  it('fills the username-like and password inputs, keeps hidden fields decoded, and leaves unticked scopes out', async () => {
    const s = server();
    const r = await createFormLoginDriver({ allowedOrigins: ['http://as.test'] }).authorize({ ...request, user: { username: 'alice', password: 'secret' }, untick: ['write'] }, fetchTransport(s.fetch));
    expect(s.posts).toEqual(['tx=a%2Fb&login=alice&pw=secret&scope=read']);
    expect(r.redirect?.url).toBe('https://client.test/cb?code=c&scope=read');
    expect(r.loginFailed).toBeUndefined();
  });

  it('stops when the login page comes back, with its message, after one try', async () => {
    const s = server();
    const r = await createFormLoginDriver({ allowedOrigins: ['http://as.test'] }).authorize({ ...request, user: { username: 'alice', password: 'wrong' } }, fetchTransport(s.fetch));
    expect(s.posts).toHaveLength(1);
    expect(r).toMatchObject({ loginFailed: 'Wrong password', loginShown: true });
    expect(r.redirect).toBeUndefined();
  });
});
