import { describe, expect, it } from 'vitest';
import { missingRefreshTokenIssuedOnce } from '../../src/diagnoses/missing-refresh-token-issued-once.js';
import { missingRefreshTokenNeedsOffline } from '../../src/diagnoses/missing-refresh-token-needs-offline.js';
import { missingRefreshTokenNeverExpires } from '../../src/diagnoses/missing-refresh-token-never-expires.js';
import { missingRefreshTokenNoRefreshSupport } from '../../src/diagnoses/missing-refresh-token-no-refresh-support.js';
import { refreshTokenInvalidated } from '../../src/diagnoses/refresh-token-invalidated.js';
import { refreshTokenReuse } from '../../src/diagnoses/refresh-token-reuse.js';
import { run as runScenario } from '../drivers/verdict-fixtures.js';
import { ids, run, traffic, type ExchangeSpec } from './exchange-builder.js';

const cb = 'https://app.example.com/cb';
const login = (host: string, query: string): ExchangeSpec => ({ from: 'user-agent', url: `https://${host}?response_type=code&client_id=app&redirect_uri=${encodeURIComponent(cb)}&${query}`, status: 302, resHeaders: { location: `${cb}?code=c&state=s` } });
const exchange = (url: string, resBody: Record<string, unknown>): ExchangeSpec => ({ url, body: { grant_type: 'authorization_code', code: 'c', redirect_uri: cb, client_id: 'app', client_secret: 'secret-value' }, status: 200, resBody });
const refresh = (url: string, token: string, status: number, resBody: Record<string, unknown>, step?: string): ExchangeSpec => ({ url, ...(step ? { step } : {}), body: { grant_type: 'refresh_token', refresh_token: token, client_id: 'app', client_secret: 'secret-value' }, status, resBody });
const MISSING = ['missing-refresh-token-never-expires', 'missing-refresh-token-no-refresh-support', 'missing-refresh-token-needs-offline', 'missing-refresh-token-issued-once'];
const missing = (x: string[]) => x.filter((id) => MISSING.includes(id));

describe('the four missing-refresh-token cases are told apart from traffic alone', () => {
  it('never-expires: a GitHub form-encoded response with neither expires_in nor refresh_token', () => {
    const ex = traffic(login('github.com/login/oauth/authorize', 'scope=repo'), {
      url: 'https://github.com/login/oauth/access_token',
      body: { code: 'c', client_id: 'app', client_secret: 'secret-value', redirect_uri: cb },
      status: 200,
      resHeaders: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      resBody: 'access_token=gho_16C7e42F292c6912E7710c838347Ae178B4a&scope=repo&token_type=bearer',
    });
    expect(missing(ids(ex))).toEqual(['missing-refresh-token-never-expires']);
    expect(run(missingRefreshTokenNeverExpires, ex)?.cause).toMatch(/neither refresh_token nor expires_in/);
  });

  it('needs-offline: Google without access_type=offline names the parameter, when the provider family is declared', () => {
    const ex = traffic(login('accounts.google.com/o/oauth2/v2/auth', 'scope=openid%20email'), exchange('https://oauth2.googleapis.com/token', { access_token: 'ya29.a0', expires_in: 3599, token_type: 'Bearer', scope: 'openid email', id_token: 'eyJ' }));
    expect(missing(ids(ex, [], { family: 'google' }))).toEqual(['missing-refresh-token-needs-offline']);
    const f = run(missingRefreshTokenNeedsOffline, ex, [], { family: 'google' });
    expect(f?.fix?.[0]).toBe("Add access_type=offline to the integration's authorization parameters.");
    expect(f?.cause).toMatch(/the provider family declared for this provider \(google\)/);
  });

  it('the host name decides nothing: the same Google traffic without a declared family is no-refresh-support, with the hint', () => {
    const ex = traffic(login('accounts.google.com/o/oauth2/v2/auth', 'scope=openid%20email'), exchange('https://oauth2.googleapis.com/token', { access_token: 'ya29.a0', expires_in: 3599, token_type: 'Bearer', scope: 'openid email', id_token: 'eyJ' }));
    expect(missing(ids(ex))).toEqual(['missing-refresh-token-no-refresh-support']);
    expect(run(missingRefreshTokenNoRefreshSupport, ex)?.cause).toMatch(/Nothing in the traffic names an offline scope or parameter/);
    // nor does a mock issuer whose path happens to name the provider
    const mock = traffic(login('oauth-harness.test/google-like/authorize', 'scope=openid'), exchange('https://oauth-harness.test/google-like/token', { access_token: 'at', expires_in: 3599, token_type: 'Bearer' }));
    expect(missing(ids(mock))).toEqual(['missing-refresh-token-no-refresh-support']);
  });

  it('needs-offline learned from the traffic: an earlier login of the client asked with a parameter and got a refresh token', () => {
    const ex = traffic(
      login('www.dropbox.com/oauth2/authorize', 'token_access_type=offline'),
      exchange('https://api.dropboxapi.com/oauth2/token', { access_token: 'sl.1', expires_in: 14400, refresh_token: 'rt-1', token_type: 'bearer', scope: 'files.content.read', uid: '12', account_id: 'dbid:x' }),
      login('www.dropbox.com/oauth2/authorize', 'scope=files.content.read'),
      exchange('https://api.dropboxapi.com/oauth2/token', { access_token: 'sl.2', expires_in: 14400, token_type: 'bearer', scope: 'files.content.read', uid: '12', account_id: 'dbid:x' }),
    );
    expect(missing(ids(ex))).toEqual(['missing-refresh-token-needs-offline']);
    const f = run(missingRefreshTokenNeedsOffline, ex);
    expect(f?.fix?.[0]).toBe("Add token_access_type=offline to the integration's authorization parameters.");
    expect(f?.cause).toMatch(/an earlier login of this client \(exchange #1\) asked with it and got a refresh token/);
  });

  it('needs-offline: Auth0 without offline_access, named from scopes_supported', () => {
    const ex = traffic(
      { url: 'https://tenant.auth0.com/.well-known/openid-configuration', status: 200, resBody: { issuer: 'https://tenant.auth0.com/', token_endpoint: 'https://tenant.auth0.com/oauth/token', scopes_supported: ['openid', 'profile', 'offline_access', 'email'] } },
      login('tenant.auth0.com/authorize', 'scope=openid%20profile'),
      exchange('https://tenant.auth0.com/oauth/token', { access_token: 'eyJ.a.b', id_token: 'eyJ.c.d', scope: 'openid profile', expires_in: 86400, token_type: 'Bearer' }),
    );
    expect(run(missingRefreshTokenNeedsOffline, ex)?.fix?.[0]).toBe("Add offline_access to the integration's scopes.");
  });

  it('no-refresh-support: an expiring token, offline asked, no refresh token on a first login', () => {
    const ex = traffic(login('billing.example.com/oauth/authorize', 'scope=billing.read%20offline_access'), exchange('https://billing.example.com/oauth/token', { access_token: 'bt-1', expires_in: 900, token_type: 'Bearer' }));
    expect(missing(ids(ex))).toEqual(['missing-refresh-token-no-refresh-support']);
    expect(run(missingRefreshTokenNoRefreshSupport, ex)?.cause).toMatch(/although the login asked for offline access \(the scope offline_access\)/);
  });

  it('no-refresh-support: the metadata does not list the refresh_token grant', () => {
    const ex = traffic(
      { url: 'https://x.example.com/.well-known/oauth-authorization-server', status: 200, resBody: { issuer: 'https://x.example.com', token_endpoint: 'https://x.example.com/token', grant_types_supported: ['authorization_code'], scopes_supported: ['offline_access'] } },
      login('x.example.com/authorize', 'scope=read'),
      exchange('https://x.example.com/token', { access_token: 'a', expires_in: 600, token_type: 'Bearer' }),
    );
    expect(missing(ids(ex))).toEqual(['missing-refresh-token-no-refresh-support']);
  });

  it('issued-once: a second Google consent with offline access after an unrevoked first one', () => {
    const first = [login('accounts.google.com/o/oauth2/v2/auth', 'scope=openid&access_type=offline'), exchange('https://oauth2.googleapis.com/token', { access_token: 'ya29.1', expires_in: 3599, refresh_token: '1//0g-first', token_type: 'Bearer' })];
    const second = [login('accounts.google.com/o/oauth2/v2/auth', 'scope=openid&access_type=offline'), exchange('https://oauth2.googleapis.com/token', { access_token: 'ya29.2', expires_in: 3599, token_type: 'Bearer' })];
    const ex = traffic(...first, ...second);
    expect(missing(ids(ex))).toEqual(['missing-refresh-token-issued-once']);
    expect(run(missingRefreshTokenIssuedOnce, ex)?.cause).toMatch(/Revoke the earlier grant at the provider, then connect again/);
    // revoking the first refresh token in between makes it a different story
    const revoked = traffic(...first, { url: 'https://oauth2.googleapis.com/revoke', body: { token: '1//0g-first' }, status: 200 }, ...second);
    expect(run(missingRefreshTokenIssuedOnce, revoked)).toBeUndefined();
  });

  it('stays silent when a refresh token came back', () => {
    const ex = traffic(login('accounts.google.com/o/oauth2/v2/auth', 'scope=openid&access_type=offline'), exchange('https://oauth2.googleapis.com/token', { access_token: 'ya29.1', expires_in: 3599, refresh_token: '1//0g', token_type: 'Bearer' }));
    expect(missing(ids(ex))).toEqual([]);
  });
});

describe('refresh-token-invalidated and refresh-token-reuse', () => {
  it('recognises Google "Token has been expired or revoked."', () => {
    const ex = traffic(refresh('https://oauth2.googleapis.com/token', '1//0g', 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }));
    expect(run(refreshTokenInvalidated, ex)?.cause).toMatch(/revoked at the provider/);
    expect(run(refreshTokenReuse, ex)).toBeUndefined();
    expect(ids(ex)).toEqual(['refresh-token-invalidated']);
  });

  it('recognises Auth0 403 invalid_grant and Zoom invalid_request "Invalid Token!"', () => {
    expect(run(refreshTokenInvalidated, traffic(refresh('https://tenant.auth0.com/oauth/token', 'v1.MR', 403, { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' })))).toBeDefined();
    expect(run(refreshTokenInvalidated, traffic(refresh('https://zoom.us/oauth/token', 'eyJzv', 400, { reason: 'Invalid Token!', error: 'invalid_request' })))).toBeDefined();
  });

  it('names a retry loop', () => {
    const r = refresh('https://oauth2.googleapis.com/token', '1//0g', 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
    expect(run(refreshTokenInvalidated, traffic(r, r, r, r))?.cause).toMatch(/sent this refresh token 4 times/);
  });

  it('leaves a client-authentication failure at refresh to the credentials diagnoses', () => {
    const ex = traffic(refresh('https://tenant.auth0.com/oauth/token', 'v1.MR', 401, { error: 'access_denied', error_description: 'Unauthorized' }));
    expect(run(refreshTokenInvalidated, ex)).toBeUndefined();
    expect(ids(ex)).toContain('client-credentials-wrong');
  });

  it('tells reuse after rotation (Okta) from invalidation', () => {
    const ex = traffic(
      refresh('https://dev-1.okta.com/oauth2/default/v1/token', 'rt-A', 200, { access_token: 'at-2', refresh_token: 'rt-B', expires_in: 3600, token_type: 'Bearer' }, 'refresh 1'),
      refresh('https://dev-1.okta.com/oauth2/default/v1/token', 'rt-A', 400, { error: 'invalid_grant', error_description: 'The refresh token is invalid or expired.' }, 'refresh 2'),
    );
    expect(run(refreshTokenReuse, ex)?.cause).toMatch(/sent the old one again .* it did not store the new refresh token/);
    expect(run(refreshTokenInvalidated, ex)).toBeUndefined();
  });

  it('calls two refreshes of one step with the same token concurrent', () => {
    const ex = traffic(
      refresh('https://id.example.com/token', 'rt-A', 200, { access_token: 'at-2', refresh_token: 'rt-B', expires_in: 3600, token_type: 'Bearer' }, 'sync'),
      refresh('https://id.example.com/token', 'rt-A', 400, { error: 'invalid_grant', error_description: 'refresh token was already used' }, 'sync'),
    );
    expect(run(refreshTokenReuse, ex)?.cause).toMatch(/sent together used the same refresh token/);
  });

  it('stays silent when each refresh uses the newest token', () => {
    const ex = traffic(
      refresh('https://id.example.com/token', 'rt-A', 200, { access_token: 'at-2', refresh_token: 'rt-B', expires_in: 3600, token_type: 'Bearer' }),
      refresh('https://id.example.com/token', 'rt-B', 200, { access_token: 'at-3', refresh_token: 'rt-C', expires_in: 3600, token_type: 'Bearer' }),
    );
    expect(run(refreshTokenReuse, ex)).toBeUndefined();
    expect(run(refreshTokenInvalidated, ex)).toBeUndefined();
  });
});

describe('a refresh refused for the caller\'s address', () => {
  it('is explained by address-not-allowed, not as an invalidated refresh token', () => {
    const ex = traffic(refresh('https://login.salesforce.com/services/oauth2/token', '5Aep86', 400, { error: 'invalid_grant', error_description: 'ip restricted' }));
    expect(ids(ex)).toEqual(['address-not-allowed']);
  });
});

describe('the client warning and the diagnosis agree on why a refresh token is missing', () => {
  const offlineParam = { refresh: { policy: 'offline-param', offlineParam: { name: 'access_type', value: 'offline' } } };
  const caseOf = async (provider: Record<string, unknown>) => {
    const { result } = await runScenario({ provider, client: { scopes: ['read'] }, steps: [{ connect: {} }] });
    const warned = (result.warnings ?? []).map((w) => w.code).filter((c) => c.startsWith('missing-refresh-token:')).map((c) => c.slice('missing-refresh-token:'.length));
    const diagnosed = result.diagnoses.map((d) => d.id).filter((id) => MISSING.includes(id)).map((id) => id.slice('missing-refresh-token-'.length));
    return { warned, diagnosed };
  };
  it('a provider that wants a parameter nothing in the traffic names: both say no-refresh-support', async () => {
    expect(await caseOf({ profile: 'rfc-strict', switches: offlineParam })).toEqual({ warned: ['no-refresh-support'], diagnosed: ['no-refresh-support'] });
  });
  it('the same provider declared as the Google family (on rfc-strict, so no host or path names it): both say needs-offline', async () => {
    expect(await caseOf({ profile: 'rfc-strict', family: 'google', switches: offlineParam })).toEqual({ warned: ['needs-offline'], diagnosed: ['needs-offline'] });
  });
});
