import { describe, expect, it } from 'vitest';
import { errorWithHttp200 } from '../../src/diagnoses/error-with-http-200.js';
import { neverExpiringToken } from '../../src/diagnoses/never-expiring-token.js';
import { tokenResponseNotJson } from '../../src/diagnoses/token-response-not-json.js';
import { tokenTypeMissing } from '../../src/diagnoses/token-type-missing.js';
import { ids, run, traffic } from './exchange-builder.js';

const code = { grant_type: 'authorization_code', code: 'c', redirect_uri: 'https://app.example.com/cb', client_id: 'app', client_secret: 'secret-value' };

describe('warning-level provider quirks', () => {
  it('never-expiring-token: a Salesforce response with a refresh token and no expires_in', () => {
    const ex = traffic({ url: 'https://login.salesforce.com/services/oauth2/token', body: code, status: 200, resBody: { access_token: '00D!AQ', refresh_token: '5Aep86', signature: 'x', scope: 'api refresh_token', instance_url: 'https://na1.salesforce.com', id: 'https://login.salesforce.com/id/00D/005', token_type: 'Bearer', issued_at: '1278448832702' } });
    expect(run(neverExpiringToken, ex)?.cause).toMatch(/no expires_in, although a refresh token came with it/);
    expect(ids(ex)).not.toContain('missing-refresh-token-never-expires');
  });

  it('never-expiring-token: a client-credentials token without expiry, but not a login without refresh token', () => {
    const cc = traffic({ url: 'https://x.example.com/token', body: { grant_type: 'client_credentials', client_id: 'app', client_secret: 'secret-value' }, status: 200, resBody: { access_token: 'a', token_type: 'Bearer' } });
    expect(run(neverExpiringToken, cc)).toBeDefined();
    const github = traffic({ url: 'https://github.com/login/oauth/access_token', body: code, status: 200, resBody: { access_token: 'gho_x', token_type: 'bearer', scope: 'repo' } });
    expect(run(neverExpiringToken, github)).toBeUndefined();
    expect(ids(github)).toContain('missing-refresh-token-never-expires');
  });

  it('error-with-http-200: GitHub bad_verification_code in a 200 JSON body', () => {
    const ex = traffic({ url: 'https://github.com/login/oauth/access_token', headers: { accept: 'application/json' }, body: code, status: 200, resBody: { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.', error_uri: 'https://docs.github.com/apps/troubleshooting' } });
    expect(run(errorWithHttp200, ex)?.cause).toMatch(/bad_verification_code .* with HTTP 200/);
    expect(run(errorWithHttp200, traffic({ url: 'https://x.example.com/token', body: code, status: 400, resBody: { error: 'invalid_grant' } }))).toBeUndefined();
  });

  it('token-response-not-json: Facebook (Graph ≤ v2.2) text/plain form, not an HTML page', () => {
    const ex = traffic({ method: 'GET', url: 'https://graph.facebook.com/oauth/access_token?client_id=app&redirect_uri=x&client_secret=secret-value&code=AQD', status: 200, resHeaders: { 'content-type': 'text/plain; charset=UTF-8' }, resBody: 'access_token=CAAC&expires=5183999' });
    expect(run(tokenResponseNotJson, ex)?.cause).toMatch(/text\/plain; charset=UTF-8, not application\/json \(the request sent no Accept header\)/);
    const page = traffic({ url: 'https://x.example.com/token', body: code, status: 200, resHeaders: { 'content-type': 'text/html' }, resBody: '<html><body>Sign in</body></html>' });
    expect(run(tokenResponseNotJson, page)).toBeUndefined();
    expect(ids(page)).toContain('endpoint-url-wrong');
  });

  it('token-type-missing: a LinkedIn response without token_type', () => {
    const ex = traffic({ url: 'https://www.linkedin.com/oauth/v2/accessToken', body: code, status: 200, resBody: { access_token: 'AQV', expires_in: 5183999, scope: 'r_liteprofile' } });
    expect(run(tokenTypeMissing, ex)).toBeDefined();
    expect(run(tokenTypeMissing, traffic({ url: 'https://x.example.com/token', body: code, status: 200, resBody: { access_token: 'a', token_type: 'Bearer' } }))).toBeUndefined();
  });
});
