/**
 * The in-process transport: its `fetch` reaches mounted issuers without a socket and
 * without patching the global `fetch`; a request for a host nobody mounted fails like a
 * refused connection; loopback goes to the network.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProvider } from '../../../mocks/profiles.js';
import type { MockProvider } from '../../../mocks/provider/provider.js';
import { createInProcessTransport, type InProcessTransport } from '../../../mocks/transports/in-process.js';
import { startNodeHttpServer, type NodeHttpServer } from '../../../mocks/transports/node-http.js';

const ORIGIN = 'https://oauth-harness.test';
let transport: InProcessTransport;
let provider: MockProvider;

beforeAll(() => {
  transport = createInProcessTransport();
  provider = buildProvider({ profile: 'rfc-strict', issuer: `${ORIGIN}/rfc-strict`, switches: { authorize: { errorsAfterLogin: false } } });
  transport.mount(provider);
});

describe('in-process transport', () => {
  it('answers a fetch to the issuer, and leaves the global fetch alone', async () => {
    const res = await transport.fetch(`${ORIGIN}/rfc-strict/.well-known/oauth-authorization-server`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { issuer: string }).issuer).toBe(`${ORIGIN}/rfc-strict`);
    await expect(fetch(`${ORIGIN}/rfc-strict/.well-known/oauth-authorization-server`)).rejects.toThrow();
  });

  it('carries a POST body and headers to the provider', async () => {
    const c = [...provider.context.clients.values()][0]!;
    const res = await transport.fetch(`${ORIGIN}/rfc-strict/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: c.client_id, client_secret: c.client_secret! }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { token_type: string }).token_type).toBe('Bearer');
    expect(provider.exchanges.at(-1)?.request.body).toContain('grant_type=client_credentials');
  });

  it("hands a redirect back unfollowed with redirect: 'manual', and follows it by default", async () => {
    const c = [...provider.context.clients.values()][0]!;
    const q = new URLSearchParams({ response_type: 'nope', client_id: c.client_id, redirect_uri: c.redirect_uris[0]! });
    const res = await transport.fetch(`${ORIGIN}/rfc-strict/authorize?${q}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('error=unsupported_response_type');
    // Followed, the redirect leads to the client's callback host, which nobody mounted.
    await expect(transport.fetch(`${ORIGIN}/rfc-strict/authorize?${q}`)).rejects.toThrow(/no mock provider is mounted at https:\/\/client\.example\.test/);
  });

  it('refuses an unmounted issuer, also after unmount', async () => {
    await expect(transport.fetch(`${ORIGIN}/elsewhere/token`)).rejects.toThrow(/no mock provider is mounted/);
    const other = buildProvider({ profile: 'github-like', issuer: `${ORIGIN}/gh` });
    const unmount = transport.mount(other);
    expect((await transport.fetch(`${ORIGIN}/gh/.well-known/oauth-authorization-server`)).status).toBe(200);
    unmount();
    await expect(transport.fetch(`${ORIGIN}/gh/.well-known/oauth-authorization-server`)).rejects.toThrow(/no mock provider is mounted/);
  });

  it('lets loopback requests through to a real server', async () => {
    let srv: NodeHttpServer | undefined;
    try {
      srv = await startNodeHttpServer({ port: 0 });
      srv.mount(buildProvider({ profile: 'rfc-strict', issuer: `${srv.origin}/loop` }));
      expect((await transport.fetch(`${srv.origin}/loop/jwks`)).status).toBe(200);
    } finally {
      await srv?.close();
    }
  });
});
