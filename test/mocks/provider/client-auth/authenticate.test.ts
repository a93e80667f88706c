/**
 * Client authentication at the token endpoint (RFC 6749 §2.3, §5.2): the `clientAuth`
 * switches and per-registration `auth_methods`. The client credentials grant is the
 * shortest request that needs client authentication, so most checks use it.
 */
import { describe, expect, it } from 'vitest';
import { basic, call, firstClient, testProvider } from '../../../../mocks/testing.js';
import type { MockProvider } from '../../../../mocks/provider/provider.js';

const SPECIAL_SECRET = 'a+b/c:d=e%f g';

function cc(p: MockProvider, c: { form?: Record<string, string>; headers?: Record<string, string>; query?: Record<string, string> } = {}) {
  return call(p, p.context.switches.paths.token, { form: { grant_type: 'client_credentials', ...c.form }, headers: c.headers ?? {}, query: c.query ?? {} });
}

function rawBasic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

describe('clientAuth.methods', () => {
  it('accepts Basic and body credentials when both are allowed', async () => {
    const p = testProvider('rfc-strict');
    const c = firstClient(p);
    expect((await cc(p, { headers: { authorization: basic(c.client_id, c.client_secret!) } })).status).toBe(200);
    expect((await cc(p, { form: { client_id: c.client_id, client_secret: c.client_secret! } })).status).toBe(200);
  });

  it('Basic only: body credentials get invalid_client 401 naming the accepted placement', async () => {
    const p = testProvider('rfc-strict', { switches: { clientAuth: { methods: ['client_secret_basic'] } } });
    const c = firstClient(p);
    const res = await cc(p, { form: { client_id: c.client_id, client_secret: c.client_secret! } });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('invalid_client');
    expect(res.json.error_description).toContain('client_secret_basic');
    expect((await cc(p, { headers: { authorization: basic(c.client_id, c.client_secret!) } })).status).toBe(200);
  });

  it('body only: a Basic header gets invalid_client 401 with a Basic challenge', async () => {
    const p = testProvider('rfc-strict', { switches: { clientAuth: { methods: ['client_secret_post'] } } });
    const c = firstClient(p);
    const res = await cc(p, { headers: { authorization: basic(c.client_id, c.client_secret!) } });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('invalid_client');
    expect(res.headers['www-authenticate']).toMatch(/^Basic /);
  });

  it('query credentials on a POST are refused unless client_secret_query is allowed', async () => {
    const query = (p: MockProvider) => ({ client_id: firstClient(p).client_id, client_secret: firstClient(p).client_secret! });
    const strict = testProvider('rfc-strict');
    const refused = await cc(strict, { query: query(strict) });
    expect(refused.status).toBe(401);
    expect(refused.json.error).toBe('invalid_client');
    const lax = testProvider('rfc-strict', { switches: { clientAuth: { methods: ['client_secret_query'] } } });
    expect((await cc(lax, { query: query(lax) })).status).toBe(200);
  });

  it('a registration fixed to one method refuses the other although the provider allows it', async () => {
    const p = testProvider('rfc-strict', { clients: [{ client_id: 'harness-client', auth_methods: ['client_secret_post'] }] });
    const c = firstClient(p);
    expect((await cc(p, { headers: { authorization: basic(c.client_id, c.client_secret!) } })).json.error).toBe('invalid_client');
    expect((await cc(p, { form: { client_id: c.client_id, client_secret: c.client_secret! } })).status).toBe(200);
  });
});

describe('clientAuth.rejectMultiple', () => {
  it('true: Basic plus a body secret is invalid_request 400', async () => {
    const p = testProvider('rfc-strict');
    const c = firstClient(p);
    const res = await cc(p, { headers: { authorization: basic(c.client_id, c.client_secret!) }, form: { client_id: c.client_id, client_secret: c.client_secret! } });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_request');
    expect(res.json.error_description).toContain('more than one');
  });

  it('false: the same request is accepted', async () => {
    const p = testProvider('rfc-strict', { switches: { clientAuth: { rejectMultiple: false } } });
    const c = firstClient(p);
    const res = await cc(p, { headers: { authorization: basic(c.client_id, c.client_secret!) }, form: { client_id: c.client_id, client_secret: c.client_secret! } });
    expect(res.status).toBe(200);
  });
});

describe('clientAuth.basicEncoding', () => {
  const withSecret = (encoding: 'form-urlencoded' | 'raw') =>
    testProvider('rfc-strict', { switches: { clientAuth: { basicEncoding: encoding } }, clients: [{ client_id: 'harness-client', client_secret: SPECIAL_SECRET }] });

  it('form-urlencoded: urlencode-then-base64 is accepted, raw base64(id:secret) is not', async () => {
    const p = withSecret('form-urlencoded');
    expect((await cc(p, { headers: { authorization: basic('harness-client', SPECIAL_SECRET) } })).status).toBe(200);
    const raw = await cc(p, { headers: { authorization: rawBasic('harness-client', SPECIAL_SECRET) } });
    expect(raw.status).toBe(401);
    expect(raw.json.error).toBe('invalid_client');
  });

  it('raw: raw base64(id:secret) is accepted, the form-urlencoded form is not', async () => {
    const p = withSecret('raw');
    expect((await cc(p, { headers: { authorization: rawBasic('harness-client', SPECIAL_SECRET) } })).status).toBe(200);
    const encoded = await cc(p, { headers: { authorization: basic('harness-client', SPECIAL_SECRET) } });
    expect(encoded.status).toBe(401);
    expect(encoded.json.error).toBe('invalid_client');
  });

  it('a Basic value without a colon is invalid_client', async () => {
    const p = testProvider('rfc-strict');
    const res = await cc(p, { headers: { authorization: `Basic ${Buffer.from('no-colon').toString('base64')}` } });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('invalid_client');
  });
});

describe('clientAuth.invalidClientStatus', () => {
  it('400: a wrong body secret gets 400 invalid_client without a challenge', async () => {
    const p = testProvider('rfc-strict', { switches: { clientAuth: { invalidClientStatus: 400 } } });
    const res = await cc(p, { form: { client_id: firstClient(p).client_id, client_secret: 'wrong' } });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_client');
    expect(res.headers['www-authenticate']).toBeUndefined();
  });

  it('401: a wrong body secret gets 401 invalid_client', async () => {
    const p = testProvider('rfc-strict', { switches: { clientAuth: { invalidClientStatus: 401 } } });
    const res = await cc(p, { form: { client_id: firstClient(p).client_id, client_secret: 'wrong' } });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('invalid_client');
  });

  it('a failed Basic authentication is 401 with WWW-Authenticate: Basic whatever the switch says', async () => {
    const p = testProvider('rfc-strict', { switches: { clientAuth: { invalidClientStatus: 400 } } });
    const res = await cc(p, { headers: { authorization: basic(firstClient(p).client_id, 'wrong') } });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('invalid_client');
    expect(res.headers['www-authenticate']).toMatch(/^Basic realm=/);
  });
});

describe('other client authentication failures', () => {
  it('an unknown client id is invalid_client', async () => {
    const p = testProvider('rfc-strict');
    const res = await cc(p, { headers: { authorization: basic('nobody', 'x') } });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('invalid_client');
  });

  it('no credentials at all is invalid_client', async () => {
    const p = testProvider('rfc-strict');
    const res = await cc(p);
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('invalid_client');
  });

  it('a confidential client sending only client_id is invalid_client', async () => {
    const p = testProvider('rfc-strict');
    const res = await cc(p, { form: { client_id: firstClient(p).client_id } });
    expect(res.json.error).toBe('invalid_client');
  });

  it('a body client_id different from the Basic id is invalid_request', async () => {
    const p = testProvider('rfc-strict');
    const c = firstClient(p);
    const res = await cc(p, { headers: { authorization: basic(c.client_id, c.client_secret!) }, form: { client_id: 'someone-else' } });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_request');
  });
});
