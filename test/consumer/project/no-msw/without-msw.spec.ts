// msw is an optional peer: the root entry and the vitest fixture must work without it
// (the consumer script runs this file a second time with msw moved out of node_modules).
import { expect } from 'vitest';
import { createMockProvider, startMockServer } from 'oauth-harness';
import { oauthTest } from 'oauth-harness/vitest';

oauthTest('the provider answers through handle() and over HTTP, no msw needed', async ({ oauth }) => {
  const res = await oauth.handle(new Request(oauth.endpoints.discovery));
  expect(res.status).toBe(200);
  expect(createMockProvider({ profile: 'github-like' }).profile).toBe('github-like');
  const server = await startMockServer();
  try {
    expect((await fetch(server.issuers[0]!.discovery)).status).toBe(200);
  } finally {
    await server.close();
  }
});
