import { describe, expect, it } from 'vitest';
import { addressNotAllowed } from '../../src/diagnoses/address-not-allowed.js';
import { endpointUrlWrong } from '../../src/diagnoses/endpoint-url-wrong.js';
import { pkceRequired } from '../../src/diagnoses/pkce-required.js';
import { redirectUriMismatch } from '../../src/diagnoses/redirect-uri-mismatch.js';
import { stateMismatch } from '../../src/diagnoses/state-mismatch.js';
import { basic, ids, run, traffic } from './exchange-builder.js';

const html = { 'content-type': 'text/html; charset=utf-8' };
const codeGrant = { grant_type: 'authorization_code', code: 'c0de', redirect_uri: 'https://app.example.com/cb', client_id: 'app', client_secret: 'secret-value' };
const authorize = (host: string, extra = '') => `https://${host}/authorize?response_type=code&client_id=app&redirect_uri=${encodeURIComponent('https://app.example.com/cb')}&state=xyz${extra}`;

describe('endpoint-url-wrong', () => {
  it('names the token URL answering an nginx 404 page, with the metadata value', () => {
    const ex = traffic(
      { url: 'https://id.example.com/.well-known/openid-configuration', status: 200, resBody: { issuer: 'https://id.example.com', token_endpoint: 'https://id.example.com/oauth2/token' } },
      { url: 'https://id.example.com/oauth/token', body: codeGrant, status: 404, resHeaders: html, resBody: '<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>' },
    );
    const f = run(endpointUrlWrong, ex);
    expect(f?.cause).toMatch(/token URL https:\/\/id.example.com\/oauth\/token answered HTTP 404/);
    expect(f?.cause).toMatch(/metadata gives token_endpoint = https:\/\/id.example.com\/oauth2\/token/);
    expect(f?.fix?.[0]).toBe('Set the token URL to https://id.example.com/oauth2/token.');
    expect(ids(ex)).not.toContain('client-credentials-wrong');
  });

  it('names a token URL that serves a web page with HTTP 200 (an app login page)', () => {
    const ex = traffic({ url: 'https://app.example.com/login', body: codeGrant, status: 200, resHeaders: html, resBody: '<!doctype html><html><body><form><input type="password"></form></body></html>' });
    expect(run(endpointUrlWrong, ex)?.cause).toMatch(/token URL .* answered HTTP 200 text\/html/);
  });

  it('names an authorization URL with no login page behind it', () => {
    const ex = traffic({ from: 'user-agent', url: authorize('login.example.com'), status: 404, resHeaders: html, resBody: '<h1>Page not found</h1>' });
    expect(run(endpointUrlWrong, ex)?.cause).toMatch(/authorization URL https:\/\/login.example.com\/authorize answered HTTP 404/);
  });

  it('names a revoke URL that is really the token endpoint', () => {
    const ex = traffic({ endpoint: 'token', url: 'https://id.example.com/token', headers: { authorization: basic('app', 'secret-value') }, body: { token: 'rt-1', token_type_hint: 'refresh_token' }, status: 400, resBody: { error: 'unsupported_grant_type', error_description: 'grant_type is required' } });
    expect(run(endpointUrlWrong, ex)?.cause).toMatch(/revoke URL https:\/\/id.example.com\/token is the provider's token endpoint/);
  });

  it('stays silent on OAuth JSON errors and on RFC 7009 empty 200 answers', () => {
    const ex = traffic(
      { url: 'https://id.example.com/token', body: codeGrant, status: 400, resBody: { error: 'invalid_grant', error_description: 'Code not valid' } },
      { url: 'https://id.example.com/revoke', body: { token: 'rt-1' }, status: 200 },
      { from: 'user-agent', url: authorize('id.example.com'), status: 200, resHeaders: html, resBody: '<form><input type="password" name="password"></form>' },
    );
    expect(run(endpointUrlWrong, ex)).toBeUndefined();
  });
});

describe('redirect-uri-mismatch', () => {
  it('recognises Google "Error 400: redirect_uri_mismatch" and names the URL sent', () => {
    const ex = traffic({
      from: 'user-agent',
      url: authorize('accounts.google.com'),
      status: 400,
      resHeaders: html,
      resBody: '<html><head><title>Error 400: redirect_uri_mismatch</title></head><body><h1>Access blocked: This app’s request is invalid</h1><p>You can’t sign in because this app sent an invalid request.</p><p>Error 400: redirect_uri_mismatch</p></body></html>',
    });
    const f = run(redirectUriMismatch, ex);
    expect(f?.cause).toMatch(/refused to redirect back to https:\/\/app.example.com\/cb/);
    expect(f?.fix?.[0]).toMatch(/Register https:\/\/app.example.com\/cb/);
  });

  it('recognises Azure AADSTS50011 on a 200 error page', () => {
    const ex = traffic({ from: 'user-agent', url: authorize('login.microsoftonline.com'), status: 200, resHeaders: html, resBody: "<html><body><div id='error'>AADSTS50011: The redirect URI 'https://app.example.com/cb' specified in the request does not match the redirect URIs configured for the application.</div></body></html>" });
    expect(run(redirectUriMismatch, ex)).toBeDefined();
  });

  it('recognises a token-endpoint refusal and compares the two redirect_uri values (Okta wording)', () => {
    const ex = traffic(
      { from: 'user-agent', url: authorize('dev-1.okta.com'), status: 302, resHeaders: { location: 'https://app.example.com/cb?code=c0de&state=xyz' } },
      { url: 'https://dev-1.okta.com/oauth2/default/v1/token', body: { ...codeGrant, redirect_uri: 'https://app.example.com/callback' }, status: 400, resBody: { error: 'invalid_grant', error_description: "The 'redirect_uri' does not match the redirection URI used in the authorization request." } },
    );
    expect(run(redirectUriMismatch, ex)?.cause).toMatch(/authorization request sent redirect_uri=https:\/\/app.example.com\/cb, the token request sent https:\/\/app.example.com\/callback/);
  });

  it('recognises GitHub redirect_uri_mismatch in a form-encoded 200 body', () => {
    const ex = traffic({ url: 'https://github.com/login/oauth/access_token', body: codeGrant, status: 200, resHeaders: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, resBody: 'error=redirect_uri_mismatch&error_description=The+redirect_uri+MUST+match+the+registered+callback+URL+for+this+application.' });
    expect(run(redirectUriMismatch, ex)).toBeDefined();
  });

  it('leaves Facebook app-domain refusals to address-not-allowed, and is silent on a normal login page', () => {
    const domain = traffic({ from: 'user-agent', url: authorize('www.facebook.com'), status: 200, resHeaders: html, resBody: "<html><body><h2>Can't Load URL</h2><p>The domain of this URL isn't included in the app's domains. To be able to load this URL, add all domains and subdomains of your app to the App Domains field in your app settings.</p></body></html>" });
    expect(run(redirectUriMismatch, domain)).toBeUndefined();
    expect(run(addressNotAllowed, domain)?.cause).toMatch(/domain app.example.com is not among the app's allowed domains/);
    const login = traffic({ from: 'user-agent', url: authorize('id.example.com'), status: 200, resHeaders: html, resBody: '<form><p>Continue to the redirect URL after login</p><input type="password"></form>' });
    expect(run(redirectUriMismatch, login)).toBeUndefined();
  });
});

describe('address-not-allowed', () => {
  it('recognises Salesforce "ip restricted" and says the provider did not name the address', () => {
    const ex = traffic({ url: 'https://login.salesforce.com/services/oauth2/token', body: codeGrant, status: 400, resBody: { error: 'invalid_grant', error_description: 'ip restricted' } });
    const f = run(addressNotAllowed, ex);
    expect(f?.cause).toMatch(/the provider did not say which one it saw/);
    expect(ids(ex)).not.toContain('refresh-token-invalidated');
  });

  it('names the address from the error, or from X-Forwarded-For', () => {
    const stated = traffic({ url: 'https://x.example.com/token', body: codeGrant, status: 403, resBody: { error: 'access_denied', error_description: 'Requests from 203.0.113.9 are not allowed for this application' } });
    expect(run(addressNotAllowed, stated)?.cause).toMatch(/address 203.0.113.9 \(as the provider reports it\)/);
    const forwarded = traffic({ url: 'https://x.example.com/token', headers: { 'x-forwarded-for': '198.51.100.7' }, body: codeGrant, status: 400, resBody: { error: 'invalid_grant', error_description: 'ip restricted' } });
    expect(run(addressNotAllowed, forwarded)?.fix?.[0]).toMatch(/Add 198.51.100.7/);
  });

  it('stays silent on other invalid_grant errors', () => {
    const ex = traffic({ url: 'https://login.salesforce.com/services/oauth2/token', body: codeGrant, status: 400, resBody: { error: 'invalid_grant', error_description: 'authentication failure' } });
    expect(run(addressNotAllowed, ex)).toBeUndefined();
  });
});

describe('state-mismatch and pkce-required', () => {
  it('state-mismatch reads the client reaction', () => {
    expect(run(stateMismatch, [], [{ step: 'connect', ok: false, error: { code: 'state_mismatch', message: 'unexpected "state" response parameter value' }, warnings: [] }])?.cause).toMatch(/forged/);
    expect(run(stateMismatch, [], [{ step: 'connect', ok: true, warnings: [] }])).toBeUndefined();
  });

  it('pkce-required reads a refusal on the redirect and at the token endpoint', () => {
    const atLogin = traffic({ from: 'user-agent', url: authorize('x.example.com'), status: 302, resHeaders: { location: 'https://app.example.com/cb?error=invalid_request&error_description=PKCE+code+challenge+is+required&state=xyz' } });
    expect(run(pkceRequired, atLogin)?.cause).toMatch(/no code_challenge/);
    const atToken = traffic({ url: 'https://x.example.com/token', body: { ...codeGrant, code_verifier: 'v'.repeat(43) }, status: 400, resBody: { error: 'invalid_grant', error_description: 'PKCE verification failed: code_verifier does not match' } });
    expect(run(pkceRequired, atToken)?.cause).toMatch(/does not match/);
    const other = traffic({ url: 'https://x.example.com/token', body: codeGrant, status: 400, resBody: { error: 'invalid_grant', error_description: 'Code expired' } });
    expect(run(pkceRequired, other)).toBeUndefined();
  });
});
