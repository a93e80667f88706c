/**
 * The resource API (RFC 6750 §3, docs/behaviours.md §5, §9, §10): Bearer checks with
 * `api.readScope`/`api.writeScope`, token expiry on the clock (`lifetimes.accessToken`),
 * the sample resources, `api.records`, userinfo, and the Basic-auth web service.
 */
import { describe, expect, it } from 'vitest';
import { authorizeAndConsent, call, firstClient, testProvider } from '../../../../mocks/testing.js';
import type { MockProvider } from '../../../../mocks/provider/provider.js';

const ACCOUNTS = '/api/0/odata/Account';

/** A client_credentials token with the given scope (rfc-strict registers read and write). */
async function tokenWith(p: MockProvider, scope?: string): Promise<{ access_token: string; expires_in?: number }> {
  const c = firstClient(p);
  const res = await call(p, '/token', { form: { grant_type: 'client_credentials', client_id: c.client_id, client_secret: c.client_secret!, ...(scope ? { scope } : {}) } });
  expect(res.status).toBe(200);
  return res.json;
}

/** A user token from the code flow (its lifetime is lifetimes.accessToken). */
async function userToken(p: MockProvider): Promise<{ access_token: string; expires_in?: number; refresh_token?: string }> {
  const c = firstClient(p);
  const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: c.client_id, redirect_uri: c.redirect_uris[0]!, scope: 'read' });
  const res = await call(p, '/token', { form: { grant_type: 'authorization_code', code: location!.searchParams.get('code')!, redirect_uri: c.redirect_uris[0]!, client_id: c.client_id, client_secret: c.client_secret! } });
  return res.json;
}

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

describe('Bearer checks', () => {
  it('no Authorization header: 401 with a bare Bearer challenge', async () => {
    const p = testProvider('rfc-strict');
    const res = await call(p, ACCOUNTS);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe(`Bearer realm="${p.issuer}"`);
    expect(res.json.message).toContain('no access token');
  });

  it('an unknown token: 401 invalid_token', async () => {
    const p = testProvider('rfc-strict');
    const res = await call(p, ACCOUNTS, { headers: bearer('at_nope') });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer .*error="invalid_token"/);
  });

  it('a malformed header: 400 invalid_request', async () => {
    const p = testProvider('rfc-strict');
    const res = await call(p, ACCOUNTS, { headers: { authorization: 'Bearer two words' } });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_request');
  });

  it('api.readScope: a GET without it is 403 insufficient_scope naming the scope', async () => {
    const p = testProvider('rfc-strict');
    const { access_token } = await tokenWith(p, 'write');
    const res = await call(p, ACCOUNTS, { headers: bearer(access_token) });
    expect(res.status).toBe(403);
    expect(res.json.error).toBe('insufficient_scope');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="[^"]+", error="insufficient_scope", .*scope="read"/);
  });

  it('api.readScope null: any valid token reads', async () => {
    const p = testProvider('rfc-strict', { switches: { api: { readScope: null } } });
    const { access_token } = await tokenWith(p, 'write');
    expect((await call(p, ACCOUNTS, { headers: bearer(access_token) })).status).toBe(200);
  });

  it('api.writeScope: a POST with only the read scope is 403, with the write scope 200', async () => {
    const p = testProvider('rfc-strict');
    const read = await tokenWith(p, 'read');
    const rest = '/api/0/rest/AccountService/Touch';
    const denied = await call(p, rest, { method: 'POST', headers: bearer(read.access_token) });
    expect(denied.status).toBe(403);
    expect(denied.headers['www-authenticate']).toContain('error="insufficient_scope"');
    expect(denied.headers['www-authenticate']).toContain('scope="write"');
    const write = await tokenWith(p, 'write');
    const ok = await call(p, rest, { method: 'POST', headers: bearer(write.access_token) });
    expect(ok.status).toBe(200);
    expect(ok.json.TouchResult).toMatchObject({ service: 'AccountService', ok: true });
  });
});

describe('lifetimes.clientCredentialsToken at the API', () => {
  it('the token works until it expires, then 401 invalid_token', async () => {
    const p = testProvider('rfc-strict', { switches: { lifetimes: { clientCredentialsToken: 300 } } });
    const { access_token, expires_in } = await tokenWith(p, 'read');
    expect(expires_in).toBe(300);
    p.context.clock.advance(299_000);
    expect((await call(p, ACCOUNTS, { headers: bearer(access_token) })).status).toBe(200);
    p.context.clock.advance(1_000);
    const res = await call(p, ACCOUNTS, { headers: bearer(access_token) });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('invalid_token');
    expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
    expect(res.json.error_description).toContain('expired');
  });

  it('null: no expires_in and the token never expires', async () => {
    const p = testProvider('rfc-strict', { switches: { lifetimes: { clientCredentialsToken: null } } });
    const tok = await tokenWith(p, 'read');
    expect(tok).not.toHaveProperty('expires_in');
    p.context.clock.advance(10 * 365 * 86_400_000);
    expect((await call(p, ACCOUNTS, { headers: bearer(tok.access_token) })).status).toBe(200);
  });
});

describe('lifetimes.accessToken at the API (code flow)', () => {
  it('the token expires on the clock; a refreshed one works again', async () => {
    const p = testProvider('rfc-strict', { switches: { lifetimes: { accessToken: 120 } } });
    const tok = await userToken(p);
    expect(tok.expires_in).toBe(120);
    p.context.clock.advance(120_000);
    const expired = await call(p, ACCOUNTS, { headers: bearer(tok.access_token) });
    expect(expired.status).toBe(401);
    expect(expired.headers['www-authenticate']).toContain('error="invalid_token"');
    const c = firstClient(p);
    const again = await call(p, '/token', { form: { grant_type: 'refresh_token', refresh_token: tok.refresh_token!, client_id: c.client_id, client_secret: c.client_secret! } });
    expect((await call(p, ACCOUNTS, { headers: bearer(again.json.access_token) })).status).toBe(200);
  });

  it('null: no expires_in and the token never expires', async () => {
    const p = testProvider('rfc-strict', { switches: { lifetimes: { accessToken: null } } });
    const tok = await userToken(p);
    expect(tok).not.toHaveProperty('expires_in');
    p.context.clock.advance(10 * 365 * 86_400_000);
    expect((await call(p, ACCOUNTS, { headers: bearer(tok.access_token) })).status).toBe(200);
  });
});

describe('resources', () => {
  it('OData 4 collection with $select, sized by api.records', async () => {
    const p = testProvider('rfc-strict', { switches: { api: { records: 3 } } });
    const { access_token } = await tokenWith(p, 'read');
    const res = await call(p, ACCOUNTS, { headers: bearer(access_token), query: { $select: 'Name,City' } });
    expect(res.json['@odata.context']).toBe(`${p.issuer}/api/0/odata/$metadata#Account`);
    expect(res.json.value).toHaveLength(3);
    expect(Object.keys(res.json.value[0]).sort()).toEqual(['City', 'Name']);
  });

  it('the same seed gives the same records', async () => {
    const a = testProvider('rfc-strict', { seed: 42 });
    const b = testProvider('rfc-strict', { seed: 42 });
    expect((await a.context.data()).accounts).toEqual((await b.context.data()).accounts);
    expect((await a.context.data()).accounts).not.toEqual((await testProvider('rfc-strict', { seed: 43 }).context.data()).accounts);
  });

  it('OData 3 collection: verbose shape with Accept: application/json;odata=verbose', async () => {
    const p = testProvider('rfc-strict');
    const { access_token } = await tokenWith(p, 'read');
    const path = '/api/0/ServiceModel/EntityDataService.svc/AccountCollection/';
    const verbose = await call(p, path, { headers: { ...bearer(access_token), accept: 'application/json;odata=verbose' }, query: { $select: 'Name' } });
    expect(verbose.json.d.results).toHaveLength(5);
    expect(verbose.headers['content-type']).toBe('application/json;odata=verbose');
    const plain = await call(p, path, { headers: bearer(access_token) });
    expect(plain.json.value).toHaveLength(5);
  });

  it('JSON select query service', async () => {
    const p = testProvider('rfc-strict');
    const { access_token } = await tokenWith(p, 'read write');
    const path = '/api/0/DataService/json/SyncReply/SelectQuery';
    const body = JSON.stringify({ rootSchemaName: 'Account', columns: { items: { Name: {} } } });
    const res = await p.handle({ method: 'POST', url: `${p.issuer}${path}`, path, query: new URLSearchParams(), headers: { ...bearer(access_token), 'content-type': 'application/json' }, body, remoteAddress: '127.0.0.1' });
    const json = JSON.parse(res.body);
    expect(json.success).toBe(true);
    expect(Object.keys(json.rows[0])).toEqual(['Name']);
  });

  it('an unknown resource is 404 JSON', async () => {
    const p = testProvider('rfc-strict');
    const { access_token } = await tokenWith(p, 'read');
    expect((await call(p, '/api/0/odata/Nothing', { headers: bearer(access_token) })).status).toBe(404);
  });
});

describe('userinfo', () => {
  it('needs a user token', async () => {
    const p = testProvider('rfc-strict');
    expect((await call(p, '/userinfo')).status).toBe(401);
    const { access_token } = await tokenWith(p, 'read');
    expect((await call(p, '/userinfo', { headers: bearer(access_token) })).status).toBe(403);
  });
});

describe('the Basic-auth web service', () => {
  const path = '/api/ws/basic/Account';
  const basicOf = (u: string, pw: string) => ({ authorization: `Basic ${Buffer.from(`${u}:${pw}`).toString('base64')}` });

  it('the right login and password get the data', async () => {
    const p = testProvider('rfc-strict');
    const res = await call(p, path, { headers: basicOf('alice', p.context.users.get('alice')!.password) });
    expect(res.status).toBe(200);
    expect(res.json.value).toHaveLength(5);
  });

  it('a wrong password is 401 with WWW-Authenticate: Basic', async () => {
    const p = testProvider('rfc-strict');
    const res = await call(p, path, { headers: basicOf('alice', 'wrong') });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect(res.json.message).toContain('wrong login or password');
  });

  it('no header is 401 with a Basic challenge and says so', async () => {
    const p = testProvider('rfc-strict');
    const res = await call(p, path);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Basic /);
    expect(res.json.message).toContain('no Authorization header');
  });

  it('a Bearer token is not accepted there', async () => {
    const p = testProvider('rfc-strict');
    const { access_token } = await tokenWith(p, 'read');
    expect((await call(p, path, { headers: bearer(access_token) })).status).toBe(401);
  });
});
