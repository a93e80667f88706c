/**
 * What keeps the mock's memory flat under long load tests (issue 7, memory): expired
 * state is swept, grants included, without losing "refresh token issued once"; the
 * recorded-exchange ring keeps the newest `record` exchanges; stored tokens share
 * their scope lists.
 */
import { describe, expect, it } from 'vitest';
import { createClock } from '../../mocks/provider/clock.js';
import type { MockProvider } from '../../mocks/provider/provider.js';
import { authorizeAndConsent, call, firstClient, testProvider } from '../../mocks/testing.js';

/** A login for alice; returns the token response body. */
async function connect(p: MockProvider, params: Record<string, string> = {}) {
  const c = firstClient(p);
  const redirect_uri = c.redirect_uris[0]!;
  const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: c.client_id, redirect_uri, ...params });
  const code = location?.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  const res = await call(p, p.context.switches.paths.token, { form: { grant_type: 'authorization_code', code, redirect_uri, client_id: c.client_id, client_secret: c.client_secret! } });
  expect(res.status).toBe(200);
  return res.json as { access_token: string; refresh_token?: string };
}

describe('expired state is swept', () => {
  it('a grant whose refresh token expired is swept with its tokens', async () => {
    const clock = createClock(Date.UTC(2030, 0, 1));
    const p = testProvider('rotating-refresh', { clock, switches: { lifetimes: { accessToken: 1, refreshToken: 1, code: 1 } } });
    for (let i = 0; i < 5; i++) expect((await connect(p, { scope: 'read' })).refresh_token).toBeTruthy();
    expect(p.context.store.grants.size).toBe(5);
    clock.advance(2000);
    p.context.store.sweep();
    const s = p.context.store;
    expect({ grants: s.grants.size, accessTokens: s.accessTokens.size, refreshTokens: s.refreshTokens.size, codes: s.codes.size }).toEqual({ grants: 0, accessTokens: 0, refreshTokens: 0, codes: 0 });
  });

  it('a live grant is kept', async () => {
    const clock = createClock(Date.UTC(2030, 0, 1));
    const p = testProvider('rotating-refresh', { clock });
    await connect(p, { scope: 'read' });
    p.context.store.sweep();
    expect(p.context.store.grants.size).toBe(1);
  });

  it('"issued once per user" outlives the swept grant', async () => {
    const clock = createClock(Date.UTC(2030, 0, 1));
    const p = testProvider('google-like', { clock, switches: { lifetimes: { accessToken: 1, refreshToken: 1, code: 1 } } });
    const offline = { scope: 'openid', access_type: 'offline' };
    expect((await connect(p, offline)).refresh_token).toBeTruthy();
    expect((await connect(p, offline)).refresh_token).toBeUndefined();
    clock.advance(2000);
    p.context.store.sweep();
    expect(p.context.store.grants.size).toBe(0);
    expect((await connect(p, offline)).refresh_token).toBeUndefined();
  });

  it('revoking at the provider resets "issued once" even when the grant was swept', async () => {
    const clock = createClock(Date.UTC(2030, 0, 1));
    const p = testProvider('google-like', { clock, switches: { lifetimes: { accessToken: 1, refreshToken: 1, code: 1 } } });
    const offline = { scope: 'openid', access_type: 'offline' };
    expect((await connect(p, offline)).refresh_token).toBeTruthy();
    clock.advance(2000);
    p.context.store.sweep();
    expect(p.context.store.grants.size).toBe(0);
    p.revokeGrants('alice');
    expect((await connect(p, offline)).refresh_token).toBeTruthy();
  });
});

describe('the recorded-exchange ring', () => {
  it('keeps the newest `record` exchanges, oldest first', async () => {
    const p = testProvider('rfc-strict', { record: 3 });
    for (let i = 0; i < 10; i++) await call(p, '/.well-known/oauth-authorization-server');
    expect(p.exchanges.map((e) => e.seq)).toEqual([8, 9, 10]);
  });
});

describe('stored tokens', () => {
  it('share one scope list per distinct list, equal to what was granted', async () => {
    const p = testProvider('rfc-strict');
    const c = firstClient(p);
    const issue = (scope: string) => call(p, p.context.switches.paths.token, { form: { grant_type: 'client_credentials', scope, client_id: c.client_id, client_secret: c.client_secret! } });
    const a = (await issue('read')).json.access_token as string;
    const b = (await issue('read')).json.access_token as string;
    const w = (await issue('read write')).json.access_token as string;
    const at = p.context.store.accessTokens;
    expect(at.get(a)!.scopes).toEqual(['read']);
    expect(at.get(b)!.scopes).toBe(at.get(a)!.scopes);
    expect(at.get(w)!.scopes).toEqual(['read', 'write']);
  });
});
