/**
 * Token revocation (RFC 7009 §2, docs/behaviours.md §8): `revocation.enabled`, `style`
 * (200 for unknown tokens, or Google/Salesforce's 400 `invalid_token`) and `cascade`.
 */
import { describe, expect, it } from 'vitest';
import { authorizeAndConsent, basic, call, firstClient, testProvider } from '../../../../mocks/testing.js';
import type { MockProvider } from '../../../../mocks/provider/provider.js';

function secretOf(p: MockProvider) {
  const c = firstClient(p);
  return { client_id: c.client_id, client_secret: c.client_secret! };
}

async function connect(p: MockProvider) {
  const c = firstClient(p);
  const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: c.client_id, redirect_uri: c.redirect_uris[0]!, scope: 'read' });
  const res = await call(p, '/token', { form: { grant_type: 'authorization_code', code: location!.searchParams.get('code')!, redirect_uri: c.redirect_uris[0]!, ...secretOf(p) } });
  return res.json as { access_token: string; refresh_token: string };
}

function revoke(p: MockProvider, token: string, extra: Record<string, string> = {}) {
  return call(p, p.context.switches.paths.revocation, { form: { token, ...secretOf(p), ...extra } });
}

const apiStatus = (p: MockProvider, at: string) => call(p, '/api/0/odata/Account', { headers: { authorization: `Bearer ${at}` } }).then((r) => r.status);
const refreshError = (p: MockProvider, rt: string) => call(p, '/token', { form: { grant_type: 'refresh_token', refresh_token: rt, ...secretOf(p) } }).then((r) => r.json.error as string | undefined);

describe('revocation.enabled', () => {
  it('true: the endpoint answers', async () => {
    const p = testProvider('rfc-strict');
    expect((await revoke(p, 'unknown')).status).toBe(200);
  });

  it('false: there is no endpoint (404)', async () => {
    const p = testProvider('rfc-strict', { switches: { revocation: { enabled: false } } });
    expect((await revoke(p, 'unknown')).status).toBe(404);
  });
});

describe('revocation.style', () => {
  it('rfc7009: revoked and unknown tokens both get 200 with an empty body', async () => {
    const p = testProvider('rfc-strict');
    const { refresh_token } = await connect(p);
    const first = await revoke(p, refresh_token, { token_type_hint: 'refresh_token' });
    expect(first.status).toBe(200);
    expect(first.body).toBe('');
    expect((await revoke(p, refresh_token)).status).toBe(200);
    expect((await revoke(p, 'never-issued')).status).toBe(200);
  });

  it('invalid-token-400: an unknown or already revoked token is 400 invalid_token', async () => {
    const p = testProvider('rfc-strict', { switches: { revocation: { style: 'invalid-token-400' } } });
    const unknown = await revoke(p, 'never-issued');
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toBe('invalid_token');
    const { refresh_token } = await connect(p);
    expect((await revoke(p, refresh_token)).status).toBe(200);
    expect((await revoke(p, refresh_token)).json.error).toBe('invalid_token');
  });

  it('invalid-token-400: an expired access token is 400 invalid_token', async () => {
    const p = testProvider('rfc-strict', { switches: { revocation: { style: 'invalid-token-400' } } });
    const { access_token } = await connect(p);
    p.context.clock.advance(3600_000);
    expect((await revoke(p, access_token)).json.error).toBe('invalid_token');
  });

  it('invalid-token-400: an expired refresh token is 400 invalid_token', async () => {
    const p = testProvider('rfc-strict', { switches: { revocation: { style: 'invalid-token-400' }, lifetimes: { refreshToken: 60 } } });
    const { refresh_token } = await connect(p);
    p.context.clock.advance(60_000);
    expect((await revoke(p, refresh_token)).json.error).toBe('invalid_token');
  });
});

describe('revocation.cascade', () => {
  it('true: revoking a refresh token kills the grant and its access tokens', async () => {
    const p = testProvider('rfc-strict');
    const { access_token, refresh_token } = await connect(p);
    expect(await apiStatus(p, access_token)).toBe(200);
    expect((await revoke(p, refresh_token)).status).toBe(200);
    expect(await apiStatus(p, access_token)).toBe(401);
    expect(await refreshError(p, refresh_token)).toBe('invalid_grant');
  });

  it('false: revoking a refresh token leaves the access tokens working', async () => {
    const p = testProvider('rfc-strict', { switches: { revocation: { cascade: false } } });
    const { access_token, refresh_token } = await connect(p);
    expect((await revoke(p, refresh_token)).status).toBe(200);
    expect(await refreshError(p, refresh_token)).toBe('invalid_grant');
    expect(await apiStatus(p, access_token)).toBe(200);
  });

  it('false: the revoked refresh token no longer counts for oncePerUser', async () => {
    const p = testProvider('rfc-strict', { switches: { revocation: { cascade: false }, refresh: { oncePerUser: true } } });
    const { refresh_token } = await connect(p);
    expect((await connect(p)).refresh_token).toBeUndefined();
    await revoke(p, refresh_token);
    expect((await connect(p)).refresh_token).toBeTruthy();
  });

  it('revoking an access token leaves the refresh token working', async () => {
    const p = testProvider('rfc-strict');
    const { access_token, refresh_token } = await connect(p);
    expect((await revoke(p, access_token, { token_type_hint: 'access_token' })).status).toBe(200);
    expect(await apiStatus(p, access_token)).toBe(401);
    expect(await refreshError(p, refresh_token)).toBeUndefined();
  });
});

describe('revocation requests', () => {
  it('need client authentication: bad credentials are 401 invalid_client', async () => {
    const p = testProvider('rfc-strict');
    const { refresh_token } = await connect(p);
    const res = await call(p, '/revoke', { form: { token: refresh_token }, headers: { authorization: basic(firstClient(p).client_id, 'wrong') } });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('invalid_client');
    expect(await refreshError(p, refresh_token)).toBeUndefined();
  });

  it('without token are 400 invalid_request', async () => {
    const p = testProvider('rfc-strict');
    const res = await call(p, '/revoke', { form: secretOf(p) });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_request');
  });

  it('by GET are refused', async () => {
    const p = testProvider('rfc-strict');
    expect((await call(p, '/revoke', { query: { token: 'x' } })).status).toBe(405);
  });

  it('may not revoke another client\'s token', async () => {
    const p = testProvider('rfc-strict', { clients: [{ client_id: 'other', client_secret: 'other-secret' }] });
    const { refresh_token } = await connect(p);
    const res = await call(p, '/revoke', { form: { token: refresh_token, client_id: 'other', client_secret: 'other-secret' } });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('unauthorized_client');
    expect(await refreshError(p, refresh_token)).toBeUndefined();
  });
});
