/**
 * The authorization endpoint and the consent form (RFC 6749 §3.1, §4.1.1–4.1.2):
 * redirect URI matching, the error page shown instead of a redirect, scope switches,
 * the `iss` parameter (RFC 9207), PKCE request checks and the interaction lifetime.
 */
import { describe, expect, it } from 'vitest';
import type { BuildOptions } from '../../../../mocks/profiles.js';
import { authorizeAndConsent, call, firstClient, testProvider as buildTestProvider } from '../../../../mocks/testing.js';

/** These tests look at error redirects themselves: redirect them at once (`authorize.errorsAfterLogin: false`). */
const testProvider = (profile: string, o: Partial<BuildOptions> = {}) =>
  buildTestProvider(profile, { ...o, switches: { authorize: { errorsAfterLogin: false }, ...(o.switches ?? {}) } });
import type { MockProvider } from '../../../../mocks/provider/provider.js';

function start(p: MockProvider, params: Record<string, string>) {
  const c = firstClient(p);
  return call(p, p.context.switches.paths.authorize, { query: { response_type: 'code', client_id: c.client_id, ...params } });
}

/** Consents, redeems the code with body credentials, and returns the token response. */
async function tokenFor(p: MockProvider, params: Record<string, string>, decision: { scopes?: string[] } = {}) {
  const c = firstClient(p);
  const redirect_uri = params.redirect_uri ?? c.redirect_uris[0]!;
  const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: c.client_id, redirect_uri, ...params }, decision);
  const code = location?.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return call(p, p.context.switches.paths.token, { form: { grant_type: 'authorization_code', code, redirect_uri, client_id: c.client_id, client_secret: c.client_secret! } });
}

function expectErrorPage(res: { status: number; headers: Record<string, string>; body: string }, title: string) {
  expect(res.status).toBe(400);
  expect(res.headers.location).toBeUndefined();
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.body).toContain(`data-error="${title}"`);
}

describe('redirectUri.matching', () => {
  const registered = 'https://client.example.test/callback';
  const loopback = 'http://127.0.0.1:8910/callback';

  it('exact: the registered URI shows the consent page', async () => {
    const res = await start(testProvider('rfc-strict'), { redirect_uri: registered });
    expect(res.status).toBe(200);
    expect(res.body).toContain('name="txn"');
  });

  it('exact: a mismatch shows an error page and never redirects', async () => {
    const p = testProvider('rfc-strict', { switches: { redirectUri: { matching: 'exact' } } });
    for (const uri of [`${registered}/sub`, `${registered}?x=1`, 'https://client.example.test/Callback', 'http://127.0.0.1:5555/callback', 'https://evil.test/callback']) {
      const res = await start(p, { redirect_uri: uri, state: 's' });
      expectErrorPage(res, 'Invalid redirect_uri');
      expect(res.body).toContain('does not match');
    }
  });

  it('a mismatch issues no code even if the user could submit the form', async () => {
    const p = testProvider('rfc-strict');
    const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: firstClient(p).client_id, redirect_uri: 'https://evil.test/cb' });
    expect(location).toBeUndefined();
    expect(p.context.store.codes.size).toBe(0);
  });

  it('prefix: a subdirectory is accepted, a sibling path or another origin is not', async () => {
    const p = testProvider('rfc-strict', { switches: { redirectUri: { matching: 'prefix' } } });
    expect((await start(p, { redirect_uri: `${registered}/deeper/still` })).status).toBe(200);
    expectErrorPage(await start(p, { redirect_uri: `${registered}x` }), 'Invalid redirect_uri');
    expectErrorPage(await start(p, { redirect_uri: `${registered}/../admin` }), 'Invalid redirect_uri');
    expectErrorPage(await start(p, { redirect_uri: 'https://other.example.test/callback' }), 'Invalid redirect_uri');
  });

  it('loopback-any-port: any port on a registered loopback URI, nothing else', async () => {
    const p = testProvider('rfc-strict', { switches: { redirectUri: { matching: 'loopback-any-port' } } });
    expect((await start(p, { redirect_uri: 'http://127.0.0.1:5555/callback' })).status).toBe(200);
    expect((await start(p, { redirect_uri: 'http://127.0.0.1/callback' })).status).toBe(200);
    expectErrorPage(await start(p, { redirect_uri: 'http://127.0.0.1:5555/other' }), 'Invalid redirect_uri');
    expectErrorPage(await start(p, { redirect_uri: 'https://client.example.test:8443/callback' }), 'Invalid redirect_uri');
    expect((await start(p, { redirect_uri: loopback })).status).toBe(200);
  });

  it('optionalWhenSingle: an omitted redirect_uri is fine with one registered URI, refused with several', async () => {
    const one = testProvider('rfc-strict', { clients: [{ client_id: 'harness-client', redirect_uris: [registered] }] });
    expect((await start(one, {})).status).toBe(200);
    expectErrorPage(await start(testProvider('rfc-strict'), {}), 'Invalid redirect_uri');
    const strict = testProvider('rfc-strict', { clients: [{ client_id: 'harness-client', redirect_uris: [registered] }], switches: { redirectUri: { optionalWhenSingle: false } } });
    expectErrorPage(await start(strict, {}), 'Invalid redirect_uri');
  });

  it('an unknown client gets an error page', async () => {
    const p = testProvider('rfc-strict');
    const res = await call(p, '/authorize', { query: { response_type: 'code', client_id: 'nobody', redirect_uri: registered } });
    expectErrorPage(res, 'Unknown client');
  });
});

describe('errors redirected to the client', () => {
  it('an unsupported response_type redirects with the error and the state', async () => {
    const res = await start(testProvider('rfc-strict'), { redirect_uri: 'https://client.example.test/callback', response_type: 'token', state: 'xyz' });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.location!);
    expect(loc.searchParams.get('error')).toBe('unsupported_response_type');
    expect(loc.searchParams.get('state')).toBe('xyz');
  });

  it('a repeated parameter is invalid_request', async () => {
    const p = testProvider('rfc-strict');
    const c = firstClient(p);
    const query = new URLSearchParams({ response_type: 'code', client_id: c.client_id, redirect_uri: c.redirect_uris[0]!, scope: 'read' });
    query.append('scope', 'write');
    const res = await p.handle({ method: 'GET', url: `${p.issuer}/authorize?${query}`, path: '/authorize', query, headers: {}, body: '', remoteAddress: '127.0.0.1' });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.location!).searchParams.get('error')).toBe('invalid_request');
  });

  it('a client without the authorization_code grant is unauthorized_client', async () => {
    const p = testProvider('rfc-strict', { clients: [{ client_id: 'harness-client', grant_types: ['client_credentials'] }] });
    const res = await start(p, { redirect_uri: 'https://client.example.test/callback' });
    expect(new URL(res.headers.location!).searchParams.get('error')).toBe('unauthorized_client');
  });

  it('the user denying consent is access_denied', async () => {
    const p = testProvider('rfc-strict');
    const c = firstClient(p);
    const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: c.client_id, redirect_uri: c.redirect_uris[0]!, state: 'st' }, { deny: true });
    expect(location?.searchParams.get('error')).toBe('access_denied');
    expect(location?.searchParams.get('state')).toBe('st');
    expect(location?.searchParams.get('code')).toBeNull();
  });

  it('a wrong password shows the login page again without redirecting', async () => {
    const p = testProvider('rfc-strict');
    const page = await start(p, { redirect_uri: 'https://client.example.test/callback' });
    const txn = /name="txn" value="([^"]+)"/.exec(page.body)![1]!;
    const res = await call(p, '/authorize/decision', { form: { txn, username: 'alice', password: 'wrong', decision: 'allow', scope: 'read' } });
    expect(res.status).toBe(200);
    expect(res.headers.location).toBeUndefined();
    expect(res.body).toContain('Wrong username or password.');
  });
});

describe('discovery.issParameter (RFC 9207)', () => {
  it('true: the redirect carries iss', async () => {
    const p = testProvider('rfc-strict');
    const c = firstClient(p);
    const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: c.client_id, redirect_uri: c.redirect_uris[0]! });
    expect(location?.searchParams.get('iss')).toBe(p.issuer);
  });

  it('false: it does not', async () => {
    const p = testProvider('rfc-strict', { switches: { discovery: { issParameter: false } } });
    const c = firstClient(p);
    const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: c.client_id, redirect_uri: c.redirect_uris[0]! });
    expect(location?.searchParams.get('code')).toBeTruthy();
    expect(location?.searchParams.has('iss')).toBe(false);
  });
});

describe('scopes', () => {
  it('onUnregistered reject: a scope the registration lacks is invalid_scope', async () => {
    const res = await start(testProvider('rfc-strict'), { redirect_uri: 'https://client.example.test/callback', scope: 'read admin' });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.location!);
    expect(loc.searchParams.get('error')).toBe('invalid_scope');
    expect(loc.searchParams.get('error_description')).toContain('admin');
  });

  it('onUnregistered narrow: the grant has fewer scopes and the token response says so', async () => {
    const p = testProvider('rfc-strict', { switches: { scopes: { onUnregistered: 'narrow' } } });
    const tok = await tokenFor(p, { scope: 'read admin' });
    expect(tok.status).toBe(200);
    expect(tok.json.scope).toBe('read');
  });

  it('delimiter " ": a comma list is one unknown scope', async () => {
    const res = await start(testProvider('rfc-strict'), { redirect_uri: 'https://client.example.test/callback', scope: 'read,write' });
    expect(new URL(res.headers.location!).searchParams.get('error')).toBe('invalid_scope');
  });

  it('delimiter ",": a comma list is parsed, and the response scope is comma-joined', async () => {
    const p = testProvider('rfc-strict', { switches: { scopes: { delimiter: ',' }, tokenResponse: { scope: 'always' } } });
    const tok = await tokenFor(p, { scope: 'read,write' });
    expect(tok.status).toBe(200);
    expect(tok.json.scope).toBe('read,write');
  });

  it('userCanDeny true: unticked scopes narrow the grant and the response carries scope', async () => {
    const p = testProvider('rfc-strict');
    const tok = await tokenFor(p, { scope: 'read write' }, { scopes: ['read'] });
    expect(tok.status).toBe(200);
    expect(tok.json.scope).toBe('read');
    expect(p.context.store.accessTokens.get(tok.json.access_token)?.scopes).toEqual(['read']);
  });

  it('userCanDeny false: the consent page has fixed scopes, and unticking has no effect', async () => {
    const p = testProvider('rfc-strict', { switches: { scopes: { userCanDeny: false } } });
    const page = await start(p, { redirect_uri: 'https://client.example.test/callback', scope: 'read write' });
    expect(page.body).toContain('disabled');
    const tok = await tokenFor(p, { scope: 'read write' }, { scopes: ['read'] });
    expect(tok.json.scope).toBeUndefined();
    expect(p.context.store.accessTokens.get(tok.json.access_token)?.scopes).toEqual(['read', 'write']);
  });

  it('alwaysAdd: the added scope is granted although not asked', async () => {
    const p = testProvider('rfc-strict', { switches: { scopes: { alwaysAdd: ['openid'] } } });
    const tok = await tokenFor(p, { scope: 'read' });
    expect(tok.json.scope).toBe('read openid');
    expect(tok.json.id_token).toBeTruthy();
  });

  it('defaultScopes: a request without scope gets the default', async () => {
    const withDefault = await tokenFor(testProvider('rfc-strict'), {});
    expect(withDefault.json.scope).toBe('read');
    const p = testProvider('rfc-strict', { switches: { scopes: { defaultScopes: [] } } });
    const without = await tokenFor(p, {});
    expect(p.context.store.accessTokens.get(without.json.access_token)?.scopes).toEqual([]);
  });
});

describe('PKCE at the authorization endpoint', () => {
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  it('pkce.required: a request without code_challenge is invalid_request', async () => {
    const p = testProvider('rfc-strict', { switches: { pkce: { required: true } } });
    const res = await start(p, { redirect_uri: 'https://client.example.test/callback' });
    expect(new URL(res.headers.location!).searchParams.get('error')).toBe('invalid_request');
    expect((await start(p, { redirect_uri: 'https://client.example.test/callback', code_challenge: challenge, code_challenge_method: 'S256' })).status).toBe(200);
  });

  it('not required: a request without code_challenge shows the consent page', async () => {
    expect((await start(testProvider('rfc-strict'), { redirect_uri: 'https://client.example.test/callback' })).status).toBe(200);
  });

  it('a public client must send a code_challenge', async () => {
    const p = testProvider('rfc-strict', { clients: [{ client_id: 'harness-client', public: true, client_secret: null }] });
    const res = await start(p, { redirect_uri: 'https://client.example.test/callback' });
    expect(new URL(res.headers.location!).searchParams.get('error')).toBe('invalid_request');
  });

  it('pkce.methods: a method not listed is refused, including the implied plain', async () => {
    const p = testProvider('rfc-strict');
    for (const method of ['plain', undefined]) {
      const res = await start(p, { redirect_uri: 'https://client.example.test/callback', code_challenge: challenge, ...(method ? { code_challenge_method: method } : {}) });
      expect(new URL(res.headers.location!).searchParams.get('error_description')).toContain("'plain' is not supported");
    }
    const withPlain = testProvider('rfc-strict', { switches: { pkce: { methods: ['S256', 'plain'] } } });
    expect((await start(withPlain, { redirect_uri: 'https://client.example.test/callback', code_challenge: challenge, code_challenge_method: 'plain' })).status).toBe(200);
  });

  it('a malformed challenge is invalid_request', async () => {
    const res = await start(testProvider('rfc-strict'), { redirect_uri: 'https://client.example.test/callback', code_challenge: 'short', code_challenge_method: 'S256' });
    expect(new URL(res.headers.location!).searchParams.get('error')).toBe('invalid_request');
  });
});

describe('lifetimes.interaction', () => {
  it('a consent submitted after the interaction expired is refused', async () => {
    const p = testProvider('rfc-strict', { switches: { lifetimes: { interaction: 60 } } });
    const page = await start(p, { redirect_uri: 'https://client.example.test/callback' });
    const txn = /name="txn" value="([^"]+)"/.exec(page.body)![1]!;
    p.context.clock.advance(61_000);
    const res = await call(p, '/authorize/decision', { form: { txn, username: 'alice', password: p.context.users.get('alice')!.password, decision: 'allow' } });
    expect(res.status).toBe(400);
    expect(res.body).toContain('Sign-in expired');
    expect(res.headers.location).toBeUndefined();
  });
});

describe('authorize.errorsAfterLogin (rfc-strict, RFC 9700 §4.11.2)', () => {
  it('shows the login page first, then redirects the error with the state', async () => {
    const p = buildTestProvider('rfc-strict');
    const c = firstClient(p);
    const res = await call(p, '/authorize', { query: { response_type: 'bogus', client_id: c.client_id, redirect_uri: c.redirect_uris[0]!, state: 's1' } });
    expect(res.status).toBe(200);
    expect(res.headers.location).toBeUndefined();
    const { location } = await authorizeAndConsent(p, { response_type: 'bogus', client_id: c.client_id, redirect_uri: c.redirect_uris[0]!, state: 's1' });
    const url = new URL(location!);
    expect(url.searchParams.get('error')).toBe('unsupported_response_type');
    expect(url.searchParams.get('state')).toBe('s1');
    expect(p.context.store.codes.size).toBe(0);
  });
});
