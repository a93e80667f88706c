/**
 * Token introspection (RFC 7662 §2): `introspection.enabled`, client authentication,
 * and `active` for live, expired, revoked, rotated and unknown tokens.
 */
import { describe, expect, it } from 'vitest';
import { authorizeAndConsent, basic, call, firstClient, testProvider } from '../../../../mocks/testing.js';
import type { MockProvider } from '../../../../mocks/provider/provider.js';

function secretOf(p: MockProvider) {
  const c = firstClient(p);
  return { client_id: c.client_id, client_secret: c.client_secret! };
}

async function connect(p: MockProvider, username = 'alice') {
  const c = firstClient(p);
  const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: c.client_id, redirect_uri: c.redirect_uris[0]!, scope: 'read write' }, { username });
  const res = await call(p, '/token', { form: { grant_type: 'authorization_code', code: location!.searchParams.get('code')!, redirect_uri: c.redirect_uris[0]!, ...secretOf(p) } });
  return res.json as { access_token: string; refresh_token: string };
}

const introspect = (p: MockProvider, token: string) => call(p, '/introspect', { form: { token, ...secretOf(p) } });

describe('introspection.enabled', () => {
  it('false: no endpoint', async () => {
    const p = testProvider('rfc-strict', { switches: { introspection: { enabled: false } } });
    expect((await introspect(p, 'x')).status).toBe(404);
  });
});

describe('introspection', () => {
  it('a live access token is active with its scope, client, user and expiry', async () => {
    const p = testProvider('rfc-strict');
    const { access_token } = await connect(p, 'carol');
    const res = await introspect(p, access_token);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json).toMatchObject({ active: true, scope: 'read write', client_id: 'harness-client', sub: 'carol', iss: p.issuer });
    expect(res.json.exp).toBe(Math.floor(p.context.clock.now() / 1000) + 3600);
  });

  it('an expired access token is inactive', async () => {
    const p = testProvider('rfc-strict');
    const { access_token } = await connect(p);
    p.context.clock.advance(3600_000);
    expect((await introspect(p, access_token)).json).toEqual({ active: false });
  });

  it('a revoked token is inactive', async () => {
    const p = testProvider('rfc-strict');
    const { access_token, refresh_token } = await connect(p);
    await call(p, '/revoke', { form: { token: refresh_token, ...secretOf(p) } });
    expect((await introspect(p, access_token)).json.active).toBe(false);
    expect((await introspect(p, refresh_token)).json.active).toBe(false);
  });

  it('a refresh token is active until rotated', async () => {
    const p = testProvider('rfc-strict', { switches: { refresh: { rotation: 'rotate' } } });
    const { refresh_token } = await connect(p);
    expect((await introspect(p, refresh_token)).json).toMatchObject({ active: true, token_type: 'refresh_token' });
    await call(p, '/token', { form: { grant_type: 'refresh_token', refresh_token, ...secretOf(p) } });
    expect((await introspect(p, refresh_token)).json.active).toBe(false);
  });

  it('an unknown token is inactive', async () => {
    expect((await introspect(testProvider('rfc-strict'), 'nope')).json).toEqual({ active: false });
  });

  it('needs client authentication', async () => {
    const p = testProvider('rfc-strict');
    const res = await call(p, '/introspect', { form: { token: 'x' }, headers: { authorization: basic('harness-client', 'wrong') } });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('invalid_client');
  });

  it('needs a token and POST', async () => {
    const p = testProvider('rfc-strict');
    expect((await call(p, '/introspect', { form: secretOf(p) })).json.error).toBe('invalid_request');
    expect((await call(p, '/introspect', { query: { token: 'x' } })).status).toBe(405);
  });
});
