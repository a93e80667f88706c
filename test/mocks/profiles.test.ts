/**
 * The built-in profiles (docs/behaviours.md "Provider profiles the harness ships"): each one
 * loads and validates, and each one's documented behaviour holds.
 */
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { buildProvider, listProfiles, loadProfile } from '../../mocks/profiles.js';
import { switchesSchema } from '../../mocks/provider/switches.js';
import type { MockProvider } from '../../mocks/provider/provider.js';
import { authorizeAndConsent, basic, call, firstClient, testProvider } from '../../mocks/testing.js';

const SHIPPED = ['billing-like', 'docusign-like', 'facebook-like', 'github-like', 'google-like', 'identity-service-like', 'rfc-strict', 'rotating-refresh', 'salesforce-like'];

function secretOf(p: MockProvider) {
  const c = firstClient(p);
  return { client_id: c.client_id, client_secret: c.client_secret! };
}

/** Logs in and returns the code and the redirect URI used. */
async function codeFor(p: MockProvider, params: Record<string, string>, username = 'alice') {
  const c = firstClient(p);
  const redirect_uri = c.redirect_uris[0]!;
  const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: c.client_id, redirect_uri, ...params }, { username });
  const code = location?.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return { code, redirect_uri };
}

/** Logs in and redeems the code with body credentials. */
async function connect(p: MockProvider, params: Record<string, string>, username = 'alice') {
  const { code, redirect_uri } = await codeFor(p, params, username);
  return call(p, p.context.switches.paths.token, { form: { grant_type: 'authorization_code', code, redirect_uri, ...secretOf(p) } });
}

describe('every profile', () => {
  it('the shipped set is complete', () => {
    expect(listProfiles()).toEqual(expect.arrayContaining(SHIPPED));
  });

  it.each(listProfiles())('%s loads, validates, and serves its token endpoint', async (name) => {
    const profile = loadProfile(name);
    expect(profile.name).toBe(name);
    expect(profile.sources.length).toBeGreaterThan(0);
    expect(() => switchesSchema.parse(profile.switches)).not.toThrow();
    const p = testProvider(name);
    expect(p.context.clients.size).toBeGreaterThan(0);
    expect(firstClient(p).client_secret).toBeTruthy();
    const c = firstClient(p);
    const auth = p.context.switches.clientAuth.methods.includes('client_secret_post')
      ? { form: { grant_type: 'client_credentials', ...secretOf(p) } }
      : { form: { grant_type: 'client_credentials' }, headers: { authorization: basic(c.client_id, c.client_secret!) } };
    const res = await call(p, p.context.switches.paths.token, { ...auth, headers: { accept: 'application/json', ...auth.headers } });
    expect(res.status).toBe(200);
    expect(res.json).toBeDefined();
  });

  it('an unknown profile name is a readable error', () => {
    expect(() => loadProfile('nope')).toThrow(/unknown profile "nope"; built-in profiles: .*rfc-strict/);
  });

  it('an invalid switch override is refused', () => {
    expect(() => buildProvider({ profile: 'rfc-strict', issuer: 'https://x.test/p', switches: { refresh: { policy: 'sometimes' } } })).toThrow();
    expect(() => buildProvider({ profile: 'rfc-strict', issuer: 'https://x.test/p', switches: { refresh: { polcy: 'always' } } })).toThrow();
  });
});

describe('docusign-like', () => {
  it('rejects body credentials with invalid_client 401 and accepts Basic', async () => {
    const p = testProvider('docusign-like');
    const c = firstClient(p);
    const { code, redirect_uri } = await codeFor(p, { scope: 'signature' });
    const body = await call(p, '/oauth/token', { form: { grant_type: 'authorization_code', code, redirect_uri, ...secretOf(p) } });
    expect(body.status).toBe(401);
    expect(body.json.error).toBe('invalid_client');
    const ok = await call(p, '/oauth/token', { form: { grant_type: 'authorization_code', code, redirect_uri }, headers: { authorization: basic(c.client_id, c.client_secret!) } });
    expect(ok.status).toBe(200);
    expect(ok.json.expires_in).toBe(28800);
    expect(ok.json.refresh_token).toBeTruthy();
  });

  it('codes live 2 minutes', async () => {
    const p = testProvider('docusign-like');
    const c = firstClient(p);
    const { code, redirect_uri } = await codeFor(p, { scope: 'signature' });
    p.context.clock.advance(120_000);
    const res = await call(p, '/oauth/token', { form: { grant_type: 'authorization_code', code, redirect_uri }, headers: { authorization: basic(c.client_id, c.client_secret!) } });
    expect(res.json.error).toBe('invalid_grant');
  });
});

describe('facebook-like', () => {
  it('issues a token on a GET with everything in the query (no grant_type, as documented)', async () => {
    const p = testProvider('facebook-like');
    const { code, redirect_uri } = await codeFor(p, { scope: 'public_profile,email' });
    const res = await call(p, '/oauth/access_token', { method: 'GET', query: { client_id: firstClient(p).client_id, redirect_uri, client_secret: firstClient(p).client_secret!, code } });
    expect(res.status).toBe(200);
    expect(res.json.token_type).toBe('bearer');
    expect(res.json.expires_in).toBe(5184000);
    expect(res.json.refresh_token).toBeUndefined();
    expect(res.json.scope).toBeUndefined();
  });

  it('lets the user decline permissions; the token carries only the granted ones', async () => {
    const p = testProvider('facebook-like');
    const c = firstClient(p);
    const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: c.client_id, redirect_uri: c.redirect_uris[0]!, scope: 'public_profile,pages_manage_posts' }, { scopes: ['public_profile'] });
    const res = await call(p, '/oauth/access_token', { method: 'GET', query: { ...secretOf(p), redirect_uri: c.redirect_uris[0]!, code: location!.searchParams.get('code')! } });
    const api = await call(p, '/api/0/rest/Page/Post', { method: 'POST', headers: { authorization: `Bearer ${res.json.access_token}` } });
    expect(api.status).toBe(403);
  });

  it('answers errors in Facebook\'s shape', async () => {
    const p = testProvider('facebook-like');
    const res = await call(p, '/oauth/access_token', { method: 'GET', query: { client_id: firstClient(p).client_id, client_secret: 'wrong', redirect_uri: firstClient(p).redirect_uris[0]!, code: 'x' } });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ type: 'OAuthException', code: expect.any(Number), message: expect.any(String), fbtrace_id: expect.any(String) });
    expect(res.headers['www-authenticate']).toMatch(/^OAuth "Facebook Platform"/);
  });

  it('restricts redirect domains and has no revocation endpoint', async () => {
    const p = testProvider('facebook-like', { clients: [{ client_id: '1234567890123456', redirect_uris: ['https://elsewhere.test/cb'] }] });
    const page = await call(p, '/dialog/oauth', { query: { response_type: 'code', client_id: '1234567890123456', redirect_uri: 'https://elsewhere.test/cb' } });
    expect(page.status).toBe(400);
    expect(page.body).toContain('Domain not allowed');
    expect((await call(p, '/revoke', { form: { token: 'x' } })).status).toBe(404);
  });
});

describe('github-like', () => {
  it('answers form-encoded unless Accept: application/json; no expires_in, no refresh token, comma scope', async () => {
    const p = testProvider('github-like');
    const { code, redirect_uri } = await codeFor(p, { scope: 'repo user:email' });
    const form = await call(p, '/login/oauth/access_token', { form: { code, redirect_uri, grant_type: 'authorization_code', ...secretOf(p) } });
    expect(form.status).toBe(200);
    expect(form.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const body = new URLSearchParams(form.body);
    expect(body.get('token_type')).toBe('bearer');
    expect(body.get('scope')).toBe('repo,user:email');
    expect(body.has('expires_in')).toBe(false);
    expect(body.has('refresh_token')).toBe(false);

    const again = await codeFor(p, { scope: 'repo' });
    const json = await call(p, '/login/oauth/access_token', { form: { code: again.code, redirect_uri, grant_type: 'authorization_code', ...secretOf(p) }, headers: { accept: 'application/json' } });
    expect(json.headers['content-type']).toBe('application/json');
    expect(json.json).not.toHaveProperty('expires_in');
    p.context.clock.advance(5 * 365 * 86_400_000);
    expect((await call(p, '/api/0/odata/Account', { headers: { authorization: `Bearer ${json.json.access_token}` } })).status).toBe(200);
  });

  it('answers errors with HTTP 200', async () => {
    const p = testProvider('github-like');
    const res = await call(p, '/login/oauth/access_token', { form: { code: 'bad', redirect_uri: firstClient(p).redirect_uris[0]!, grant_type: 'authorization_code', ...secretOf(p) }, headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.json.error).toBe('invalid_grant');
  });

  it('accepts a redirect URI in a subdirectory of the registered one', async () => {
    const p = testProvider('github-like');
    const page = await call(p, '/login/oauth/authorize', { query: { response_type: 'code', client_id: firstClient(p).client_id, redirect_uri: 'https://client.example.test/callback/github' } });
    expect(page.status).toBe(200);
  });
});

describe('google-like', () => {
  it('issues a refresh token only with access_type=offline, only on the first consent unless prompt=consent', async () => {
    const p = testProvider('google-like');
    const scope = 'openid email';
    expect((await connect(p, { scope })).json.refresh_token).toBeUndefined();
    expect((await connect(p, { scope, access_type: 'offline' })).json.refresh_token).toBeTruthy();
    expect((await connect(p, { scope, access_type: 'offline' })).json.refresh_token).toBeUndefined();
    const forced = await connect(p, { scope, access_type: 'offline', prompt: 'consent' });
    expect(forced.json.refresh_token).toBeTruthy();
    expect(forced.json.id_token).toBeTruthy();
    const refreshed = await call(p, '/token', { form: { grant_type: 'refresh_token', refresh_token: forced.json.refresh_token, ...secretOf(p) } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.refresh_token).toBeUndefined();
  });

  it('revocation of an unknown token is 400 invalid_token', async () => {
    const p = testProvider('google-like');
    const res = await call(p, '/revoke', { form: { token: 'never-issued', ...secretOf(p) } });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_token');
  });

  it('takes credentials in the body only', async () => {
    const p = testProvider('google-like');
    const c = firstClient(p);
    const res = await call(p, '/token', { form: { grant_type: 'client_credentials' }, headers: { authorization: basic(c.client_id, c.client_secret!) } });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('invalid_client');
  });
});

describe('salesforce-like', () => {
  const cc = (p: MockProvider, remoteAddress: string, headers: Record<string, string> = {}) =>
    call(p, '/services/oauth2/token', { form: { grant_type: 'client_credentials', scope: 'api', ...secretOf(p) }, remoteAddress, headers });

  it('rejects a source address outside its allow-list with invalid_grant "ip restricted"', async () => {
    const p = testProvider('salesforce-like');
    const res = await cc(p, '203.0.113.50');
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_grant');
    expect(res.json.error_description).toContain('ip restricted');
    expect((await cc(p, '198.51.100.20')).status).toBe(200);
  });

  it('trusts X-Forwarded-For by default', async () => {
    const p = testProvider('salesforce-like');
    expect((await cc(p, '127.0.0.1', { 'x-forwarded-for': '203.0.113.50' })).json.error_description).toContain('ip restricted');
    expect((await cc(p, '10.1.1.1', { 'x-forwarded-for': '198.51.100.20' })).status).toBe(200);
  });

  it('adds instance_url to the token response; bad body credentials are 400', async () => {
    const p = testProvider('salesforce-like');
    expect((await cc(p, '127.0.0.1')).json.instance_url).toBe('https://example.my.salesforce.test');
    const bad = await call(p, '/services/oauth2/token', { form: { grant_type: 'client_credentials', client_id: firstClient(p).client_id, client_secret: 'wrong' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe('invalid_client');
  });

  it('issues a refresh token only with the refresh_token scope', async () => {
    const p = testProvider('salesforce-like');
    expect((await connect(p, { scope: 'api' })).json.refresh_token).toBeUndefined();
    expect((await connect(p, { scope: 'api refresh_token' })).json.refresh_token).toBeTruthy();
  });
});

describe('billing-like', () => {
  it('issues expiring tokens and never a refresh token', async () => {
    const p = testProvider('billing-like');
    const res = await connect(p, { scope: 'billing.read', access_type: 'offline', prompt: 'consent' });
    expect(res.status).toBe(200);
    expect(res.json.expires_in).toBe(900);
    expect(res.json.refresh_token).toBeUndefined();
    p.context.clock.advance(900_000);
    expect((await call(p, '/api/0/odata/Account', { headers: { authorization: `Bearer ${res.json.access_token}` } })).status).toBe(401);
  });
});

describe('rotating-refresh', () => {
  it('rotates, and reuse of an old refresh token revokes the grant', async () => {
    const p = testProvider('rotating-refresh');
    const first = (await connect(p, { scope: 'read' })).json;
    const r1 = await call(p, '/token', { form: { grant_type: 'refresh_token', refresh_token: first.refresh_token, ...secretOf(p) } });
    expect(r1.json.refresh_token).toBeTruthy();
    expect(r1.json.refresh_token).not.toBe(first.refresh_token);
    const reuse = await call(p, '/token', { form: { grant_type: 'refresh_token', refresh_token: first.refresh_token, ...secretOf(p) } });
    expect(reuse.json.error).toBe('invalid_grant');
    const after = await call(p, '/token', { form: { grant_type: 'refresh_token', refresh_token: r1.json.refresh_token, ...secretOf(p) } });
    expect(after.json.error).toBe('invalid_grant');
  });
});

describe('identity-service-like', () => {
  it('serves discovery at /.well-known/openid-configuration with endpoints under /connect/', async () => {
    const p = testProvider('identity-service-like');
    const doc = (await call(p, '/.well-known/openid-configuration')).json;
    for (const [member, path] of [
      ['authorization_endpoint', '/connect/authorize'],
      ['token_endpoint', '/connect/token'],
      ['revocation_endpoint', '/connect/revocation'],
      ['introspection_endpoint', '/connect/introspect'],
      ['userinfo_endpoint', '/connect/userinfo'],
      ['end_session_endpoint', '/connect/endsession'],
      ['device_authorization_endpoint', '/connect/deviceauthorization'],
    ] as const) {
      expect(doc[member], member).toBe(`${p.issuer}${path}`);
    }
    expect(doc.issuer).toBe(p.issuer);
    expect(doc.jwks_uri).toBeTruthy();
    expect(doc.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'client_secret_post']);
    expect(doc.code_challenge_methods_supported).toEqual(['plain', 'S256']);
    expect(doc.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'client_credentials', 'refresh_token', 'implicit']));
    expect(doc.id_token_signing_alg_values_supported).toEqual(['RS256']);
    for (const m of ['response_types_supported', 'response_modes_supported', 'scopes_supported', 'claims_supported']) expect(doc[m], m).toBeTruthy();
    expect((await call(p, '/connect/userinfo')).status).toBe(401);
  });

  it('issues a JWT access token on client_credentials with expires_in 3600', async () => {
    const p = testProvider('identity-service-like');
    const res = await call(p, '/connect/token', { form: { grant_type: 'client_credentials', ...secretOf(p) } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ expires_in: 3600, token_type: 'Bearer', scope: 'ApplicationAccess_harness' });
    expect(decodeJwt(res.json.access_token)).toMatchObject({ iss: p.issuer, client_id: firstClient(p).client_id });
    expect((await call(p, '/api/0/odata/Account', { headers: { authorization: `Bearer ${res.json.access_token}` } })).status).toBe(200);
  });

  it('code flow: 3-minute access tokens, a refresh token with offline_access, rotation, revocation 200 for unknown', async () => {
    const p = testProvider('identity-service-like');
    const tok = await connect(p, { scope: 'offline_access ApplicationAccess_harness', state: 'st' });
    expect(tok.json.expires_in).toBe(180);
    const r1 = await call(p, '/connect/token', { form: { grant_type: 'refresh_token', refresh_token: tok.json.refresh_token, ...secretOf(p) } });
    expect(r1.json.refresh_token).toBeTruthy();
    expect(r1.json.refresh_token).not.toBe(tok.json.refresh_token);
    const rev = await call(p, '/connect/revocation', { form: { token: 'unknown', token_type_hint: 'refresh_token', ...secretOf(p) } });
    expect(rev.status).toBe(200);
  });
});

describe('rfc-strict', () => {
  it('the code flow gives RFC-shaped tokens; scope only when it differs', async () => {
    const p = testProvider('rfc-strict');
    const res = await connect(p, { scope: 'read write' });
    expect(res.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(res.json).not.toHaveProperty('scope');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
