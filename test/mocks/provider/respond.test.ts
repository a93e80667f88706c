/**
 * Response-shape quirks (docs/provider-quirks.md §2) from the `tokenResponse` and `errors`
 * switches: body format, token_type, expires_in, scope, caching headers, JWT access
 * tokens, extra members, and the three error styles.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { call, firstClient, testProvider } from '../../../mocks/testing.js';
import type { MockProvider } from '../../../mocks/provider/provider.js';

function provider(switches: Record<string, unknown>): MockProvider {
  return testProvider('rfc-strict', { switches });
}

function cc(p: MockProvider, extra: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const c = firstClient(p);
  return call(p, '/token', { form: { grant_type: 'client_credentials', client_id: c.client_id, client_secret: c.client_secret!, ...extra }, headers });
}

const badClient = (p: MockProvider, headers: Record<string, string> = {}) =>
  call(p, '/token', { form: { grant_type: 'client_credentials', client_id: firstClient(p).client_id, client_secret: 'wrong' }, headers });

describe('tokenResponse.format', () => {
  it('json', async () => {
    const res = await cc(provider({ tokenResponse: { format: 'json' } }));
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.json.access_token).toBeTruthy();
  });

  it('form: application/x-www-form-urlencoded body', async () => {
    const res = await cc(provider({ tokenResponse: { format: 'form' } }));
    expect(res.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(res.json).toBeUndefined();
    const form = new URLSearchParams(res.body);
    expect(form.get('access_token')).toBeTruthy();
    expect(form.get('expires_in')).toBe('3600');
  });

  it('text-plain-form: form data labelled text/plain (Facebook ≤ v2.2)', async () => {
    const res = await cc(provider({ tokenResponse: { format: 'text-plain-form' } }));
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(new URLSearchParams(res.body).get('access_token')).toBeTruthy();
  });

  it('form-unless-accept-json: form by default, JSON with Accept: application/json (GitHub)', async () => {
    const p = provider({ tokenResponse: { format: 'form-unless-accept-json' } });
    const form = await cc(p);
    expect(form.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const json = await cc(p, {}, { accept: 'application/json' });
    expect(json.headers['content-type']).toBe('application/json');
    expect(json.json.access_token).toBeTruthy();
  });
});

describe('tokenResponse.tokenType', () => {
  it.each([
    ['Bearer', 'Bearer'],
    ['bearer', 'bearer'],
  ])('%s', async (setting, expected) => {
    expect((await cc(provider({ tokenResponse: { tokenType: setting } }))).json.token_type).toBe(expected);
  });

  it('omit: no token_type member (LinkedIn)', async () => {
    expect((await cc(provider({ tokenResponse: { tokenType: 'omit' } }))).json).not.toHaveProperty('token_type');
  });
});

describe('tokenResponse.expiresIn', () => {
  it('number', async () => {
    expect((await cc(provider({ tokenResponse: { expiresIn: 'number' } }))).json.expires_in).toBe(3600);
  });

  it('string (Azure AD v1)', async () => {
    expect((await cc(provider({ tokenResponse: { expiresIn: 'string' } }))).json.expires_in).toBe('3600');
  });

  it('expires (Facebook ≤ v2.2)', async () => {
    const body = (await cc(provider({ tokenResponse: { expiresIn: 'expires' } }))).json;
    expect(body.expires).toBe(3600);
    expect(body).not.toHaveProperty('expires_in');
  });
});

describe('tokenResponse.scope', () => {
  it('always: present even when equal to the request', async () => {
    expect((await cc(provider({ tokenResponse: { scope: 'always' } }), { scope: 'read' })).json.scope).toBe('read');
  });

  it('if-different: absent when equal, present when narrowed', async () => {
    const p = provider({ tokenResponse: { scope: 'if-different' }, scopes: { onUnregistered: 'narrow' } });
    expect((await cc(p, { scope: 'read' })).json).not.toHaveProperty('scope');
    expect((await cc(p, { scope: 'read admin' })).json.scope).toBe('read');
  });

  it('never: absent even when narrowed', async () => {
    const p = provider({ tokenResponse: { scope: 'never' }, scopes: { onUnregistered: 'narrow' } });
    expect((await cc(p, { scope: 'read admin' })).json).not.toHaveProperty('scope');
  });
});

describe('tokenResponse.noStore', () => {
  it('true: Cache-Control: no-store and Pragma: no-cache', async () => {
    const res = await cc(provider({ tokenResponse: { noStore: true } }));
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['pragma']).toBe('no-cache');
  });

  it('false: neither header', async () => {
    const res = await cc(provider({ tokenResponse: { noStore: false } }));
    expect(res.headers['cache-control']).toBeUndefined();
    expect(res.headers['pragma']).toBeUndefined();
  });
});

describe('tokenResponse.accessTokenFormat', () => {
  it('opaque: not a JWT', async () => {
    expect((await cc(provider({ tokenResponse: { accessTokenFormat: 'opaque' } }))).json.access_token.split('.')).toHaveLength(1);
  });

  it('jwt: an RS256 at+jwt with iss, client_id, scope and exp', async () => {
    const p = provider({ tokenResponse: { accessTokenFormat: 'jwt' } });
    const token = (await cc(p, { scope: 'read' })).json.access_token as string;
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: p.issuer, client_id: 'harness-client', scope: 'read' });
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect((await call(p, '/api/0/odata/Account', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});

describe('tokenResponse.extraFields', () => {
  it('adds members to every token response', async () => {
    const p = provider({ tokenResponse: { extraFields: { instance_url: 'https://x.test', issued_at: '1' } } });
    expect((await cc(p)).json).toMatchObject({ instance_url: 'https://x.test', issued_at: '1' });
  });
});

describe('errors.style', () => {
  it('rfc: {error, error_description} with the RFC status', async () => {
    const res = await badClient(provider({ errors: { style: 'rfc' } }));
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.json).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
  });

  it('facebook: {error:{message,type,code,fbtrace_id}}, 400, and an OAuth challenge naming the error', async () => {
    const p = provider({ errors: { style: 'facebook' } });
    const res = await cc(p, { scope: 'admin' });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ type: 'OAuthException', code: 100, fbtrace_id: expect.any(String), message: expect.stringContaining('admin') });
    expect(res.headers['www-authenticate']).toMatch(/^OAuth "Facebook Platform" "invalid_scope"/);
  });

  it('facebook: a 401 stays 401', async () => {
    const res = await badClient(provider({ errors: { style: 'facebook' } }));
    expect(res.status).toBe(401);
    expect(res.json.error.type).toBe('OAuthException');
  });

  it('github: RFC codes in an HTTP 200 body, form-encoded unless JSON is accepted', async () => {
    const p = provider({ errors: { style: 'github' }, tokenResponse: { format: 'form-unless-accept-json' } });
    const form = await badClient(p);
    expect(form.status).toBe(200);
    expect(new URLSearchParams(form.body).get('error')).toBe('invalid_client');
    const json = await badClient(p, { accept: 'application/json' });
    expect(json.status).toBe(200);
    expect(json.json).toMatchObject({ error: 'invalid_client', error_uri: expect.any(String) });
  });
});
