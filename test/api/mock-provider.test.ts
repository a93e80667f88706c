/**
 * The public `createMockProvider()`: what a user's test sees (clients, users, endpoints),
 * the browser it plays, verdicts and diagnoses on the recorded traffic, run-time switches,
 * the clock, and clear errors for bad options.
 */
import { describe, expect, it } from 'vitest';
import { createMockProvider, DIAGNOSIS_IDS, diagnose, HarnessError, PROFILES, VERDICT_IDS } from '../../src/index.js';

const form = (o: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(o) });
const basic = (id: string, secret: string) => `Basic ${btoa(`${id}:${secret}`)}`;

async function codeFor(p: ReturnType<typeof createMockProvider>, extra = '') {
  const c = p.clients[0]!;
  const url = `${p.endpoints.authorization}?response_type=code&client_id=${c.client_id}&redirect_uri=${encodeURIComponent(c.redirect_uris[0]!)}&state=${crypto.randomUUID()}${extra}`;
  return p.authorize(url, { user: p.users[0]!.username });
}

describe('createMockProvider', () => {
  it('describes itself as serve --json does, with an issuer of its own origin', () => {
    const p = createMockProvider({ profile: 'docusign-like' });
    expect(p.issuer).toBe('https://docusign-like.oauth-harness.test');
    expect(p.clients[0]).toMatchObject({ client_id: expect.any(String), client_secret: expect.any(String), redirect_uris: expect.arrayContaining([expect.stringMatching(/^https:/)]), scopes: expect.any(Array) });
    expect(p.users.map((u) => u.username)).toEqual(['alice', 'bob', 'carol']);
    expect(p.endpoints.token).toBe(`${p.issuer}/oauth/token`);
    expect(PROFILES).toContain('docusign-like');
    expect(DIAGNOSIS_IDS).toContain('credentials-wrong-placement');
    expect(VERDICT_IDS).toContain('state');
  });

  it('plays the browser: sign-in and consent end at the callback with a code and the state', async () => {
    const p = createMockProvider();
    const r = await codeFor(p);
    expect(r.code).toBeTruthy();
    expect(r.state).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.callbackUrl).toContain(p.clients[0]!.redirect_uris[0]);
    const denied = await p.authorize(`${p.endpoints.authorization}?response_type=code&client_id=${p.clients[0]!.client_id}&redirect_uri=${encodeURIComponent(p.clients[0]!.redirect_uris[0]!)}&state=s`, { deny: true });
    expect(denied.error).toBe('access_denied');
    const wrongRedirect = await p.authorize(`${p.endpoints.authorization}?response_type=code&client_id=${p.clients[0]!.client_id}&redirect_uri=https%3A%2F%2Fevil.example%2Fcb`);
    expect(wrongRedirect.errorPage?.status).toBe(400);
    await expect(p.authorize(p.endpoints.authorization, { user: 'mallory' })).rejects.toThrow(/unknown user "mallory"/);
  });

  it('judges and diagnoses a client that sends body credentials to a Basic-only provider, and not one that sends Basic', async () => {
    const bad = createMockProvider({ profile: 'docusign-like' });
    const c = bad.clients[0]!;
    const { code } = await codeFor(bad);
    const res = await bad.handle(new Request(bad.endpoints.token, form({ grant_type: 'authorization_code', code: code!, redirect_uri: c.redirect_uris[0]!, client_id: c.client_id, client_secret: c.client_secret! })));
    expect(res.status).toBe(401);
    expect(bad.clientVerdicts().find((v) => v.id === 'credentials-placement')?.outcome).toBe('fail');
    expect(bad.diagnose().map((d) => d.id)).toContain('credentials-wrong-placement');
    expect(diagnose(bad.exchanges).map((d) => d.id)).toContain('credentials-wrong-placement');

    const good = createMockProvider({ profile: 'docusign-like' });
    const g = good.clients[0]!;
    const ok = await codeFor(good);
    const res2 = await good.handle(new Request(good.endpoints.token, { ...form({ grant_type: 'authorization_code', code: ok.code!, redirect_uri: g.redirect_uris[0]! }), headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(g.client_id, g.client_secret!) } }));
    expect(res2.status).toBe(200);
    expect(good.clientVerdicts().find((v) => v.id === 'credentials-placement')?.outcome).toBe('pass');
    expect(good.diagnose().map((d) => d.id)).not.toContain('credentials-wrong-placement');
  });

  it('moves its clock: an access token expires without waiting', async () => {
    const p = createMockProvider({ switches: { lifetimes: { clientCredentialsToken: 60 } } });
    const c = p.clients[0]!;
    const tok = (await (await p.handle(new Request(p.endpoints.token, { ...form({ grant_type: 'client_credentials' }), headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(c.client_id, c.client_secret!) } }))).json()) as { access_token: string };
    const introspect = async () => ((await (await p.handle(new Request(p.endpoints.introspection!, { ...form({ token: tok.access_token }), headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(c.client_id, c.client_secret!) } }))).json()) as { active: boolean }).active;
    expect(await introspect()).toBe(true);
    p.advanceClock('2m');
    expect(await introspect()).toBe(false);
    expect(() => p.advanceClock('soon')).toThrow(HarnessError);
    expect(() => p.advanceClock(-5)).toThrow(/duration/);
  });

  it('changes switches at run time, validated; reset forgets everything', async () => {
    const p = createMockProvider();
    p.setSwitches({ clientAuth: { methods: ['client_secret_post'] } });
    const c = p.clients[0]!;
    const viaBasic = await p.handle(new Request(p.endpoints.token, { ...form({ grant_type: 'client_credentials' }), headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(c.client_id, c.client_secret!) } }));
    expect(viaBasic.status).toBe(401);
    expect(p.exchanges.length).toBe(1);
    expect(() => p.setSwitches({ clientAuth: { methods: ['carrier-pigeon' as never] } })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    p.reset();
    expect(p.exchanges).toEqual([]);
  });

  it('refuses bad options with a stable code', () => {
    expect(() => createMockProvider({ profile: 'nope' })).toThrow(expect.objectContaining({ code: 'PROFILE_UNKNOWN', message: expect.stringContaining('rfc-strict') }));
    expect(() => createMockProvider({ issuer: 'ftp://x' })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    expect(() => createMockProvider({ switches: { lifetimes: { accessToken: 'forever' as never } } })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining('lifetimes.accessToken') }));
  });

  it('registers the app’s own redirect URI', async () => {
    const p = createMockProvider({ clients: [{ redirect_uris: ['http://localhost:3000/callback'] }] });
    expect(p.clients[0]!.redirect_uris).toEqual(['http://localhost:3000/callback']);
    const r = await codeFor(p);
    expect(r.callbackUrl).toMatch(/^http:\/\/localhost:3000\/callback\?/);
  });
});
