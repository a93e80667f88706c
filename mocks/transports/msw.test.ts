/**
 * The in-process transport: msw answers a global `fetch` to a mounted issuer; a
 * request no provider claims is an error (`onUnhandledRequest: 'error'`).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProvider } from '../profiles.js';
import type { MockProvider } from '../provider/provider.js';
import { startMsw, type MswMount } from './msw.js';
import { startNodeHttpServer, type NodeHttpServer } from './node-http.js';

const ORIGIN = 'https://oauth-harness.test';
let msw: MswMount;
let provider: MockProvider;

beforeAll(() => {
  msw = startMsw([ORIGIN]);
  provider = buildProvider({ profile: 'rfc-strict', issuer: `${ORIGIN}/rfc-strict`, switches: { authorize: { errorsAfterLogin: false } } });
  msw.mount(provider);
});

afterAll(() => msw.close());

describe('msw transport', () => {
  it('answers a global fetch to the issuer', async () => {
    const res = await fetch(`${ORIGIN}/rfc-strict/.well-known/oauth-authorization-server`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { issuer: string }).issuer).toBe(`${ORIGIN}/rfc-strict`);
  });

  it('carries a POST body and headers to the provider', async () => {
    const c = [...provider.context.clients.values()][0]!;
    const res = await fetch(`${ORIGIN}/rfc-strict/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: c.client_id, client_secret: c.client_secret! }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { token_type: string }).token_type).toBe('Bearer');
  });

  it('hands a redirect back unfollowed', async () => {
    const c = [...provider.context.clients.values()][0]!;
    const q = new URLSearchParams({ response_type: 'nope', client_id: c.client_id, redirect_uri: c.redirect_uris[0]! });
    const res = await fetch(`${ORIGIN}/rfc-strict/authorize?${q}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('error=unsupported_response_type');
  });

  it('answers 404 for an unmounted issuer on an intercepted origin, and again after unmount', async () => {
    expect((await fetch(`${ORIGIN}/elsewhere/token`)).status).toBe(404);
    const other = buildProvider({ profile: 'github-like', issuer: `${ORIGIN}/gh` });
    const unmount = msw.mount(other);
    expect((await fetch(`${ORIGIN}/gh/.well-known/oauth-authorization-server`)).status).toBe(200);
    unmount();
    expect((await fetch(`${ORIGIN}/gh/.well-known/oauth-authorization-server`)).status).toBe(404);
  });

  it('errors for a host nobody mounted', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await expect(fetch('https://unmounted.example/token')).rejects.toThrow();
    } finally {
      quiet.mockRestore();
    }
  });

  it('lets loopback requests through to a real server', async () => {
    let srv: NodeHttpServer | undefined;
    try {
      srv = await startNodeHttpServer({ port: 0 });
      srv.mount(buildProvider({ profile: 'rfc-strict', issuer: `${srv.origin}/loop` }));
      expect((await fetch(`${srv.origin}/loop/jwks`)).status).toBe(200);
    } finally {
      await srv?.close();
    }
  });
});
