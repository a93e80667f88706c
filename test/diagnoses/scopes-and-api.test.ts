import { describe, expect, it } from 'vitest';
import { apiAuthSchemeMismatch } from '../../src/diagnoses/api-auth-scheme-mismatch.js';
import { insufficientScope } from '../../src/diagnoses/insufficient-scope.js';
import { noAccessTokenSent } from '../../src/diagnoses/no-access-token-sent.js';
import { refreshScopeExceedsGrant } from '../../src/diagnoses/refresh-scope-exceeds-grant.js';
import { scopeDelimiterWrong } from '../../src/diagnoses/scope-delimiter-wrong.js';
import { scopeNotRegistered } from '../../src/diagnoses/scope-not-registered.js';
import { scopesDeniedByUser } from '../../src/diagnoses/scopes-denied-by-user.js';
import { tokenExpiredNotRefreshed } from '../../src/diagnoses/token-expired-not-refreshed.js';
import { webServiceLoginRejected } from '../../src/diagnoses/web-service-login-rejected.js';
import { basic, ids, run, traffic } from './exchange-builder.js';

const cb = 'https://app.example.com/cb';
const auth = (host: string, scope: string) => `https://${host}/authorize?response_type=code&client_id=app&redirect_uri=${encodeURIComponent(cb)}&scope=${encodeURIComponent(scope)}&state=s1`;
const code = { grant_type: 'authorization_code', code: 'c0de', redirect_uri: cb, client_id: 'app', client_secret: 'secret-value' };
const T0 = 1_700_000_000_000;

describe('scope-not-registered', () => {
  it('recognises invalid_scope on the redirect and names the scope the error names (Azure AADSTS70011)', () => {
    const ex = traffic({ from: 'user-agent', url: auth('login.microsoftonline.com', 'openid Mail.Send'), status: 302, resHeaders: { location: `${cb}?error=invalid_scope&error_description=AADSTS70011%3A+The+provided+value+for+the+input+parameter+%27scope%27+is+not+valid.+The+scope+Mail.Send+is+not+configured&state=s1` } });
    const f = run(scopeNotRegistered, ex);
    expect(f?.cause).toMatch(/not allowed for this app: Mail.Send/);
  });

  it('recognises invalid_scope for client credentials (Okta wording)', () => {
    const ex = traffic({ url: 'https://dev-1.okta.com/oauth2/default/v1/token', body: { grant_type: 'client_credentials', scope: 'orders.write', client_id: 'app', client_secret: 'secret-value' }, status: 400, resBody: { error: 'invalid_scope', error_description: 'One or more scopes are not configured for the authorization server resource.' } });
    expect(run(scopeNotRegistered, ex)?.cause).toMatch(/client_credentials request with invalid_scope/);
  });

  it('recognises silent narrowing when the consent page never offered the scope', () => {
    const ex = traffic(
      { from: 'user-agent', url: auth('gh.example.com', 'repo,admin:org'), status: 200, resHeaders: { 'content-type': 'text/html' }, resBody: '<form id="login"><input type="checkbox" name="scope" value="repo" checked><input name="password" type="password"></form>' },
      { from: 'user-agent', endpoint: 'decision', url: 'https://gh.example.com/authorize/decision', body: { scope: 'repo', decision: 'allow' }, status: 302, resHeaders: { location: `${cb}?code=c0de&state=s1` } },
      { url: 'https://gh.example.com/token', body: code, status: 200, resBody: { access_token: 'gho_1', token_type: 'bearer', scope: 'repo' } },
    );
    expect(run(scopeNotRegistered, ex)?.cause).toMatch(/without admin:org .*never offered/);
    expect(run(scopesDeniedByUser, ex)).toBeUndefined();
  });

  it('leaves comma-joined scopes to scope-delimiter-wrong', () => {
    const ex = traffic({ from: 'user-agent', url: auth('id.example.com', 'read,write'), status: 302, resHeaders: { location: `${cb}?error=invalid_scope&error_description=unknown+scope+read%2Cwrite&state=s1` } });
    expect(run(scopeNotRegistered, ex)).toBeUndefined();
    expect(run(scopeDelimiterWrong, ex)?.fix?.[0]).toBe('Send scope=read write (space-separated).');
  });
});

describe('scopes-denied-by-user', () => {
  it('reads Facebook denied_scopes on the redirect', () => {
    const ex = traffic(
      { from: 'user-agent', url: auth('www.facebook.com', 'public_profile,email,user_likes'), status: 302, resHeaders: { location: `${cb}?code=AQD&granted_scopes=public_profile%2Cemail&denied_scopes=user_likes&state=s1` } },
      { url: 'https://graph.facebook.com/v19.0/oauth/access_token?client_id=app&redirect_uri=x&client_secret=secret-value&code=AQD', status: 200, resBody: { access_token: 'EAAB', token_type: 'bearer', expires_in: 5183944 } },
    );
    expect(run(scopesDeniedByUser, ex)?.cause).toMatch(/unticked user_likes/);
  });

  it('reads a full denial (access_denied)', () => {
    const ex = traffic({ from: 'user-agent', url: auth('accounts.google.com', 'openid email'), status: 302, resHeaders: { location: `${cb}?error=access_denied&state=s1` } });
    expect(run(scopesDeniedByUser, ex)?.cause).toMatch(/denied the whole request/);
  });

  it('stays silent when everything was granted', () => {
    const ex = traffic(
      { from: 'user-agent', url: auth('id.example.com', 'read write'), status: 302, resHeaders: { location: `${cb}?code=c&state=s1` } },
      { url: 'https://id.example.com/token', body: code, status: 200, resBody: { access_token: 'a', token_type: 'Bearer', expires_in: 60 } },
    );
    expect(run(scopesDeniedByUser, ex)).toBeUndefined();
    expect(run(scopeNotRegistered, ex)).toBeUndefined();
  });
});

describe('insufficient-scope', () => {
  it('recognises Google 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT with its Bearer challenge', () => {
    const ex = traffic(
      { from: 'user-agent', url: auth('accounts.google.com', 'openid https://www.googleapis.com/auth/drive.readonly'), status: 302, resHeaders: { location: `${cb}?code=c&state=s1` } },
      { url: 'https://oauth2.googleapis.com/token', body: code, status: 200, resBody: { access_token: 'ya29.a0', token_type: 'Bearer', expires_in: 3599, scope: 'openid https://www.googleapis.com/auth/drive.readonly' } },
      {
        url: 'https://www.googleapis.com/drive/v3/files',
        method: 'POST',
        headers: { authorization: 'Bearer ya29.a0' },
        status: 403,
        resHeaders: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="https://www.googleapis.com/auth/drive"' },
        resBody: { error: { code: 403, message: 'Request had insufficient authentication scopes.', status: 'PERMISSION_DENIED', details: [{ reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' }] } },
      },
    );
    const f = run(insufficientScope, ex);
    expect(f?.cause).toMatch(/needs https:\/\/www.googleapis.com\/auth\/drive, but the token carries \[openid https:\/\/www.googleapis.com\/auth\/drive.readonly\]/);
    expect(ids(ex)).not.toContain('token-expired-not-refreshed');
  });

  it('recognises GitHub X-Accepted-OAuth-Scopes not covered by X-OAuth-Scopes', () => {
    const ex = traffic({ url: 'https://api.github.com/user/repos', method: 'POST', headers: { authorization: 'Bearer gho_16C7e42F292c6912E7710c838347Ae178B4a' }, status: 404, resHeaders: { 'x-oauth-scopes': 'read:user', 'x-accepted-oauth-scopes': 'public_repo, repo' }, resBody: { message: 'Not Found' } });
    expect(run(insufficientScope, ex)?.cause).toMatch(/needs public_repo and repo, but the token carries \[read:user\]/);
  });

  it('stays silent on a 403 that is not about scopes', () => {
    const ex = traffic({ url: 'https://api.github.com/repos/o/r/hooks', headers: { authorization: 'Bearer gho_x' }, status: 403, resHeaders: { 'x-oauth-scopes': 'repo', 'x-accepted-oauth-scopes': 'repo' }, resBody: { message: 'Must have admin rights to Repository.' } });
    expect(run(insufficientScope, ex)).toBeUndefined();
  });
});

describe('no-access-token-sent, api-auth-scheme-mismatch, web-service-login-rejected', () => {
  it('recognises GitHub "Requires authentication" without an Authorization header', () => {
    const ex = traffic({ url: 'https://api.github.com/user', status: 401, resBody: { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest' } });
    expect(run(noAccessTokenSent, ex)?.cause).toMatch(/no Authorization header was sent/);
    expect(ids(ex)).toEqual(['no-access-token-sent']);
  });

  it('stays silent when a token was sent (as header or access_token parameter)', () => {
    expect(run(noAccessTokenSent, traffic({ url: 'https://api.example.com/x', headers: { authorization: 'Bearer abc' }, status: 401 }))).toBeUndefined();
    expect(run(noAccessTokenSent, traffic({ url: 'https://graph.facebook.com/me?access_token=EAAB', status: 400 }))).toBeUndefined();
  });

  it('tells a Bearer token sent to a Basic-only service from a wrong Basic password', () => {
    const bearer = traffic({ url: 'https://erp.example.com/ws/Account', headers: { authorization: 'Bearer at-1' }, status: 401, resHeaders: { 'www-authenticate': 'Basic realm="erp"' } });
    expect(run(apiAuthSchemeMismatch, bearer)?.fix?.[0]).toMatch(/HTTP Basic/);
    expect(run(webServiceLoginRejected, bearer)).toBeUndefined();
    const wrong = traffic({ url: 'https://erp.example.com/ws/Account', headers: { authorization: basic('jdoe', 'old-password', true) }, status: 401, resHeaders: { 'www-authenticate': 'Basic realm="erp"' } });
    const f = run(webServiceLoginRejected, wrong);
    expect(f?.cause).toMatch(/login "jdoe"/);
    expect(f?.cause).not.toMatch(/old-password/);
    expect(run(apiAuthSchemeMismatch, wrong)).toBeUndefined();
  });
});

describe('token-expired-not-refreshed', () => {
  const login = [
    { url: 'https://login.microsoftonline.com/common/oauth2/v2.0/token', body: code, status: 200, at: T0, resBody: { access_token: 'eyJ0.aaa.bbb', token_type: 'Bearer', expires_in: 3599, refresh_token: '0.AAA' } },
  ];

  it('recognises Microsoft Graph "InvalidAuthenticationToken … expired" with no refresh after it', () => {
    const ex = traffic(...login, { url: 'https://graph.microsoft.com/v1.0/me', headers: { authorization: 'Bearer eyJ0.aaa.bbb' }, status: 401, at: T0 + 2 * 3600_000, resBody: { error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired or is not yet valid.' } } });
    const f = run(tokenExpiredNotRefreshed, ex);
    expect(f?.cause).toMatch(/holds a refresh token but sent no refresh request/);
    expect(f?.evidence).toEqual([1, 2]);
  });

  it('uses the clock when the API does not say "expired" (Google 401 UNAUTHENTICATED)', () => {
    const ex = traffic(...login, { url: 'https://www.googleapis.com/drive/v3/files', headers: { authorization: 'Bearer eyJ0.aaa.bbb' }, status: 401, at: T0 + 3600_000, resHeaders: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' }, resBody: { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } } });
    expect(run(tokenExpiredNotRefreshed, ex)?.cause).toMatch(/used 3600 s later/);
  });

  it('stays silent when the client refreshed after the 401, and on a 401 before expiry that does not say expired', () => {
    const refreshed = traffic(
      ...login,
      { url: 'https://graph.microsoft.com/v1.0/me', headers: { authorization: 'Bearer eyJ0.aaa.bbb' }, status: 401, at: T0 + 7200_000, resBody: { error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired.' } } },
      { url: 'https://login.microsoftonline.com/common/oauth2/v2.0/token', body: { grant_type: 'refresh_token', refresh_token: '0.AAA', client_id: 'app' }, status: 200, at: T0 + 7200_000, resBody: { access_token: 'eyJ0.ccc.ddd', token_type: 'Bearer', expires_in: 3599 } },
    );
    expect(run(tokenExpiredNotRefreshed, refreshed)).toBeUndefined();
    const revoked = traffic(...login, { url: 'https://graph.microsoft.com/v1.0/me', headers: { authorization: 'Bearer eyJ0.aaa.bbb' }, status: 401, at: T0 + 60_000, resBody: { error: { code: 'InvalidAuthenticationToken', message: 'Lifetime validation failed, the token is revoked.' } } });
    expect(run(tokenExpiredNotRefreshed, revoked)).toBeUndefined();
  });
});

describe('traffic other clients and providers produce', () => {
  it('does not call an access_denied from an Auth0 rule a user denial', () => {
    const ex = traffic({ from: 'user-agent', url: auth('tenant.auth0.com', 'openid'), status: 302, resHeaders: { location: `${cb}?error=access_denied&error_description=Access+to+this+application+is+restricted+to+employees&state=s1` } });
    const f = run(scopesDeniedByUser, ex);
    expect(f?.cause).toMatch(/^The authorization was denied .* rule or policy of the provider/);
  });

  it('does not report a missing token on a call authenticated by an API key or a session cookie', () => {
    expect(run(noAccessTokenSent, traffic({ url: 'https://api.example.com/v1/items', headers: { 'x-api-key': 'k-123456' }, status: 403 }))).toBeUndefined();
    expect(run(noAccessTokenSent, traffic({ url: 'https://app.example.com/api/me', headers: { cookie: 'sid=abc' }, status: 401 }))).toBeUndefined();
  });
});

describe('refresh-scope-exceeds-grant (authlib and requests-oauthlib re-send the login scope at refresh)', () => {
  // oidc-provider 9: a grant narrowed at login, then authlib's refresh with the original scope
  const narrowed = (asked: string, granted: string, resent: string) =>
    traffic(
      { from: 'user-agent', url: auth('op.example.com', asked).replace('/authorize', '/auth'), status: 303, resHeaders: { location: `${cb}?code=c0de&state=s1&iss=https%3A%2F%2Fop.example.com` } },
      { url: 'https://op.example.com/token', body: code, status: 200, resBody: { access_token: 'Vdr0', expires_in: 3600, id_token: 'eyJ.a.b', refresh_token: 'Qm9i', scope: granted, token_type: 'Bearer' } },
      { url: 'https://op.example.com/token', body: { grant_type: 'refresh_token', refresh_token: 'Qm9i', scope: resent, client_id: 'app', client_secret: 'secret-value' }, status: 400, resBody: { error: 'invalid_scope', error_description: 'refresh token missing requested scope', scope: resent.split(' ').filter((x) => !granted.split(' ').includes(x)).join(' ') } },
    );

  it('the user unticked a scope at consent: names it and the grant, not scope-not-registered', () => {
    const ex = narrowed('openid profile email', 'openid profile', 'openid profile email');
    const f = run(refreshScopeExceedsGrant, ex);
    expect(f?.cause).toMatch(/asked for scope \[openid profile email\], but the grant holds \[openid profile\] \(the token response of exchange #2\): email is not part of it/);
    expect(f?.cause).toMatch(/HTTP 400 invalid_scope: "refresh token missing requested scope"/);
    expect(f?.fix?.[0]).toBe('Stop sending email at refresh: omit scope, or send only [openid profile].');
    expect(ids(ex)).toContain('refresh-scope-exceeds-grant');
    // the narrowed login itself may still be read as a scope the provider dropped (no consent page in this traffic), never the refused refresh
    expect(run(scopeNotRegistered, ex)?.evidence ?? []).not.toContain(3);
  });

  it('offline_access dropped from the grant (Microsoft, oidc-provider without prompt=consent)', () => {
    const ex = narrowed('openid offline_access', 'openid', 'openid offline_access');
    expect(run(refreshScopeExceedsGrant, ex)?.cause).toMatch(/offline_access is not part of it/);
    expect(ids(ex)).not.toContain('scope-not-registered');
  });

  it('stays silent for a refresh within the grant, without scope, or refused for another reason', () => {
    const within = narrowed('openid profile email', 'openid profile', 'openid profile');
    expect(run(refreshScopeExceedsGrant, within)).toBeUndefined();
    const refused = narrowed('openid profile email', 'openid profile', 'openid profile email');
    refused[2]!.response.body = JSON.stringify({ error: 'invalid_grant', error_description: 'grant request is invalid' });
    expect(run(refreshScopeExceedsGrant, refused)).toBeUndefined();
  });
});
