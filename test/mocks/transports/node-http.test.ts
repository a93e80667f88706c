/**
 * The standalone transport: the provider core on a node:http server bound to
 * 127.0.0.1, reached with real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProvider } from '../../../mocks/profiles.js';
import type { MockProvider } from '../../../mocks/provider/provider.js';
import { startNodeHttpServer, type NodeHttpServer } from '../../../mocks/transports/node-http.js';

let srv: NodeHttpServer;
let strict: MockProvider;
let docusign: MockProvider;

beforeAll(async () => {
  srv = await startNodeHttpServer({ port: 0 });
  // error redirects at once (rfc-strict redirects them only after login, RFC 9700 §4.11.2)
  strict = buildProvider({ profile: 'rfc-strict', issuer: `${srv.origin}/rfc-strict`, switches: { authorize: { errorsAfterLogin: false } } });
  docusign = buildProvider({ profile: 'docusign-like', issuer: `${srv.origin}/docusign-like` });
  srv.mount(strict);
  srv.mount(docusign);
  srv.mountPath('_admin', () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'admin' }));
});

afterAll(() => srv.close());

describe('node:http transport', () => {
  it('listens on 127.0.0.1 on the free port it was given', () => {
    expect(srv.host).toBe('127.0.0.1');
    expect(srv.port).toBeGreaterThan(0);
    expect(srv.origin).toBe(`http://127.0.0.1:${srv.port}`);
  });

  it('serves discovery under the issuer path', async () => {
    const res = await fetch(`${srv.origin}/rfc-strict/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, string>;
    expect(doc.issuer).toBe(`${srv.origin}/rfc-strict`);
    expect(doc.token_endpoint).toBe(`${srv.origin}/rfc-strict/token`);
  });

  it('serves RFC 8414 path-inserted metadata: /.well-known/oauth-authorization-server/<segment>', async () => {
    const res = await fetch(`${srv.origin}/.well-known/oauth-authorization-server/docusign-like`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, string>;
    expect(doc.issuer).toBe(`${srv.origin}/docusign-like`);
    expect(doc.token_endpoint).toBe(`${srv.origin}/docusign-like/oauth/token`);
  });

  it('serves the path-inserted OpenID form too', async () => {
    const res = await fetch(`${srv.origin}/.well-known/openid-configuration/rfc-strict`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Record<string, string>).issuer).toBe(`${srv.origin}/rfc-strict`);
  });

  it('passes form bodies, query strings and headers through (a token request)', async () => {
    const c = [...strict.context.clients.values()][0]!;
    const res = await fetch(`${srv.origin}/rfc-strict/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: c.client_id, client_secret: c.client_secret! }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const tok = (await res.json()) as { access_token: string };
    const api = await fetch(`${srv.origin}/rfc-strict/api/0/odata/Account?$select=Name`, { headers: { authorization: `Bearer ${tok.access_token}` } });
    expect(api.status).toBe(200);
    expect(Object.keys(((await api.json()) as { value: object[] }).value[0]!)).toEqual(['Name']);
  });

  it('sees the socket peer as 127.0.0.1', async () => {
    await fetch(`${srv.origin}/rfc-strict/jwks`);
    expect(strict.exchanges.at(-1)!.request.remoteAddress).toMatch(/127\.0\.0\.1$/);
  });

  it('answers 404 for an unmounted segment, and routes mountPath handlers', async () => {
    expect((await fetch(`${srv.origin}/nobody/token`)).status).toBe(404);
    expect((await fetch(`${srv.origin}/.well-known/oauth-authorization-server/nobody`)).status).toBe(404);
    expect(await (await fetch(`${srv.origin}/_admin/anything`)).text()).toBe('admin');
  });

  it('returns redirects without following them', async () => {
    const c = [...strict.context.clients.values()][0]!;
    const q = new URLSearchParams({ response_type: 'unknown', client_id: c.client_id, redirect_uri: c.redirect_uris[0]! });
    const res = await fetch(`${srv.origin}/rfc-strict/authorize?${q}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('unsupported_response_type');
  });
});
