/**
 * Metadata (RFC 8414 §2, OIDC Discovery §3) and endpoint paths: `discovery.enabled`,
 * `kind`, `issParameter`, `extra`, and `paths`.
 */
import { importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { call, firstClient, testProvider } from '../../../../mocks/testing.js';
import { mergeSwitches } from '../../../../mocks/provider/switches.js';

const OAUTH = '/.well-known/oauth-authorization-server';
const OIDC = '/.well-known/openid-configuration';

describe('discovery.enabled and kind', () => {
  it('oidc: both documents, with userinfo and ID token members', async () => {
    const p = testProvider('rfc-strict');
    const oidc = await call(p, OIDC);
    expect(oidc.status).toBe(200);
    expect(oidc.json).toMatchObject({
      issuer: p.issuer,
      authorization_endpoint: `${p.issuer}/authorize`,
      token_endpoint: `${p.issuer}/token`,
      revocation_endpoint: `${p.issuer}/revoke`,
      introspection_endpoint: `${p.issuer}/introspect`,
      userinfo_endpoint: `${p.issuer}/userinfo`,
      jwks_uri: `${p.issuer}/jwks`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      code_challenge_methods_supported: ['S256'],
    });
    expect((await call(p, OAUTH)).json).toEqual(oidc.json);
  });

  it('oauth: RFC 8414 only; no OpenID document and no userinfo', async () => {
    const p = testProvider('rfc-strict', { switches: { discovery: { kind: 'oauth' } } });
    const doc = await call(p, OAUTH);
    expect(doc.status).toBe(200);
    expect(doc.json.userinfo_endpoint).toBeUndefined();
    expect(doc.json.id_token_signing_alg_values_supported).toBeUndefined();
    expect((await call(p, OIDC)).status).toBe(404);
    expect((await call(p, '/userinfo')).status).toBe(404);
  });

  it('disabled: neither document is served', async () => {
    const p = testProvider('rfc-strict', { switches: { discovery: { enabled: false } } });
    expect((await call(p, OAUTH)).status).toBe(404);
    expect((await call(p, OIDC)).status).toBe(404);
  });

  it('the document follows the switches: no revocation, no PKCE, query placement hidden', async () => {
    const p = testProvider('rfc-strict', {
      switches: { revocation: { enabled: false }, introspection: { enabled: false }, pkce: { supported: false }, clientAuth: { methods: ['client_secret_query'] } },
    });
    const doc = (await call(p, OAUTH)).json;
    expect(doc.revocation_endpoint).toBeUndefined();
    expect(doc.introspection_endpoint).toBeUndefined();
    expect(doc.code_challenge_methods_supported).toBeUndefined();
    expect(doc.token_endpoint_auth_methods_supported).toEqual(['client_secret_post']);
  });

  it('issParameter is advertised as authorization_response_iss_parameter_supported', async () => {
    expect((await call(testProvider('rfc-strict'), OAUTH)).json.authorization_response_iss_parameter_supported).toBe(true);
    const off = testProvider('rfc-strict', { switches: { discovery: { issParameter: false } } });
    expect((await call(off, OAUTH)).json.authorization_response_iss_parameter_supported).toBe(false);
  });

  it('extra: members are added and override the generated ones', async () => {
    const p = testProvider('rfc-strict', { switches: { discovery: { extra: { service_documentation: 'https://docs.example/', response_modes_supported: ['query', 'form_post'] } } } });
    const doc = (await call(p, OAUTH)).json;
    expect(doc.service_documentation).toBe('https://docs.example/');
    expect(doc.response_modes_supported).toEqual(['query', 'form_post']);
  });

  it('scopes_supported lists the offline scope under offline-scope', async () => {
    const p = testProvider('rfc-strict', { switches: { refresh: { policy: 'offline-scope' } } });
    expect((await call(p, OAUTH)).json.scopes_supported).toContain('offline_access');
  });
});

describe('jwks', () => {
  it('serves the key that signs ID tokens', async () => {
    const p = testProvider('rfc-strict', { switches: { tokenResponse: { accessTokenFormat: 'jwt' } } });
    const jwks = (await call(p, '/jwks')).json as { keys: Record<string, unknown>[] };
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]!.d).toBeUndefined();
    const c = firstClient(p);
    const tok = await call(p, '/token', { form: { grant_type: 'client_credentials', client_id: c.client_id, client_secret: c.client_secret! } });
    const { payload } = await jwtVerify(tok.json.access_token, await importJWK(jwks.keys[0]!, 'RS256'), { issuer: p.issuer });
    expect(payload.client_id).toBe(c.client_id);
  });
});

describe('paths', () => {
  it('endpoints move with the switches, old paths 404, the document follows', async () => {
    const p = testProvider('rfc-strict', {
      switches: { paths: { authorize: '/oauth2/v9/auth', token: '/oauth2/v9/token', revocation: '/oauth2/v9/revoke', introspection: '/oauth2/v9/introspect', endSession: '/logout', deviceAuthorization: '/device' } },
    });
    const c = firstClient(p);
    const creds = { client_id: c.client_id, client_secret: c.client_secret! };
    expect((await call(p, '/token', { form: { grant_type: 'client_credentials', ...creds } })).status).toBe(404);
    expect((await call(p, '/oauth2/v9/token', { form: { grant_type: 'client_credentials', ...creds } })).status).toBe(200);
    expect((await call(p, '/oauth2/v9/revoke', { form: { token: 'x', ...creds } })).status).toBe(200);
    expect((await call(p, '/oauth2/v9/introspect', { form: { token: 'x', ...creds } })).json.active).toBe(false);
    const page = await call(p, '/oauth2/v9/auth', { query: { response_type: 'code', client_id: c.client_id, redirect_uri: c.redirect_uris[0]! } });
    expect(page.body).toContain(`action="${p.issuer}/oauth2/v9/auth/decision"`);
    const doc = (await call(p, OAUTH)).json;
    expect(doc).toMatchObject({
      authorization_endpoint: `${p.issuer}/oauth2/v9/auth`,
      token_endpoint: `${p.issuer}/oauth2/v9/token`,
      end_session_endpoint: `${p.issuer}/logout`,
      device_authorization_endpoint: `${p.issuer}/device`,
    });
  });

  it('setSwitches at runtime moves the routes', async () => {
    const p = testProvider('rfc-strict');
    p.setSwitches(mergeSwitches(p.context.switches, { paths: { token: '/t2' }, discovery: { enabled: false } }));
    const c = firstClient(p);
    expect((await call(p, '/t2', { form: { grant_type: 'client_credentials', client_id: c.client_id, client_secret: c.client_secret! } })).status).toBe(200);
    expect((await call(p, '/token', { form: { grant_type: 'client_credentials' } })).status).toBe(404);
    expect((await call(p, OAUTH)).status).toBe(404);
  });

  it('a trailing slash reaches the same endpoint', async () => {
    const p = testProvider('rfc-strict');
    expect((await call(p, `${OAUTH}/`)).status).toBe(200);
  });
});
