import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerTestsEnabled } from '../../../../src/targets/containers/runtime.js';
import { GlewlwydContainer, type StartedGlewlwydContainer } from '../../../../src/targets/containers/glewlwyd/glewlwyd-container.js';
import { glewlwydUserAgent } from '../../../../src/targets/containers/glewlwyd/glewlwyd-http-login.js';

const run = await containerTestsEnabled('glewlwyd container');

type Json = Record<string, unknown>;

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

async function token(server: StartedGlewlwydContainer, params: Record<string, string>, secret = server.getClient().clientSecret): Promise<Response> {
  return fetch(`${server.getIssuer()}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(server.getClient().clientId, secret) },
    body: new URLSearchParams(params),
  });
}

async function codeFlowTokens(server: StartedGlewlwydContainer): Promise<Json> {
  const client = server.getClient();
  const user = server.getUser();
  const query = new URLSearchParams({ response_type: 'code', client_id: client.clientId, redirect_uri: client.redirectUris[0]!, scope: `openid ${server.getScope()}`, state: 'st-1', nonce: 'n-1' });
  const signedIn = await glewlwydUserAgent().authorize(`${server.getIssuer()}/auth?${query}`, client.redirectUris[0]!, { username: user.username, password: user.password }, fetch);
  expect(signedIn).toMatchObject({ kind: 'callback' });
  const callback = new URL((signedIn as { url: string }).url);
  expect(callback.searchParams.get('state')).toBe('st-1');
  const code = callback.searchParams.get('code');
  expect(code).toBeTruthy();
  const res = await token(server, { grant_type: 'authorization_code', code: code!, redirect_uri: client.redirectUris[0]! });
  expect(res.status).toBe(200);
  return (await res.json()) as Json;
}

describe.runIf(run)('GlewlwydContainer', () => {
  let server: StartedGlewlwydContainer;
  beforeAll(async () => {
    server = await new GlewlwydContainer().withRedirectUri('http://127.0.0.1:9/callback').start();
  });
  afterAll(async () => server?.stop());

  it('serves the OIDC plugin discovery on 127.0.0.1 with the plugin URL as issuer', async () => {
    const res = await fetch(`${server.getIssuer()}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const discovery = (await res.json()) as Json;
    expect(server.getIssuer()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/oidc$/);
    expect(discovery.issuer).toBe(server.getIssuer());
    expect(discovery.token_endpoint).toBe(`${server.getIssuer()}/token`);
    expect(discovery.introspection_endpoint).toBe(`${server.getIssuer()}/introspect`);
  });

  it('issues a client_credentials token with client_secret_basic and client_secret_post', async () => {
    const basicRes = await token(server, { grant_type: 'client_credentials', scope: server.getScope() });
    expect(basicRes.status).toBe(200);
    // Glewlwyd spells the token type in lower case.
    expect(await basicRes.json()).toMatchObject({ token_type: 'bearer', scope: server.getScope(), expires_in: 300 });
    const { clientId, clientSecret } = server.getClient();
    const postRes = await fetch(`${server.getIssuer()}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: server.getScope(), client_id: clientId, client_secret: clientSecret }),
    });
    expect(postRes.status).toBe(200);
  });

  it('rejects a wrong client secret with 403 and no body, not RFC 6749 5.2 invalid_client', async () => {
    const res = await token(server, { grant_type: 'client_credentials', scope: server.getScope() }, 'wrong-secret');
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('');
  });

  it('runs the authorization code flow through the login API, and keeps the refresh token', async () => {
    const tokens = await codeFlowTokens(server);
    expect(tokens).toMatchObject({ token_type: 'bearer', scope: `openid ${server.getScope()}` });
    expect(tokens.id_token).toEqual(expect.any(String));
    const refreshToken = String(tokens.refresh_token);
    const refreshed = await token(server, { grant_type: 'refresh_token', refresh_token: refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await refreshed.json()) as Json).not.toHaveProperty('refresh_token');
    expect((await token(server, { grant_type: 'refresh_token', refresh_token: refreshToken })).status).toBe(200);
  });
});

describe.runIf(run)('GlewlwydContainer.withRotation(true)', () => {
  let server: StartedGlewlwydContainer;
  beforeAll(async () => {
    server = await new GlewlwydContainer().withRotation(true).withTtl({ accessToken: 60 }).start();
  });
  afterAll(async () => server?.stop());

  it('returns a new refresh token on refresh and rejects the used one', async () => {
    const tokens = await codeFlowTokens(server);
    expect(tokens.expires_in).toBe(60);
    const first = await token(server, { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) });
    expect(first.status).toBe(200);
    const rotated = (await first.json()) as Json;
    expect(rotated.refresh_token).toEqual(expect.any(String));
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    const replay = await token(server, { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) });
    expect(replay.status).toBe(400);
  });
});

describe.runIf(run)('GlewlwydContainer.withClient({ scopes })', () => {
  // registered for read only; admin exists (a scope of the server, held by the user)
  let server: StartedGlewlwydContainer;
  beforeAll(async () => {
    server = await new GlewlwydContainer().withClient({ scopes: ['openid', 'read'] }).withExtraScopes(['read', 'admin']).withRedirectUri('http://127.0.0.1:9/callback').start();
  });
  afterAll(async () => server?.stop());

  it('refuses a scope outside the registration at client_credentials, so the registration is applied', async () => {
    const res = await token(server, { grant_type: 'client_credentials', scope: 'admin' });
    expect([res.status, await res.text()]).toEqual([400, '{"error":"scope_invalid"}']);
    expect((await token(server, { grant_type: 'client_credentials', scope: 'read' })).status).toBe(200);
  });

  it('grants it in the code flow all the same: Glewlwyd 2.7 limits the code flow by the user’s scopes, not the client’s', async () => {
    const client = server.getClient();
    const user = server.getUser();
    const query = new URLSearchParams({ response_type: 'code', client_id: client.clientId, redirect_uri: client.redirectUris[0]!, scope: 'read admin', state: 'st-2' });
    const signedIn = await glewlwydUserAgent().authorize(`${server.getIssuer()}/auth?${query}`, client.redirectUris[0]!, { username: user.username, password: user.password }, fetch);
    expect(signedIn).toMatchObject({ kind: 'callback' });
    const code = new URL((signedIn as { url: string }).url).searchParams.get('code');
    const res = await token(server, { grant_type: 'authorization_code', code: code!, redirect_uri: client.redirectUris[0]! });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ scope: 'read admin' });
  });
});
