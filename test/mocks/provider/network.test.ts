/**
 * Network restrictions (docs/behaviours.md §6): `network.ipAllowList` (CIDR or literal)
 * at the authorization and token endpoints, `domainAllowList` for redirect URIs, and
 * `trustForwardedFor`.
 */
import { describe, expect, it } from 'vitest';
import { call, firstClient, testProvider } from '../../../mocks/testing.js';
import type { MockProvider } from '../../../mocks/provider/provider.js';

function restricted(network: Record<string, unknown>): MockProvider {
  return testProvider('rfc-strict', { switches: { network } });
}

function token(p: MockProvider, remoteAddress: string, headers: Record<string, string> = {}) {
  const c = firstClient(p);
  return call(p, '/token', { form: { grant_type: 'client_credentials', client_id: c.client_id, client_secret: c.client_secret! }, remoteAddress, headers });
}

function authorize(p: MockProvider, remoteAddress: string, redirect_uri = firstClient(p).redirect_uris[0]!) {
  return call(p, '/authorize', { query: { response_type: 'code', client_id: firstClient(p).client_id, redirect_uri }, remoteAddress });
}

describe('network.ipAllowList', () => {
  const p = () => restricted({ ipAllowList: ['198.51.100.0/24', '192.0.2.7', '2001:db8::/32'] });

  it('empty: every address is allowed', async () => {
    expect((await token(restricted({ ipAllowList: [] }), '203.0.113.9')).status).toBe(200);
  });

  it('addresses inside a CIDR range or equal to a literal are allowed', async () => {
    const prov = p();
    for (const addr of ['198.51.100.1', '198.51.100.254', '192.0.2.7', '::ffff:198.51.100.5', '2001:db8::1']) {
      expect((await token(prov, addr)).status, addr).toBe(200);
    }
  });

  it('addresses outside are invalid_grant "ip restricted" naming the address', async () => {
    const prov = p();
    for (const addr of ['198.51.101.1', '192.0.2.8', '2001:db9::1']) {
      const res = await token(prov, addr);
      expect(res.status, addr).toBe(400);
      expect(res.json.error).toBe('invalid_grant');
      expect(res.json.error_description).toContain('ip restricted');
      expect(res.json.error_description).toContain(addr);
    }
  });

  it('the authorization endpoint refuses sign-in from outside with a 403 page, no redirect', async () => {
    const prov = p();
    const res = await authorize(prov, '203.0.113.9');
    expect(res.status).toBe(403);
    expect(res.headers.location).toBeUndefined();
    expect(res.body).toContain('203.0.113.9');
    expect((await authorize(prov, '198.51.100.9')).status).toBe(200);
  });
});

describe('network.trustForwardedFor', () => {
  it('true: the first X-Forwarded-For hop is the source address', async () => {
    const p = restricted({ ipAllowList: ['198.51.100.0/24'], trustForwardedFor: true });
    expect((await token(p, '127.0.0.1', { 'x-forwarded-for': '198.51.100.3, 10.0.0.1' })).status).toBe(200);
    const res = await token(p, '198.51.100.3', { 'x-forwarded-for': '203.0.113.1' });
    expect(res.json.error_description).toContain('203.0.113.1');
  });

  it('false: the header is ignored, the socket peer counts', async () => {
    const p = restricted({ ipAllowList: ['198.51.100.0/24'], trustForwardedFor: false });
    expect((await token(p, '127.0.0.1', { 'x-forwarded-for': '198.51.100.3' })).json.error).toBe('invalid_grant');
    expect((await token(p, '198.51.100.3', { 'x-forwarded-for': '203.0.113.1' })).status).toBe(200);
  });
});

describe('network.domainAllowList', () => {
  const withRedirects = (domains: string[]) =>
    testProvider('rfc-strict', {
      switches: { network: { domainAllowList: domains } },
      clients: [{ client_id: 'harness-client', redirect_uris: ['https://client.example.test/callback', 'https://app.client.example.test/cb', 'https://other.test/cb'] }],
    });

  it('redirect URIs on an allowed domain or its subdomains pass', async () => {
    const p = withRedirects(['client.example.test']);
    expect((await authorize(p, '127.0.0.1', 'https://client.example.test/callback')).status).toBe(200);
    expect((await authorize(p, '127.0.0.1', 'https://app.client.example.test/cb')).status).toBe(200);
  });

  it('a registered redirect URI on another domain gets an error page, no redirect', async () => {
    const p = withRedirects(['client.example.test']);
    const res = await authorize(p, '127.0.0.1', 'https://other.test/cb');
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.body).toContain('other.test');
    expect(res.body).toContain('Domain not allowed');
  });

  it('empty: every registered redirect URI passes', async () => {
    expect((await authorize(withRedirects([]), '127.0.0.1', 'https://other.test/cb')).status).toBe(200);
  });
});
