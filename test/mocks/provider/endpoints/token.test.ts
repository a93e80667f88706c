/**
 * The token endpoint's own checks (RFC 6749 §3.2, §5.2): HTTP method
 * (`tokenEndpoint.methods`), body type, repeated parameters, `grant_type`, the client's
 * allowed grants, and the client credentials grant (RFC 6749 §4.4).
 */
import { describe, expect, it } from 'vitest';
import { basic, call, firstClient, testProvider } from '../../../../mocks/testing.js';
import type { MockProvider } from '../../../../mocks/provider/provider.js';

function creds(p: MockProvider) {
  const c = firstClient(p);
  return { client_id: c.client_id, client_secret: c.client_secret! };
}

describe('tokenEndpoint.methods', () => {
  it('POST only: a GET is refused with 405 and an Allow header', async () => {
    const p = testProvider('rfc-strict');
    const res = await call(p, '/token', { method: 'GET', query: { grant_type: 'client_credentials', ...creds(p) } });
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('POST');
    expect(res.json.error).toBe('invalid_request');
  });

  it('GET allowed: every parameter is read from the query', async () => {
    const p = testProvider('rfc-strict', { switches: { tokenEndpoint: { methods: ['GET', 'POST'] }, clientAuth: { methods: ['client_secret_query'] } } });
    const res = await call(p, '/token', { method: 'GET', query: { grant_type: 'client_credentials', ...creds(p) } });
    expect(res.status).toBe(200);
    expect(res.json.access_token).toBeTruthy();
  });
});

describe('request checks', () => {
  it('a body that is not form-urlencoded is invalid_request', async () => {
    const p = testProvider('rfc-strict');
    const res = await p.handle({
      method: 'POST',
      url: `${p.issuer}/token`,
      path: '/token',
      query: new URLSearchParams(),
      headers: { 'content-type': 'application/json', authorization: basic(creds(p).client_id, creds(p).client_secret) },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
      remoteAddress: '127.0.0.1',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toBe('invalid_request');
  });

  it('a repeated parameter is invalid_request', async () => {
    const p = testProvider('rfc-strict');
    const form = new URLSearchParams({ grant_type: 'client_credentials', ...creds(p) });
    form.append('scope', 'read');
    form.append('scope', 'write');
    const res = await call(p, '/token', { form });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_request');
    expect(res.json.error_description).toContain("'scope' is repeated");
  });

  it('a missing grant_type is invalid_request', async () => {
    const p = testProvider('rfc-strict');
    const res = await call(p, '/token', { form: creds(p) });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_request');
    expect(res.json.error_description).toContain('grant_type');
  });

  it('an unknown grant_type is unsupported_grant_type', async () => {
    const p = testProvider('rfc-strict');
    for (const grant_type of ['password', 'urn:ietf:params:oauth:grant-type:device_code', 'constructor', 'toString']) {
      const res = await call(p, '/token', { form: { grant_type, ...creds(p) } });
      expect(res.status, grant_type).toBe(400);
      expect(res.json.error, grant_type).toBe('unsupported_grant_type');
    }
  });

  it('a grant the registration does not allow is unauthorized_client', async () => {
    const p = testProvider('rfc-strict', { clients: [{ client_id: 'harness-client', grant_types: ['authorization_code', 'refresh_token'] }] });
    const res = await call(p, '/token', { form: { grant_type: 'client_credentials', ...creds(p) } });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('unauthorized_client');
  });

  it('client authentication is checked before grant_type', async () => {
    const p = testProvider('rfc-strict');
    const res = await call(p, '/token', { form: { grant_type: 'nonsense', client_id: 'harness-client', client_secret: 'wrong' } });
    expect(res.json.error).toBe('invalid_client');
  });
});

describe('client credentials grant', () => {
  it('issues a token with the default scope and lifetimes.clientCredentialsToken', async () => {
    const p = testProvider('rfc-strict', { switches: { lifetimes: { clientCredentialsToken: 1234, accessToken: 99 } } });
    const res = await call(p, '/token', { form: { grant_type: 'client_credentials', ...creds(p) } });
    expect(res.status).toBe(200);
    expect(res.json.expires_in).toBe(1234);
    expect(res.json.scope).toBe('read'); // a default scope differs from the (absent) request: RFC 6749 §3.3, §5.1
    expect(res.json.refresh_token).toBeUndefined();
    expect(p.context.store.accessTokens.get(res.json.access_token)?.scopes).toEqual(['read']);
  });

  it('an unregistered scope is invalid_scope under onUnregistered: reject', async () => {
    const p = testProvider('rfc-strict');
    const res = await call(p, '/token', { form: { grant_type: 'client_credentials', scope: 'read admin', ...creds(p) } });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_scope');
  });

  it('an unregistered scope is dropped under onUnregistered: narrow', async () => {
    const p = testProvider('rfc-strict', { switches: { scopes: { onUnregistered: 'narrow' } } });
    const res = await call(p, '/token', { form: { grant_type: 'client_credentials', scope: 'read admin', ...creds(p) } });
    expect(res.status).toBe(200);
    expect(res.json.scope).toBe('read');
  });

  it('a public client may not use it', async () => {
    const p = testProvider('rfc-strict', { clients: [{ client_id: 'spa', public: true, redirect_uris: ['https://client.example.test/spa'] }] });
    const res = await call(p, '/token', { form: { grant_type: 'client_credentials', client_id: 'spa' } });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('unauthorized_client');
  });
});

describe('unknown paths', () => {
  it('answer a 404 HTML page, not JSON (a wrong token URL)', async () => {
    const p = testProvider('rfc-strict');
    const res = await call(p, '/oauth/token', { form: { grant_type: 'client_credentials', ...creds(p) } });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });
});
