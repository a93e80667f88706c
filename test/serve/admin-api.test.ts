/**
 * The admin API of `serve` under /_admin: switches per issuer, loading a scenario,
 * queued consent decisions, step marks and client verdicts, the clock, reset.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, serve, type Served } from './serve-fixture.js';

let s: Served;
beforeAll(async () => {
  s = await serve(['rfc-strict', 'docusign-like'], ['http://127.0.0.1:9/cb']);
});
afterAll(() => s.close());

const issuer = (name: string) => s.info.issuers.find((i) => i.profile === name)!;

/** Authorization request → (queued consent) → redirect with a code → token. */
async function connect(name: string, scope: string, extra: Record<string, string> = {}) {
  const i = issuer(name);
  const q = new URLSearchParams({ response_type: 'code', client_id: i.client_id, redirect_uri: i.redirect_uris[0]!, scope, state: 's'.repeat(24), ...extra });
  const res = await fetch(`${i.authorization_endpoint}?${q}`, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (!location) return { status: res.status };
  const code = new URL(location).searchParams.get('code');
  const error = new URL(location).searchParams.get('error');
  if (!code) return { status: res.status, error };
  const token = await fetch(i.token_endpoint, {
    method: 'POST',
    headers: { authorization: basic(i.client_id, i.client_secret!), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: i.redirect_uris[0]! }),
  });
  return { status: res.status, token: (await token.json()) as Record<string, string> };
}

describe('admin API', () => {
  it('lists the issuers with their credentials; extra redirect URIs are registered', async () => {
    const { status, json } = await s.admin('');
    expect(status).toBe(200);
    expect(json.issuers.map((i: { profile: string }) => i.profile)).toEqual(['rfc-strict', 'docusign-like']);
    expect(issuer('docusign-like').redirect_uris).toContain('http://127.0.0.1:9/cb');
    expect((await s.admin('/nope')).status).toBe(404);
  });

  it('queued consent answers the login page at once, with unticked scopes, per issuer', async () => {
    expect((await s.admin('/rfc-strict/consent', { body: { user: 'bob', untick: ['write'] } })).json.consent).toHaveLength(1);
    const r = await connect('rfc-strict', 'read write');
    expect(r.status).toBe(302);
    expect(r.token).toMatchObject({ scope: 'read' });
    expect((await connect('rfc-strict', 'read')).status).toBe(200); // queue empty: the page again
    await s.admin('/rfc-strict/consent', { body: { deny: true } });
    expect((await connect('rfc-strict', 'read')).error).toBe('access_denied');
    expect((await s.admin('/rfc-strict/consent', { body: { user: 'mallory' } })).status).toBe(400);
  });

  it('changes switches of one issuer only, and refuses invalid ones', async () => {
    const { json } = await s.admin('/docusign-like/switches', { method: 'PATCH', body: { lifetimes: { accessToken: 60 } } });
    expect(json.lifetimes.accessToken).toBe(60);
    expect((await s.admin('/rfc-strict/switches')).json.lifetimes.accessToken).toBe(3600);
    expect((await s.admin('/docusign-like/switches', { method: 'PATCH', body: { lifetimes: { accessToken: 'soon' } } })).status).toBe(400);
  });

  it('loads a scenario: its provider section, and consent from its connect steps', async () => {
    const yaml = readFileSync('scenarios/clients/client-partial-consent.yaml', 'utf8');
    const { status, json } = await s.admin('/rfc-strict/scenario', { text: yaml });
    expect(status).toBe(200);
    expect(json.consent).toEqual([{ user: 'alice', untick: ['write'], deny: false, wrongPassword: false }]);
    expect(json.redirect_uris).toContain('http://127.0.0.1:9/cb');
    expect((await connect('rfc-strict', 'read write')).token).toMatchObject({ scope: 'read' });
    const fb = await s.admin('/rfc-strict/scenario', { text: readFileSync('scenarios/clients/client-facebook-get-token.yaml', 'utf8') });
    expect(fb.json).toMatchObject({ profile: 'facebook-like', issuer: issuer('rfc-strict').issuer });
    const post = await fetch(fb.json.token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=authorization_code' });
    expect(post.status).toBe(400);
    expect(await post.json()).toMatchObject({ error: { message: 'the token endpoint accepts GET only', type: 'OAuthException' } });
    expect((await s.admin('/rfc-strict/scenario', { body: { provider: { profile: 'no-such' } } })).status).toBe(400);
    await s.admin('/rfc-strict/scenario', { body: { provider: { profile: 'rfc-strict' } } });
  });

  it('reads the exchange and the client verdicts so far; step marks give them context', async () => {
    await s.admin('/rfc-strict/reset', { method: 'POST' });
    await s.admin('/rfc-strict/consent', { body: { user: 'alice' } });
    const { token } = await connect('rfc-strict', 'read');
    await s.admin('/rfc-strict/steps', { body: { action: 'disconnect' } });
    const ex = await s.admin('/rfc-strict/exchanges?since=1');
    expect(ex.json.exchanges.map((e: { endpoint: string }) => e.endpoint)).toEqual(['decision', 'token']);
    const { json } = await s.admin(`/rfc-strict/verdicts?client_id=${issuer('rfc-strict').client_id}`);
    const v = Object.fromEntries(json.verdicts.map((x: { id: string; outcome: string }) => [x.id, x.outcome]));
    expect(v).toMatchObject({ 'credentials-placement': 'pass', state: 'pass', 'pkce-s256': 'fail', 'redirect-uri-repeated': 'pass', 'revoked-on-disconnect': 'fail' });
    expect(token!.access_token).toBeTruthy();
  });

  it('advances the clock: the token expires at the API', async () => {
    await s.admin('/rfc-strict/consent', { body: { user: 'alice' } });
    const { token } = await connect('rfc-strict', 'read');
    const api = `${issuer('rfc-strict').issuer}/api/0/odata/Account`;
    const call = () => fetch(api, { headers: { authorization: `Bearer ${token!.access_token}` } });
    expect((await call()).status).toBe(200);
    expect((await s.admin('/clock', { body: { advance: '2h' } })).status).toBe(200);
    const res = await call();
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/expired/);
    expect((await s.admin('/clock', { body: { advance: 'later' } })).status).toBe(400);
  });

  it('revokes grants and resets everything', async () => {
    await s.admin('/rfc-strict/consent', { body: { user: 'carol' } });
    await connect('rfc-strict', 'read');
    expect((await s.admin('/rfc-strict/revoke-grants', { body: { username: 'carol' } })).json.revoked).toBe(1);
    expect((await s.admin('/reset', { method: 'POST' })).json).toEqual({ reset: true });
    expect((await s.admin('/rfc-strict/exchanges')).json.exchanges).toEqual([]);
  });
});
