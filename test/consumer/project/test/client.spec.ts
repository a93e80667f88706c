// A user's suite: their own client, their own msw handlers for another API, and the
// harness's providers beside them.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { createMockProvider, diagnose, HarnessError, PROFILES, type OAuthMockProvider } from 'oauth-harness';
import { oauthHandlers } from 'oauth-harness/msw';
import { createOAuthTest } from 'oauth-harness/vitest';
import { MyOAuthClient, OAuthError, type ClientSettings } from '../src/oauth-client.js';

const myApi = http.get('https://api.my-app.example/profile', () => HttpResponse.json({ name: 'Alice' }));
const server = setupServer(myApi);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const test = createOAuthTest({ profile: 'docusign-like', msw: server });

function settingsFor(p: OAuthMockProvider, credentials: ClientSettings['credentials']): ClientSettings {
  const c = p.clients[0]!;
  return { authorizationUrl: p.endpoints.authorization, tokenUrl: p.endpoints.token, clientId: c.client_id, clientSecret: c.client_secret!, redirectUri: c.redirect_uris[0]!, scope: c.scopes[0] ?? '', credentials };
}

async function logIn(p: OAuthMockProvider, client: MyOAuthClient) {
  const { callbackUrl } = await p.authorize(client.startLogin(), { user: 'alice' });
  return client.finishLogin(callbackUrl!);
}

describe('against docusign-like (the file profile)', () => {
  test('a correctly configured client logs in, and my own API handler still answers', async ({ oauth }) => {
    const client = new MyOAuthClient(settingsFor(oauth, 'basic'));
    const tokens = await logIn(oauth, client);
    expect(tokens.access_token).toBeTruthy();
    expect(oauth).toHaveReceivedCredentialsIn('basic');
    expect(oauth).not.toHaveReceivedCredentialsIn('body');
    expect(oauth).toHaveVerdict('state', 'pass');
    expect(oauth).toHaveVerdict('pkce-s256', 'pass');
    expect(oauth).not.toHaveDiagnosis('credentials-wrong-placement');
    expect(await (await fetch('https://api.my-app.example/profile')).json()).toEqual({ name: 'Alice' });
  });

  test('a client that puts its secret in the body is refused, and the harness names why', async ({ oauth }) => {
    const client = new MyOAuthClient(settingsFor(oauth, 'body'));
    await expect(logIn(oauth, client)).rejects.toMatchObject({ error: 'invalid_client' });
    expect(oauth).toHaveReceivedCredentialsIn('body');
    expect(oauth).toHaveVerdict('credentials-placement', 'fail');
    expect(oauth).toHaveDiagnosis('credentials-wrong-placement');
    expect(diagnose(oauth.exchanges).map((d) => d.id)).toContain('credentials-wrong-placement');
    // The matchers fail where they should.
    expect(() => expect(oauth).toHaveReceivedCredentialsIn('basic')).toThrow(/received: #\d+ body/);
    expect(() => expect(oauth).toHaveDiagnosis('no-such-diagnosis')).toThrow(/unknown diagnosis/);
  });

  test('requests outside every issuer still reach my onUnhandledRequest', async ({ oauth, mockProvider }) => {
    expect((await fetch(`${oauth.issuer}/nothing-here`)).status).toBe(404); // the provider's own 404
    const shared = await mockProvider({ issuer: 'https://shared.my-app.example/oauth' });
    expect((await fetch(shared.endpoints.discovery)).status).toBe(200);
    await expect(fetch('https://shared.my-app.example/other')).rejects.toThrow();
    await expect(fetch('https://unknown.example/')).rejects.toThrow();
  });
});

describe('the profile chosen per test', () => {
  test('google-like wants body credentials and refreshes after the clock moves', async ({ mockProvider }) => {
    const google = await mockProvider({ profile: 'google-like' });
    const client = new MyOAuthClient(settingsFor(google, 'body'));
    const { callbackUrl } = await google.authorize(`${client.startLogin()}&access_type=offline`, { user: 'bob' });
    const tokens = await client.finishLogin(callbackUrl!);
    expect(tokens.refresh_token).toBeTruthy();
    google.advanceClock('2h');
    const again = await client.refresh();
    expect(again.access_token).not.toBe(tokens.access_token);
    expect(google).toHaveReceivedCredentialsIn('body');
    expect(google).toHaveVerdict('refreshed', 'pass');
  });
});

describe('the plain API', () => {
  test('createMockProvider and oauthHandlers by hand', async () => {
    const gh = createMockProvider({ profile: 'github-like', issuer: 'https://github.test' });
    server.use(...oauthHandlers(gh));
    const res = await fetch(gh.endpoints.discovery);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { issuer: string }).issuer).toBe('https://github.test');
    expect(PROFILES).toContain('github-like');
    try {
      createMockProvider({ profile: 'nope' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HarnessError);
      expect((e as HarnessError).code).toBe('PROFILE_UNKNOWN');
    }
    const error: OAuthError = new OAuthError('x', 1);
    expect(error.status).toBe(1);
  });
});
