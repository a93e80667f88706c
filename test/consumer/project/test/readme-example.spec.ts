import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createOAuthTest } from 'oauth-harness/vitest';

const server = setupServer(/* ...your own handlers */);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
const test = createOAuthTest({ profile: 'docusign-like', msw: server });

test('my client sends its credentials the way Docusign wants', async ({ oauth }) => {
  const { client_id, client_secret, redirect_uris } = oauth.clients[0]!;
  const login = `${oauth.endpoints.authorization}?response_type=code&client_id=${client_id}&redirect_uri=${encodeURIComponent(redirect_uris[0]!)}&state=${crypto.randomUUID()}`;
  const { code } = await oauth.authorize(login, { user: 'alice' }); // the harness plays the user
  const res = await fetch(oauth.endpoints.token, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa(`${client_id}:${client_secret}`)}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: code!, redirect_uri: redirect_uris[0]! }),
  });
  expect(res.status).toBe(200);
  expect(oauth).toHaveReceivedCredentialsIn('basic');
  expect(oauth).toHaveVerdict('state', 'pass');
});
