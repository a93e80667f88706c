import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerTestsEnabled } from '../../../../src/targets/containers/runtime.js';
import { OidcProviderContainer, type OidcProviderClient, type StartedOidcProviderContainer } from '../../../../src/targets/containers/oidc-provider/oidc-provider-container.js';

const run = await containerTestsEnabled('oidc-provider container');

type Json = Record<string, unknown>;

async function tokenRequest(issuer: string, client: OidcProviderClient, params: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams(params);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (client.tokenEndpointAuthMethod === 'client_secret_basic') {
    const credentials = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
  } else {
    body.set('client_id', client.clientId);
    body.set('client_secret', client.clientSecret);
  }
  return fetch(`${issuer}/token`, { method: 'POST', headers, body });
}

/** A scripted user agent: follows redirects by hand, keeps cookies, stops at the redirect URI. */
async function authorize(issuer: string, client: OidcProviderClient, login: string, password: string): Promise<URL> {
  const jar = new Map<string, string>();
  const redirectUri = client.redirectUris[0]!;
  const go = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Json), cookie } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return res;
  };
  const query = new URLSearchParams({ client_id: client.clientId, redirect_uri: redirectUri, response_type: 'code', scope: 'openid profile', state: 'st-1' });
  let url = `${issuer}/auth?${query}`;
  let init: RequestInit = {};
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(redirectUri)) return new URL(url);
    const res = await go(url, init);
    init = {};
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).toString();
      continue;
    }
    const html = await res.text();
    const action = /action="([^"]*\/login)"/.exec(html)?.[1];
    if (res.status !== 200 || !action) throw new Error(`unexpected page at ${url}: HTTP ${res.status}`);
    url = new URL(action, url).toString();
    init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ login, password }).toString() };
  }
  throw new Error('too many redirects');
}

async function codeFlowTokens(server: StartedOidcProviderContainer): Promise<Json> {
  const client = server.getClient();
  const callback = await authorize(server.getIssuer(), client, server.getUser().username, server.getUser().password);
  expect(callback.searchParams.get('state')).toBe('st-1');
  const code = callback.searchParams.get('code');
  expect(code).toBeTruthy();
  const res = await tokenRequest(server.getIssuer(), client, { grant_type: 'authorization_code', code: code!, redirect_uri: client.redirectUris[0]! });
  expect(res.status).toBe(200);
  return (await res.json()) as Json;
}

describe.runIf(run)('OidcProviderContainer', () => {
  let server: StartedOidcProviderContainer;
  beforeAll(async () => {
    server = await new OidcProviderContainer().withRedirectUri('http://127.0.0.1:9/callback').start();
  });
  afterAll(async () => server?.stop());

  it('serves discovery on 127.0.0.1 with the configured issuer', async () => {
    const res = await fetch(`${server.getIssuer()}/.well-known/openid-configuration`);
    const discovery = (await res.json()) as Json;
    expect(server.getIssuer()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(discovery.issuer).toBe(server.getIssuer());
    expect(discovery.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']));
    expect(discovery.introspection_endpoint).toBe(`${server.getIssuer()}/token/introspection`);
    expect(discovery.revocation_endpoint).toBe(`${server.getIssuer()}/token/revocation`);
  });

  it('issues a client_credentials token that introspects as active', async () => {
    const client = server.getClient('client_secret_basic');
    const res = await tokenRequest(server.getIssuer(), client, { grant_type: 'client_credentials', scope: 'api:read' });
    expect(res.status).toBe(200);
    const token = (await res.json()) as Json;
    expect(token).toMatchObject({ token_type: 'Bearer', scope: 'api:read', expires_in: 300 });
    const introspection = await fetch(`${server.getIssuer()}/token/introspection`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}` },
      body: new URLSearchParams({ token: String(token.access_token) }),
    });
    expect(await introspection.json()).toMatchObject({ active: true, client_id: client.clientId });
  });

  it('accepts both secret placements from either client, and rejects a wrong secret', async () => {
    // oidc-provider treats client_secret_basic and client_secret_post as one method.
    const post = server.getClient('client_secret_post');
    expect((await tokenRequest(server.getIssuer(), post, { grant_type: 'client_credentials' })).status).toBe(200);
    const basicAsPost = { ...server.getClient('client_secret_basic'), tokenEndpointAuthMethod: 'client_secret_post' as const };
    expect((await tokenRequest(server.getIssuer(), basicAsPost, { grant_type: 'client_credentials' })).status).toBe(200);
    const rejected = await tokenRequest(server.getIssuer(), { ...post, clientSecret: 'wrong' }, { grant_type: 'client_credentials' });
    expect(rejected.status).toBe(401);
    expect(await rejected.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('rejects a wrong password on the login form', async () => {
    await expect(authorize(server.getIssuer(), server.getClient(), 'alice', 'wrong')).rejects.toThrow(/HTTP 401/);
  });

  it('runs the authorization code flow through the login form, and keeps the refresh token', async () => {
    const tokens = await codeFlowTokens(server);
    expect(tokens).toMatchObject({ token_type: 'Bearer' });
    expect(tokens.id_token).toEqual(expect.any(String));
    const refreshed = await tokenRequest(server.getIssuer(), server.getClient(), { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) });
    expect(refreshed.status).toBe(200);
    expect(((await refreshed.json()) as Json).refresh_token).toBe(tokens.refresh_token);
  });
});

describe.runIf(run)('OidcProviderContainer.withRotation(true)', () => {
  let server: StartedOidcProviderContainer;
  beforeAll(async () => {
    server = await new OidcProviderContainer().withRotation(true).withTtl({ AccessToken: 60 }).start();
  });
  afterAll(async () => server?.stop());

  it('rotates the refresh token and rejects the used one', async () => {
    const tokens = await codeFlowTokens(server);
    expect(tokens.expires_in).toBe(60);
    const first = await tokenRequest(server.getIssuer(), server.getClient(), { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) });
    const rotated = (await first.json()) as Json;
    expect(rotated.refresh_token).toEqual(expect.any(String));
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    const replay = await tokenRequest(server.getIssuer(), server.getClient(), { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
  });
});
