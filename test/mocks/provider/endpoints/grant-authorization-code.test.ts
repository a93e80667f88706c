/**
 * Redeeming an authorization code (RFC 6749 §4.1.3, §10.5; RFC 7636 §4.6): one use
 * only, same redirect_uri, code lifetime, PKCE verification.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorizeAndConsent, call, firstClient, testProvider } from '../../../../mocks/testing.js';
import type { MockProvider } from '../../../../mocks/provider/provider.js';

const VERIFIER = 'dBjftJeZ4CVP-mJ92K9tgH3s4xq9pz3kXkXkXkXkXkXkXk';
const S256 = createHash('sha256').update(VERIFIER).digest('base64url');

async function codeFor(p: MockProvider, params: Record<string, string> = {}): Promise<string> {
  const c = firstClient(p);
  const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: c.client_id, redirect_uri: c.redirect_uris[0]!, scope: 'read', ...params });
  const code = location?.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return code;
}

function redeem(p: MockProvider, code: string, extra: Record<string, string> = {}) {
  const c = firstClient(p);
  return call(p, '/token', { form: { grant_type: 'authorization_code', code, redirect_uri: c.redirect_uris[0]!, client_id: c.client_id, client_secret: c.client_secret!, ...extra } });
}

function apiCall(p: MockProvider, accessToken: string) {
  return call(p, '/api/0/odata/Account', { headers: { authorization: `Bearer ${accessToken}` } });
}

describe('authorization code', () => {
  it('is returned with the same state, and redeemed for access and refresh tokens', async () => {
    const p = testProvider('rfc-strict');
    const c = firstClient(p);
    const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: c.client_id, redirect_uri: c.redirect_uris[0]!, scope: 'read write', state: 's1' });
    expect(`${location!.origin}${location!.pathname}`).toBe(c.redirect_uris[0]);
    expect(location?.searchParams.get('state')).toBe('s1');
    const tok = await redeem(p, location!.searchParams.get('code')!);
    expect(tok.status).toBe(200);
    expect(tok.json.token_type).toBe('Bearer');
    expect(tok.json.refresh_token).toBeTruthy();
  });

  it('reuse is invalid_grant and revokes the tokens issued with it', async () => {
    const p = testProvider('rfc-strict');
    const code = await codeFor(p);
    const first = await redeem(p, code);
    expect((await apiCall(p, first.json.access_token)).status).toBe(200);
    const second = await redeem(p, code);
    expect(second.status).toBe(400);
    expect(second.json.error).toBe('invalid_grant');
    expect((await apiCall(p, first.json.access_token)).status).toBe(401);
    const refresh = await call(p, '/token', { form: { grant_type: 'refresh_token', refresh_token: first.json.refresh_token, ...secretOf(p) } });
    expect(refresh.json.error).toBe('invalid_grant');
  });

  it('a redirect_uri different from the authorization request is invalid_grant', async () => {
    const p = testProvider('rfc-strict');
    const res = await redeem(p, await codeFor(p), { redirect_uri: 'http://127.0.0.1:8910/callback' });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_grant');
    expect(res.json.error_description).toContain('redirect_uri');
  });

  it('another client cannot redeem it', async () => {
    const p = testProvider('rfc-strict', { clients: [{ client_id: 'other', client_secret: 'other-secret', redirect_uris: ['https://client.example.test/callback'] }] });
    const code = await codeFor(p);
    const res = await call(p, '/token', { form: { grant_type: 'authorization_code', code, redirect_uri: 'https://client.example.test/callback', client_id: 'other', client_secret: 'other-secret' } });
    expect(res.json.error).toBe('invalid_grant');
  });

  it('a missing code is invalid_request, an unknown one invalid_grant', async () => {
    const p = testProvider('rfc-strict');
    const c = firstClient(p);
    const missing = await call(p, '/token', { form: { grant_type: 'authorization_code', redirect_uri: c.redirect_uris[0]!, ...secretOf(p) } });
    expect(missing.json.error).toBe('invalid_request');
    expect((await redeem(p, 'c_unknown')).json.error).toBe('invalid_grant');
  });

  it('lifetimes.code: the code expires on the clock', async () => {
    const p = testProvider('rfc-strict', { switches: { lifetimes: { code: 30 } } });
    const fresh = await codeFor(p);
    p.context.clock.advance(29_000);
    expect((await redeem(p, fresh)).status).toBe(200);
    const stale = await codeFor(p);
    p.context.clock.advance(30_000);
    const res = await redeem(p, stale);
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_grant');
    expect(res.json.error_description).toContain('expired');
  });

  it('the grant carries the consent of the user who logged in', async () => {
    const p = testProvider('rfc-strict', { switches: { discovery: { kind: 'oidc' } } });
    const c = firstClient(p);
    const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: c.client_id, redirect_uri: c.redirect_uris[0]!, scope: 'openid read' }, { username: 'bob' });
    const tok = await redeem(p, location!.searchParams.get('code')!);
    const info = await call(p, '/userinfo', { headers: { authorization: `Bearer ${tok.json.access_token}` } });
    expect(info.json.sub).toBe('bob');
  });
});

describe('PKCE verification', () => {
  it('S256: the right verifier is accepted', async () => {
    const p = testProvider('rfc-strict');
    const code = await codeFor(p, { code_challenge: S256, code_challenge_method: 'S256' });
    expect((await redeem(p, code, { code_verifier: VERIFIER })).status).toBe(200);
  });

  it('plain: the verifier equal to the challenge is accepted', async () => {
    const p = testProvider('rfc-strict', { switches: { pkce: { methods: ['S256', 'plain'] } } });
    const code = await codeFor(p, { code_challenge: VERIFIER, code_challenge_method: 'plain' });
    expect((await redeem(p, code, { code_verifier: VERIFIER })).status).toBe(200);
  });

  it('plain: S256 of the verifier is not', async () => {
    const p = testProvider('rfc-strict', { switches: { pkce: { methods: ['S256', 'plain'] } } });
    const code = await codeFor(p, { code_challenge: S256, code_challenge_method: 'plain' });
    expect((await redeem(p, code, { code_verifier: VERIFIER })).json.error).toBe('invalid_grant');
  });

  it('a wrong verifier is invalid_grant', async () => {
    const p = testProvider('rfc-strict');
    const code = await codeFor(p, { code_challenge: S256, code_challenge_method: 'S256' });
    const wrong = await redeem(p, code, { code_verifier: `${VERIFIER}x` });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toBe('invalid_grant');
    expect(wrong.json.error_description).toContain('code_verifier');
  });

  it('a missing verifier is invalid_grant when a challenge was sent', async () => {
    const p = testProvider('rfc-strict');
    const code = await codeFor(p, { code_challenge: S256, code_challenge_method: 'S256' });
    expect((await redeem(p, code)).json.error).toBe('invalid_grant');
  });

  it('a verifier without a challenge is invalid_grant', async () => {
    const p = testProvider('rfc-strict');
    const code = await codeFor(p);
    const res = await redeem(p, code, { code_verifier: VERIFIER });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_grant');
  });

  it('pkce.supported false: challenge and verifier are ignored', async () => {
    const p = testProvider('rfc-strict', { switches: { pkce: { supported: false } } });
    const code = await codeFor(p, { code_challenge: S256, code_challenge_method: 'S256' });
    expect((await redeem(p, code, { code_verifier: 'anything-at-all' })).status).toBe(200);
  });

  it('a public client redeems with client_id and verifier, no secret', async () => {
    const p = testProvider('rfc-strict', { clients: [{ client_id: 'harness-client', public: true, client_secret: null }] });
    const c = firstClient(p);
    const code = await codeFor(p, { code_challenge: S256, code_challenge_method: 'S256' });
    const res = await call(p, '/token', { form: { grant_type: 'authorization_code', code, redirect_uri: c.redirect_uris[0]!, client_id: c.client_id, code_verifier: VERIFIER } });
    expect(res.status).toBe(200);
  });
});

function secretOf(p: MockProvider) {
  const c = firstClient(p);
  return { client_id: c.client_id, client_secret: c.client_secret! };
}
