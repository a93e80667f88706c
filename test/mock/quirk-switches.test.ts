/**
 * Provider behaviours the scenario format could not express (issue 12, items 11 and 12),
 * each a switch of the mock, shown on the wire: an expiry the response does not announce
 * (and salesforce-like, which sends none), a redirect without `state`, `client_id` required
 * beside Basic, a provider clock that runs ahead, `refresh_token_expires_in`, any
 * `token_type`, and error bodies of another shape (Slack, HubSpot).
 */
import { describe, expect, it } from 'vitest';
import { authorizeAndConsent, basic, call, firstClient, testProvider } from '../../mocks/testing.js';
import type { MockProvider } from '../../mocks/provider/provider.js';

async function login(p: MockProvider, scope: string, extra: Record<string, string> = {}) {
  const c = firstClient(p);
  const { location } = await authorizeAndConsent(p, { client_id: c.client_id, response_type: 'code', redirect_uri: c.redirect_uris[0]!, scope, state: 'st-'.padEnd(30, 'x'), ...extra });
  return { c, location: location! };
}

async function tokens(p: MockProvider, scope: string, o: { body?: boolean; extra?: Record<string, string> } = {}) {
  const { c, location } = await login(p, scope);
  const form: Record<string, string> = { grant_type: 'authorization_code', code: location.searchParams.get('code')!, redirect_uri: c.redirect_uris[0]! };
  const res = o.body
    ? await call(p, p.context.switches.paths.token, { form: { ...form, client_id: c.client_id, client_secret: c.client_secret!, ...o.extra } })
    : await call(p, p.context.switches.paths.token, { form: { ...form, ...o.extra }, headers: { authorization: basic(c.client_id, c.client_secret!) } });
  return { c, res };
}

const api = (p: MockProvider, token: string) => call(p, '/api/0/odata/Account', { headers: { authorization: `Bearer ${token}` } });

describe('item 11: tokens that expire without saying so', () => {
  it('salesforce-like sends no expires_in, and its token still stops working after the session timeout (7200 s)', async () => {
    const p = testProvider('salesforce-like');
    const { res } = await tokens(p, 'api', { body: true });
    expect(res.status).toBe(200);
    expect(res.json).not.toHaveProperty('expires_in');
    expect((await api(p, res.json.access_token)).status).toBe(200);
    p.context.clock.advance(7200 * 1000);
    expect((await api(p, res.json.access_token)).status).toBe(401);
  });
  it('tokenResponse.expiresIn: omit on any profile', async () => {
    const p = testProvider('rfc-strict', { switches: { tokenResponse: { expiresIn: 'omit' }, lifetimes: { accessToken: 60 } } });
    const { res } = await tokens(p, 'read');
    expect(res.json).not.toHaveProperty('expires_in');
    p.context.clock.advance(61_000);
    expect((await api(p, res.json.access_token)).status).toBe(401);
  });
});

describe('item 12: behaviours of real providers', () => {
  it('authorize.echoState: false: the redirect (code or error) comes back without state', async () => {
    const p = testProvider('rfc-strict', { switches: { authorize: { echoState: false } } });
    const { location } = await login(p, 'read');
    expect(location.searchParams.get('code')).toBeTruthy();
    expect(location.searchParams.has('state')).toBe(false);
  });

  it('clientAuth.requireClientIdInBody: Basic alone is refused with invalid_request naming client_id; with client_id it works', async () => {
    const p = testProvider('rfc-strict', { switches: { clientAuth: { requireClientIdInBody: true } } });
    const refused = await tokens(p, 'read');
    expect(refused.res.status).toBe(400);
    expect(refused.res.json).toMatchObject({ error: 'invalid_request', error_description: 'client_id is required in the request body' });
    const ok = await tokens(p, 'read', { extra: { client_id: firstClient(p).client_id } });
    expect(ok.res.status).toBe(200);
  });

  it('lifetimes.clockSkew: a provider clock an hour ahead issues tokens already expired on arrival, with expires_in 3600', async () => {
    const p = testProvider('rfc-strict', { switches: { lifetimes: { clockSkew: 3600 } } });
    const { res } = await tokens(p, 'read');
    expect(res.json.expires_in).toBe(3600);
    expect((await api(p, res.json.access_token)).status).toBe(401);
    const q = testProvider('rfc-strict', { switches: { lifetimes: { clockSkew: 60 } } });
    const fine = await tokens(q, 'read');
    expect((await api(q, fine.res.json.access_token)).status).toBe(200);
  });

  it('zero lifetimes: expires_in 0 and a token the API refuses at once', async () => {
    const p = testProvider('rfc-strict', { switches: { lifetimes: { accessToken: 0 } } });
    const { res } = await tokens(p, 'read');
    expect(res.json.expires_in).toBe(0);
    expect((await api(p, res.json.access_token)).status).toBe(401);
  });

  it('tokenResponse.refreshTokenExpiresIn: refresh_token_expires_in beside an expiring refresh token only', async () => {
    const p = testProvider('rfc-strict', { switches: { tokenResponse: { refreshTokenExpiresIn: true }, lifetimes: { refreshToken: 5184000 } } });
    expect((await tokens(p, 'read')).res.json).toMatchObject({ refresh_token: expect.any(String), refresh_token_expires_in: 5184000 });
    const q = testProvider('rfc-strict', { switches: { tokenResponse: { refreshTokenExpiresIn: true }, lifetimes: { refreshToken: null } } });
    expect((await tokens(q, 'read')).res.json).not.toHaveProperty('refresh_token_expires_in');
  });

  it('tokenResponse.tokenType: any value (mac, N_A), or omitted', async () => {
    for (const t of ['mac', 'N_A', 'Bearer']) {
      const p = testProvider('rfc-strict', { switches: { tokenResponse: { tokenType: t } } });
      expect((await tokens(p, 'read')).res.json.token_type).toBe(t);
    }
    const p = testProvider('rfc-strict', { switches: { tokenResponse: { tokenType: 'omit' } } });
    expect((await tokens(p, 'read')).res.json).not.toHaveProperty('token_type');
  });

  it('errors.shape and errors.status: Slack {ok:false,error} with HTTP 200, HubSpot {status,message,correlationId} with 400', async () => {
    const slack = testProvider('rfc-strict', { switches: { errors: { shape: { ok: false, error: '{error}' }, status: 200 } } });
    const s = await call(slack, '/token', { form: { grant_type: 'authorization_code', code: 'nope', redirect_uri: 'x' }, headers: { authorization: basic(firstClient(slack).client_id, firstClient(slack).client_secret!) } });
    expect(s.status).toBe(200);
    expect(s.json).toEqual({ ok: false, error: 'invalid_grant' });
    const hubspot = testProvider('rfc-strict', { switches: { errors: { shape: { status: 'BAD_AUTH_CODE', message: '{error_description}', correlationId: '2f1e-77' } } } });
    const h = await call(hubspot, '/token', { form: { grant_type: 'authorization_code', code: 'nope', redirect_uri: 'x' }, headers: { authorization: basic(firstClient(hubspot).client_id, firstClient(hubspot).client_secret!) } });
    expect(h.status).toBe(400);
    expect(h.json).toEqual({ status: 'BAD_AUTH_CODE', message: 'authorization code is invalid', correlationId: '2f1e-77' });
  });
});
