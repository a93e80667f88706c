/**
 * `oauthHandlers()` inside a user's own msw server: the mock answers under its issuer,
 * the user's handlers and `onUnhandledRequest` choice keep every other request, and the
 * harness itself starts nothing.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockProvider } from '../../src/index.js';
import { oauthHandlers } from '../../src/msw.js';

const google = createMockProvider({ profile: 'google-like' });
const shared = createMockProvider({ profile: 'rfc-strict', issuer: 'https://shared.example/oauth' });
const deeper = createMockProvider({ profile: 'github-like', issuer: 'https://shared.example/oauth/github' });
const unhandled: string[] = [];
const server = setupServer(http.get('https://api.example/me', () => HttpResponse.json({ me: true })), ...oauthHandlers([google, shared, deeper]));

beforeAll(() => server.listen({ onUnhandledRequest: (req) => void unhandled.push(req.url) }));
afterAll(() => server.close());

describe('oauthHandlers', () => {
  it('returns plain handlers, one per issuer, and starts nothing', () => {
    expect(oauthHandlers([google, shared, deeper])).toHaveLength(3);
    expect(oauthHandlers(google)).toHaveLength(1);
  });

  it('answers requests under each issuer, the longest issuer first', async () => {
    const a = (await (await fetch(google.endpoints.discovery)).json()) as { issuer: string };
    expect(a.issuer).toBe(google.issuer);
    const b = (await (await fetch(shared.endpoints.discovery)).json()) as { issuer: string };
    expect(b.issuer).toBe(shared.issuer);
    const c = (await (await fetch(deeper.endpoints.discovery)).json()) as { issuer: string };
    expect(c.issuer).toBe(deeper.issuer);
    expect(google.exchanges.at(-1)?.endpoint).toBe('discovery');
  });

  it("leaves other requests to the user's handlers and onUnhandledRequest", async () => {
    expect(await (await fetch('https://api.example/me')).json()).toEqual({ me: true });
    unhandled.length = 0;
    // Same origin, outside every issuer: not the mock's.
    await fetch('https://shared.example/elsewhere').catch(() => undefined);
    await fetch('https://shared.example/oauthx/token').catch(() => undefined);
    expect(unhandled).toEqual(['https://shared.example/elsewhere', 'https://shared.example/oauthx/token']);
  });

  it('carries the token request to the provider, as the client sent it', async () => {
    const c = shared.clients[0]!;
    const res = await fetch(shared.endpoints.token, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'client_credentials', client_id: c.client_id, client_secret: c.client_secret! }) });
    expect(res.status).toBe(200);
    expect(shared.exchanges.at(-1)?.request.body).toContain('client_secret=');
  });
});
