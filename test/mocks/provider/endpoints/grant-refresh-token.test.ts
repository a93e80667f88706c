/**
 * Refresh tokens (RFC 6749 §6, RFC 9700 §4.14.2, docs/behaviours.md §7): when one is issued
 * (`refresh.policy`, `oncePerUser`, `forceConsentParam`, `forClientCredentials`), what a
 * refresh returns (`rotation`), what reuse does (`reuseDetection`, `gracePeriod`),
 * lifetimes, provider-side revocation, and a storm of concurrent refreshes.
 */
import { describe, expect, it } from 'vitest';
import { authorizeAndConsent, call, firstClient, testProvider } from '../../../../mocks/testing.js';
import type { MockProvider } from '../../../../mocks/provider/provider.js';

function secretOf(p: MockProvider) {
  const c = firstClient(p);
  return { client_id: c.client_id, client_secret: c.client_secret! };
}

/** A full login for `username`; returns the token response body. */
async function connect(p: MockProvider, params: Record<string, string> = {}, username = 'alice') {
  const c = firstClient(p);
  const redirect_uri = c.redirect_uris[0]!;
  const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: c.client_id, redirect_uri, scope: 'read', ...params }, { username });
  const code = location?.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  const res = await call(p, p.context.switches.paths.token, { form: { grant_type: 'authorization_code', code, redirect_uri, ...secretOf(p) } });
  expect(res.status).toBe(200);
  return res.json as { access_token: string; refresh_token?: string; scope?: string; expires_in?: number };
}

function refresh(p: MockProvider, refresh_token: string, extra: Record<string, string> = {}) {
  return call(p, p.context.switches.paths.token, { form: { grant_type: 'refresh_token', refresh_token, ...secretOf(p), ...extra } });
}

function apiStatus(p: MockProvider, accessToken: string) {
  return call(p, '/api/0/odata/Account', { headers: { authorization: `Bearer ${accessToken}` } }).then((r) => r.status);
}

/** rfc-strict with offline_access registered, plus switch overrides. */
function strict(switches: Record<string, unknown> = {}) {
  return testProvider('rfc-strict', { switches, clients: [{ client_id: 'harness-client', scopes: ['read', 'write', 'offline_access', 'openid'] }] });
}

describe('refresh.policy', () => {
  it('always: every consent gets a refresh token', async () => {
    expect((await connect(strict({ refresh: { policy: 'always' } }))).refresh_token).toBeTruthy();
  });

  it('never: no consent gets one', async () => {
    const p = strict({ refresh: { policy: 'never' } });
    expect((await connect(p, { scope: 'read offline_access', access_type: 'offline' })).refresh_token).toBeUndefined();
  });

  it('offline-scope: only when the offline scope is granted', async () => {
    const p = strict({ refresh: { policy: 'offline-scope' } });
    expect((await connect(p, { scope: 'read' })).refresh_token).toBeUndefined();
    expect((await connect(p, { scope: 'read offline_access' })).refresh_token).toBeTruthy();
  });

  it('offline-scope: unticking the offline scope at consent means no refresh token', async () => {
    const p = strict({ refresh: { policy: 'offline-scope' } });
    const c = firstClient(p);
    const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: c.client_id, redirect_uri: c.redirect_uris[0]!, scope: 'read offline_access' }, { scopes: ['read'] });
    const tok = await call(p, '/token', { form: { grant_type: 'authorization_code', code: location!.searchParams.get('code')!, redirect_uri: c.redirect_uris[0]!, ...secretOf(p) } });
    expect(tok.json.refresh_token).toBeUndefined();
  });

  it('offline-scope: a custom offlineScope is the one that counts', async () => {
    const p = strict({ refresh: { policy: 'offline-scope', offlineScope: 'write' } });
    expect((await connect(p, { scope: 'read offline_access' })).refresh_token).toBeUndefined();
    expect((await connect(p, { scope: 'read write' })).refresh_token).toBeTruthy();
  });

  it('offline-param: only with the offline parameter and value', async () => {
    const p = strict({ refresh: { policy: 'offline-param' } });
    expect((await connect(p)).refresh_token).toBeUndefined();
    expect((await connect(p, { access_type: 'online' })).refresh_token).toBeUndefined();
    expect((await connect(p, { access_type: 'offline' })).refresh_token).toBeTruthy();
  });

  it('offline-param: a custom offlineParam is the one that counts (Dropbox token_access_type)', async () => {
    const p = strict({ refresh: { policy: 'offline-param', offlineParam: { name: 'token_access_type', value: 'offline' } } });
    expect((await connect(p, { access_type: 'offline' })).refresh_token).toBeUndefined();
    expect((await connect(p, { token_access_type: 'offline' })).refresh_token).toBeTruthy();
  });

  it('a client without the refresh_token grant never gets one', async () => {
    const p = testProvider('rfc-strict', { clients: [{ client_id: 'harness-client', grant_types: ['authorization_code'] }] });
    expect((await connect(p)).refresh_token).toBeUndefined();
  });
});

describe('refresh.oncePerUser and forceConsentParam', () => {
  const google = () => strict({ refresh: { policy: 'offline-param', oncePerUser: true, forceConsentParam: { name: 'prompt', value: 'consent' } } });

  it('only the first consent of a user gets a refresh token', async () => {
    const p = google();
    expect((await connect(p, { access_type: 'offline' })).refresh_token).toBeTruthy();
    expect((await connect(p, { access_type: 'offline' })).refresh_token).toBeUndefined();
    expect((await connect(p, { access_type: 'offline' }, 'bob')).refresh_token).toBeTruthy();
  });

  it('the force-consent parameter gets a new one', async () => {
    const p = google();
    await connect(p, { access_type: 'offline' });
    expect((await connect(p, { access_type: 'offline', prompt: 'consent' })).refresh_token).toBeTruthy();
  });

  it('without forceConsentParam, prompt=consent does not help', async () => {
    const p = strict({ refresh: { policy: 'offline-param', oncePerUser: true } });
    await connect(p, { access_type: 'offline' });
    expect((await connect(p, { access_type: 'offline', prompt: 'consent' })).refresh_token).toBeUndefined();
  });

  it('oncePerUser false: every offline consent gets one', async () => {
    const p = strict({ refresh: { policy: 'offline-param', oncePerUser: false } });
    await connect(p, { access_type: 'offline' });
    expect((await connect(p, { access_type: 'offline' })).refresh_token).toBeTruthy();
  });

  it('revoking the earlier grant at the revocation endpoint lets a new consent get one again', async () => {
    const p = google();
    const first = await connect(p, { access_type: 'offline' });
    const rev = await call(p, '/revoke', { form: { token: first.refresh_token!, token_type_hint: 'refresh_token', ...secretOf(p) } });
    expect(rev.status).toBe(200);
    expect((await connect(p, { access_type: 'offline' })).refresh_token).toBeTruthy();
  });

  it('revoking the grant at the provider (revokeGrants) does the same', async () => {
    const p = google();
    await connect(p, { access_type: 'offline' });
    expect(p.revokeGrants('alice')).toBe(1);
    expect((await connect(p, { access_type: 'offline' })).refresh_token).toBeTruthy();
  });
});

describe('refresh.rotation', () => {
  it('keep: the refresh response has no refresh token and the old one keeps working', async () => {
    const p = strict({ refresh: { rotation: 'keep' } });
    const { refresh_token } = await connect(p);
    const r1 = await refresh(p, refresh_token!);
    expect(r1.status).toBe(200);
    expect(r1.json.refresh_token).toBeUndefined();
    expect(r1.json.access_token).toBeTruthy();
    expect((await refresh(p, refresh_token!)).status).toBe(200);
  });

  it('rotate: a new refresh token; the old one is invalid_grant', async () => {
    const p = strict({ refresh: { rotation: 'rotate', reuseDetection: 'reject' } });
    const { refresh_token } = await connect(p);
    const r1 = await refresh(p, refresh_token!);
    expect(r1.json.refresh_token).toBeTruthy();
    expect(r1.json.refresh_token).not.toBe(refresh_token);
    const reuse = await refresh(p, refresh_token!);
    expect(reuse.status).toBe(400);
    expect(reuse.json.error).toBe('invalid_grant');
    expect((await refresh(p, r1.json.refresh_token)).status).toBe(200);
  });

  it('rotate-keep-old: a new refresh token, and the old one stays valid', async () => {
    const p = strict({ refresh: { rotation: 'rotate-keep-old' } });
    const { refresh_token } = await connect(p);
    const r1 = await refresh(p, refresh_token!);
    expect(r1.json.refresh_token).toBeTruthy();
    expect((await refresh(p, refresh_token!)).status).toBe(200);
    expect((await refresh(p, r1.json.refresh_token)).status).toBe(200);
  });
});

describe('refresh.reuseDetection', () => {
  it('reject: reuse fails but the rest of the grant lives', async () => {
    const p = strict({ refresh: { rotation: 'rotate', reuseDetection: 'reject' } });
    const { refresh_token } = await connect(p);
    const r1 = await refresh(p, refresh_token!);
    expect((await refresh(p, refresh_token!)).json.error).toBe('invalid_grant');
    expect(await apiStatus(p, r1.json.access_token)).toBe(200);
    expect((await refresh(p, r1.json.refresh_token)).status).toBe(200);
  });

  it('revoke-grant: reuse revokes the whole family, access tokens included', async () => {
    const p = strict({ refresh: { rotation: 'rotate', reuseDetection: 'revoke-grant' } });
    const { refresh_token } = await connect(p);
    const r1 = await refresh(p, refresh_token!);
    const reuse = await refresh(p, refresh_token!);
    expect(reuse.json.error).toBe('invalid_grant');
    expect(reuse.json.error_description).toContain('reuse');
    expect(await apiStatus(p, r1.json.access_token)).toBe(401);
    expect((await refresh(p, r1.json.refresh_token)).json.error).toBe('invalid_grant');
  });
});

describe('refresh.gracePeriod', () => {
  it('the previous refresh token works within the grace period, not after', async () => {
    const p = strict({ refresh: { rotation: 'rotate', reuseDetection: 'reject', gracePeriod: 60 } });
    const { refresh_token } = await connect(p);
    const r1 = await refresh(p, refresh_token!);
    p.context.clock.advance(59_000);
    const again = await refresh(p, refresh_token!);
    expect(again.status).toBe(200);
    expect(again.json.refresh_token).toBeTruthy();
    p.context.clock.advance(1_000);
    expect((await refresh(p, refresh_token!)).json.error).toBe('invalid_grant');
    expect((await refresh(p, r1.json.refresh_token)).status).toBe(200);
  });

  it('0: reuse fails at once', async () => {
    const p = strict({ refresh: { rotation: 'rotate', reuseDetection: 'reject', gracePeriod: 0 } });
    const { refresh_token } = await connect(p);
    await refresh(p, refresh_token!);
    expect((await refresh(p, refresh_token!)).json.error).toBe('invalid_grant');
  });
});

describe('refresh.forClientCredentials', () => {
  const cc = (p: MockProvider) => call(p, '/token', { form: { grant_type: 'client_credentials', ...secretOf(p) } });

  it('false: a client_credentials response has no refresh token', async () => {
    expect((await cc(strict({ refresh: { forClientCredentials: false } }))).json.refresh_token).toBeUndefined();
  });

  it('true: it has one, and it refreshes', async () => {
    const p = strict({ refresh: { forClientCredentials: true } });
    const tok = await cc(p);
    expect(tok.json.refresh_token).toBeTruthy();
    expect((await refresh(p, tok.json.refresh_token)).status).toBe(200);
  });
});

describe('refresh requests', () => {
  it('lifetimes.refreshToken: the refresh token expires on the clock', async () => {
    const p = strict({ lifetimes: { refreshToken: 100 } });
    const { refresh_token } = await connect(p);
    p.context.clock.advance(99_000);
    expect((await refresh(p, refresh_token!)).status).toBe(200);
    p.context.clock.advance(1_000);
    const res = await refresh(p, refresh_token!);
    expect(res.json.error).toBe('invalid_grant');
    expect(res.json.error_description).toContain('expired');
  });

  it('lifetimes.refreshToken null: it never expires', async () => {
    const p = strict({ lifetimes: { refreshToken: null } });
    const { refresh_token } = await connect(p);
    p.context.clock.advance(10 * 365 * 86_400_000);
    expect((await refresh(p, refresh_token!)).status).toBe(200);
  });

  it('a narrower scope is allowed, a wider one is invalid_scope', async () => {
    const p = strict();
    const { refresh_token } = await connect(p, { scope: 'read write' });
    const narrow = await refresh(p, refresh_token!, { scope: 'read' });
    expect(narrow.status).toBe(200);
    expect(p.context.store.accessTokens.get(narrow.json.access_token)?.scopes).toEqual(['read']);
    expect((await refresh(p, refresh_token!, { scope: 'read write openid' })).json.error).toBe('invalid_scope');
  });

  it('an unknown refresh token, or another client\'s, is invalid_grant', async () => {
    const p = testProvider('rfc-strict', { clients: [{ client_id: 'other', client_secret: 'other-secret', redirect_uris: ['https://client.example.test/callback'] }] });
    const { refresh_token } = await connect(p);
    expect((await refresh(p, 'rt_unknown')).json.error).toBe('invalid_grant');
    const other = await call(p, '/token', { form: { grant_type: 'refresh_token', refresh_token: refresh_token!, client_id: 'other', client_secret: 'other-secret' } });
    expect(other.json.error).toBe('invalid_grant');
  });

  it('a missing refresh_token is invalid_request', async () => {
    const p = testProvider('rfc-strict');
    expect((await call(p, '/token', { form: { grant_type: 'refresh_token', ...secretOf(p) } })).json.error).toBe('invalid_request');
  });

  it('provider.revokeGrants (access removed at the provider): refresh gives invalid_grant, API 401', async () => {
    const p = testProvider('rfc-strict');
    const tok = await connect(p);
    await connect(p, {}, 'bob');
    expect(p.revokeGrants('alice')).toBe(1);
    expect(p.revokeGrants('alice')).toBe(0);
    const res = await refresh(p, tok.refresh_token!);
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_grant');
    expect(await apiStatus(p, tok.access_token)).toBe(401);
  });
});

describe('concurrent refreshes on rotating-refresh', () => {
  it('1,000 at once: exactly one 200, the rest invalid_grant, and the grant is revoked', async () => {
    const p = testProvider('rotating-refresh');
    const { refresh_token } = await connect(p);
    const results = await Promise.all(Array.from({ length: 1000 }, () => refresh(p, refresh_token!)));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.status === 400 && r.json.error === 'invalid_grant')).toHaveLength(999);
    const grantId = p.context.store.refreshTokens.get(refresh_token!)!.grantId;
    expect(p.context.store.grants.get(grantId)?.revoked).toBe(true);
    expect(p.context.store.grants.get(grantId)?.revokedBy).toBe('refresh-token-reuse');
    expect((await refresh(p, ok[0]!.json.refresh_token)).json.error).toBe('invalid_grant');
  });
});
