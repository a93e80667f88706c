/**
 * The HTTP user agent: cookies kept across requests, redirects followed as a browser
 * follows them (303 → GET without body, 307 keeps method and body), a redirect that
 * leaves where the caller allows ends the walk without being followed.
 */
import { describe, expect, it } from 'vitest';
import { fetchTransport, HttpUserAgent } from '../../src/user-agent/http-user-agent.js';

interface Seen {
  method: string;
  url: string;
  cookie: string | null;
  type: string | null;
  body: string;
}

/** A fake server: `routes` answers by `METHOD path`; every request is kept in `seen`. */
function server(routes: Record<string, () => Response>): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    seen.push({ method: init?.method ?? 'GET', url: url.href, cookie: headers.get('cookie'), type: headers.get('content-type'), body: String(init?.body ?? '') });
    const route = routes[`${init?.method ?? 'GET'} ${url.pathname}`];
    return route ? route() : new Response('not found', { status: 404 });
  }) as typeof fetch;
  return { fetch: fetchFn, seen };
}

const redirect = (status: number, location: string, cookie?: string) => () => new Response(null, { status, headers: { location, ...(cookie ? { 'set-cookie': cookie } : {}) } });

describe('HttpUserAgent', () => {
  it('follows 303 as a GET without body and 307 as the same POST, carrying cookies, and reports POST redirects', async () => {
    const s = server({
      'POST /login': redirect(307, '/login2', 'sid=1; Path=/'),
      'POST /login2': redirect(303, 'http://as.test/consent'),
      'GET /consent': () => new Response('<p>consent</p>', { headers: { 'content-type': 'text/html' } }),
    });
    const ua = new HttpUserAgent(fetchTransport(s.fetch), { accept: 'text/html' });
    const r = await ua.follow({ method: 'POST', url: 'http://as.test/login', body: 'a=1' }, { stay: () => true });
    expect(s.seen.map((x) => `${x.method} ${x.url} ${x.cookie} ${x.type} ${x.body}`)).toEqual([
      'POST http://as.test/login null application/x-www-form-urlencoded a=1',
      'POST http://as.test/login2 sid=1 application/x-www-form-urlencoded a=1',
      'GET http://as.test/consent sid=1 null ',
    ]);
    expect(r.res.text).toBe('<p>consent</p>');
    expect(r.left).toBeUndefined();
    expect(r.postRedirects).toEqual([{ url: 'http://as.test/login', status: 307 }, { url: 'http://as.test/login2', status: 303 }]);
    expect(r.hops).toHaveLength(3);
  });

  it('stops at a redirect `stay` refuses, without following it', async () => {
    const s = server({ 'GET /authorize': redirect(302, 'https://client.test/cb?code=x') });
    const ua = new HttpUserAgent(fetchTransport(s.fetch));
    const r = await ua.follow({ url: 'http://as.test/authorize' }, { stay: (u) => new URL(u).origin === 'http://as.test' });
    expect(r.left).toBe('https://client.test/cb?code=x');
    expect(r.res.status).toBe(302);
    expect(s.seen).toHaveLength(1);
  });

  it('stops after maxRequests on a redirect loop', async () => {
    const s = server({ 'GET /a': redirect(302, '/a') });
    const r = await new HttpUserAgent(fetchTransport(s.fetch)).follow({ url: 'http://as.test/a' }, { stay: () => true, maxRequests: 3 });
    expect(s.seen).toHaveLength(3);
    expect(r.res.status).toBe(302);
    expect(r.left).toBeUndefined();
  });

  it('sends JSON bodies as application/json and keeps the raw Location beside the resolved one', async () => {
    const s = server({ 'PUT /api': redirect(302, '../x#frag') });
    const res = await new HttpUserAgent(fetchTransport(s.fetch)).send({ method: 'PUT', url: 'http://as.test/api', json: { a: 1 } });
    expect(s.seen[0]).toMatchObject({ type: 'application/json', body: '{"a":1}' });
    expect(res).toMatchObject({ rawLocation: '../x#frag', location: 'http://as.test/x#frag' });
  });
});
