import { describe, expect, it } from 'vitest';
import { basicCredentialsNotFormEncoded } from '../../src/diagnoses/basic-credentials-not-form-encoded.js';
import { clientCredentialsWrong } from '../../src/diagnoses/client-credentials-wrong.js';
import { credentialsPlacementProbed } from '../../src/diagnoses/credentials-placement-probed.js';
import { credentialsSentTwice } from '../../src/diagnoses/credentials-sent-twice.js';
import { credentialsWrongPlacement } from '../../src/diagnoses/credentials-wrong-placement.js';
import { basic, ids, run, traffic } from './exchange-builder.js';

const codeGrant = { grant_type: 'authorization_code', code: 'SplxlOBeZQQYbYS6WxSbIA', redirect_uri: 'https://app.example.com/cb' };
const bodyCreds = { ...codeGrant, client_id: 'my-app', client_secret: 'aPpSeCrEt123' };

describe('credentials-wrong-placement', () => {
  it('reads the wanted method from an Ory Hydra error_hint (body sent, Basic wanted)', () => {
    const ex = traffic({
      url: 'https://hydra.example.com/oauth2/token',
      body: bodyCreds,
      status: 401,
      resBody: {
        error: 'invalid_client',
        error_description: 'Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method).',
        error_hint: 'The OAuth 2.0 Client supports client authentication method "client_secret_basic", but method "client_secret_post" was requested. You must configure the OAuth 2.0 client\'s "token_endpoint_auth_method" value to accept "client_secret_post".',
      },
    });
    const f = run(credentialsWrongPlacement, ex);
    expect(f?.cause).toMatch(/sent its credentials in the form body \(client_secret_post\).*wants them in an HTTP Basic header/);
    expect(f?.fix?.[0]).toMatch(/Basic header/);
    expect(ids(ex)).not.toContain('client-credentials-wrong');
  });

  it('reads an Authelia message naming both methods', () => {
    const ex = traffic({
      url: 'https://auth.example.com/api/oidc/token',
      body: bodyCreds,
      status: 401,
      resBody: {
        error: 'invalid_client',
        error_description:
          "Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method). The request was determined to be using 'token_endpoint_auth_method' method 'client_secret_post', however the OAuth 2.0 client registration does not allow this method. The registered client with id 'mailcow' is configured to only support 'token_endpoint_auth_method' method 'client_secret_basic'.",
      },
    });
    expect(run(credentialsWrongPlacement, ex)?.cause).toMatch(/wants them in an HTTP Basic header/);
  });

  it('reads Azure AD AADSTS7000218 as "the secret belongs in the body" when a Basic header was sent', () => {
    const ex = traffic({
      url: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      headers: { authorization: basic('f8c37a6e-0d92', 'secret~value') },
      body: codeGrant,
      status: 401,
      resBody: { error: 'invalid_client', error_description: "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.\r\nTrace ID: 1c15", error_codes: [7000218] },
    });
    expect(run(credentialsWrongPlacement, ex)?.cause).toMatch(/HTTP Basic header .*wants them in the form body/);
  });

  it('uses token_endpoint_auth_methods_supported from the metadata when the error says nothing (Keycloak wording)', () => {
    const ex = traffic(
      { url: 'https://id.example.com/.well-known/openid-configuration', status: 200, resBody: { issuer: 'https://id.example.com', token_endpoint: 'https://id.example.com/token', token_endpoint_auth_methods_supported: ['client_secret_post'] } },
      { url: 'https://id.example.com/token', headers: { authorization: basic('my-app', 'aPpSeCrEt123') }, body: codeGrant, status: 401, resBody: { error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' } },
    );
    const f = run(credentialsWrongPlacement, ex);
    expect(f?.cause).toMatch(/metadata lists token_endpoint_auth_methods_supported = \[client_secret_post\]/);
    expect(f?.evidence).toEqual([2]);
  });

  it('learns the placement from a later success of the same client', () => {
    const ex = traffic(
      { url: 'https://api.example.com/oauth/token', body: bodyCreds, status: 400, resBody: { error: 'invalid_client' } },
      // a later login (another code) after the integration was reconfigured
      { url: 'https://api.example.com/oauth/token', headers: { authorization: basic('my-app', 'aPpSeCrEt123') }, body: { ...codeGrant, code: 'code-of-a-new-login' }, status: 200, resBody: { access_token: 'at-1', token_type: 'Bearer', expires_in: 3600 } },
    );
    expect(run(credentialsWrongPlacement, ex)?.cause).toMatch(/succeeded with that placement in exchange #2/);
    // the same request sent again at once is the client probing: credentials-placement-probed
    const probed = traffic({ url: 'https://api.example.com/oauth/token', body: bodyCreds, status: 400, resBody: { error: 'invalid_client' } }, { url: 'https://api.example.com/oauth/token', headers: { authorization: basic('my-app', 'aPpSeCrEt123') }, body: codeGrant, status: 200, resBody: { access_token: 'at-1', token_type: 'Bearer', expires_in: 3600 } });
    expect(ids(probed)).toContain('credentials-placement-probed');
    expect(ids(probed)).not.toContain('credentials-wrong-placement');
  });

  it('takes a Basic challenge answering body credentials as "wants Basic" unless the error blames the secret', () => {
    const challenge = { 'www-authenticate': 'Basic realm="api"' };
    const generic = traffic({ url: 'https://api.example.com/token', body: bodyCreds, status: 401, resHeaders: challenge, resBody: { error: 'invalid_client' } });
    expect(run(credentialsWrongPlacement, generic)?.cause).toMatch(/Basic challenge/);
    const blamed = traffic({ url: 'https://api.example.com/token', body: bodyCreds, status: 401, resHeaders: challenge, resBody: { error: 'invalid_client', error_description: 'Invalid client secret' } });
    expect(run(credentialsWrongPlacement, blamed)).toBeUndefined();
    expect(ids(blamed)).toContain('client-credentials-wrong');
  });

  it('stays silent on a success and on a wrong secret in the accepted placement', () => {
    const ok = traffic({ url: 'https://api.example.com/token', headers: { authorization: basic('my-app', 's') }, body: codeGrant, status: 200, resBody: { access_token: 'x', token_type: 'Bearer' } });
    expect(run(credentialsWrongPlacement, ok)).toBeUndefined();
    const wrong = traffic({ url: 'https://api.example.com/token', headers: { authorization: basic('my-app', 'nope-nope') }, body: codeGrant, status: 401, resHeaders: { 'www-authenticate': 'Basic realm="x"' }, resBody: { error: 'invalid_client', error_description: 'Basic authentication failed' } });
    expect(run(credentialsWrongPlacement, wrong)).toBeUndefined();
  });
});

describe('client-credentials-wrong', () => {
  const cases: [string, Parameters<typeof traffic>[0]][] = [
    ['Keycloak 401 unauthorized_client', { url: 'https://kc.example.com/realms/r/protocol/openid-connect/token', body: bodyCreds, status: 401, resBody: { error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' } }],
    ['Zoom {"reason", "error":"invalid_client"}', { url: 'https://zoom.us/oauth/token', headers: { authorization: basic('zoomId', 'zoomSecret') }, body: { grant_type: 'account_credentials', account_id: 'a1' }, status: 400, resBody: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' } }],
    ['Auth0 401 access_denied "Unauthorized"', { url: 'https://tenant.eu.auth0.com/oauth/token', body: bodyCreds, status: 401, resBody: { error: 'access_denied', error_description: 'Unauthorized' } }],
    ['Azure AADSTS7000215', { url: 'https://login.microsoftonline.com/common/oauth2/v2.0/token', body: bodyCreds, status: 401, resBody: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.' } }],
    ['GitHub incorrect_client_credentials with HTTP 200', { url: 'https://github.com/login/oauth/access_token', body: bodyCreds, status: 200, resBody: { error: 'incorrect_client_credentials', error_description: 'The client_id and/or client_secret passed are incorrect.' } }],
    ['Salesforce invalid_client_id', { url: 'https://login.salesforce.com/services/oauth2/token', body: bodyCreds, status: 400, resBody: { error: 'invalid_client_id', error_description: 'client identifier invalid' } }],
  ];
  for (const [name, spec] of cases) {
    it(`recognises ${name}`, () => {
      const ex = traffic(spec);
      expect(run(clientCredentialsWrong, ex)?.cause).toMatch(/refused to authenticate/);
      expect(ids(ex)).not.toContain('credentials-wrong-placement');
    });
  }

  it('says when the client id is unknown', () => {
    const ex = traffic({ url: 'https://kc.example.com/token', body: bodyCreds, status: 401, resBody: { error: 'unauthorized_client', error_description: 'UNKNOWN_CLIENT: Client was not identified by any client authenticator' } });
    expect(run(clientCredentialsWrong, ex)?.cause).toMatch(/does not know this client id/);
  });

  it('recognises an unknown client id at the login page (Google "Error 401: invalid_client")', () => {
    const ex = traffic({
      from: 'user-agent',
      url: 'https://accounts.google.com/o/oauth2/v2/auth?client_id=typo.apps.googleusercontent.com&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&response_type=code&scope=openid',
      status: 401,
      resHeaders: { 'content-type': 'text/html; charset=utf-8' },
      resBody: '<html><head><title>Error 401: invalid_client</title></head><body><h1>Access blocked: Authorization Error</h1><p>The OAuth client was not found.</p><p>Error 401: invalid_client</p></body></html>',
    });
    expect(run(clientCredentialsWrong, ex)?.cause).toMatch(/does not know the client id "typo.apps.googleusercontent.com"/);
  });

  it('reads Glewlwyd’s bare 403 unauthorized_client to a Basic id the client form-encoded (harness%2Dclient): the provider does not decode it', () => {
    const encoded = `Basic ${Buffer.from('harness%2Dclient:s3cret').toString('base64')}`;
    const ex = traffic({ url: 'http://127.0.0.1:4593/api/oidc/token', headers: { authorization: encoded }, body: codeGrant, status: 403, resBody: { error: 'unauthorized_client' } });
    const f = run(clientCredentialsWrong, ex);
    expect(f?.cause).toMatch(/form-encoded special characters of its id or secret in the Basic header, as RFC 6749 §2.3.1 says; some providers compare the encoded text without decoding it/);
    expect(f?.fix?.[0]).toMatch(/client_secret_post/);
    // the same bare 403 to an id form-encoding leaves alone is a grant-type refusal (RFC 6749 §5.2), not a credentials problem
    const plain = traffic({ url: 'http://127.0.0.1:4593/api/oidc/token', headers: { authorization: basic('harnessclient', 's3cret') }, body: codeGrant, status: 403, resBody: { error: 'unauthorized_client' } });
    expect(run(clientCredentialsWrong, plain)).toBeUndefined();
  });

  it('stays silent on grant-type refusals and on other errors', () => {
    const grant = traffic({ url: 'https://kc.example.com/token', body: { ...bodyCreds, grant_type: 'client_credentials' }, status: 400, resBody: { error: 'unauthorized_client', error_description: 'Client not enabled to retrieve service account' } });
    expect(run(clientCredentialsWrong, grant)).toBeUndefined();
    const badCode = traffic({ url: 'https://kc.example.com/token', body: bodyCreds, status: 400, resBody: { error: 'invalid_grant', error_description: 'Code not valid' } });
    expect(run(clientCredentialsWrong, badCode)).toBeUndefined();
  });
});

describe('basic-credentials-not-form-encoded', () => {
  it('fires when a secret with reserved characters is sent raw and refused', () => {
    const ex = traffic({ url: 'https://kc.example.com/token', headers: { authorization: basic('my-app', 'ab+c/d=e:f', true) }, body: codeGrant, status: 401, resBody: { error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' } });
    const f = run(basicCredentialsNotFormEncoded, ex);
    expect(f?.cause).toMatch(/client secret in the Basic header contains characters \(\+ \/ = :\)/);
    expect(ids(ex)).not.toContain('client-credentials-wrong');
  });

  it('stays silent when the client form-encoded (oauth4webapi escapes even "-"), or when the provider accepted it', () => {
    const encoded = traffic({ url: 'https://kc.example.com/token', headers: { authorization: basic('my-app', 'ab+c/d=e:f') }, body: codeGrant, status: 401, resBody: { error: 'invalid_client' } });
    expect(run(basicCredentialsNotFormEncoded, encoded)).toBeUndefined();
    const strict = traffic({ url: 'https://kc.example.com/token', headers: { authorization: `Basic ${Buffer.from('my%2Dapp:s%2Dx').toString('base64')}` }, body: codeGrant, status: 401, resBody: { error: 'invalid_client' } });
    expect(run(basicCredentialsNotFormEncoded, strict)).toBeUndefined();
    const accepted = traffic({ url: 'https://kc.example.com/token', headers: { authorization: basic('my-app', 'ab+c/d=e', true) }, body: codeGrant, status: 200, resBody: { access_token: 'x', token_type: 'Bearer' } });
    expect(run(basicCredentialsNotFormEncoded, accepted)).toBeUndefined();
  });
});

describe('credentials-sent-twice', () => {
  it('recognises AD FS MSIS9631 for a request with both a Basic header and client_secret', () => {
    const ex = traffic({ url: 'https://adfs.example.com/adfs/oauth2/token', headers: { authorization: basic('my-app', 'aPpSeCrEt123') }, body: bodyCreds, status: 400, resBody: { error: 'invalid_request', error_description: 'MSIS9631: Received invalid OAuth request. Multiple client authentication methods were attempted.' } });
    expect(run(credentialsSentTwice, ex)?.cause).toMatch(/both an HTTP Basic header and client_secret/);
    expect(ids(ex)).not.toContain('client-credentials-wrong');
  });

  it('stays silent when the provider accepts it, and when one method is used', () => {
    const lenient = traffic({ url: 'https://x.example.com/token', headers: { authorization: basic('my-app', 's') }, body: bodyCreds, status: 200, resBody: { access_token: 'x', token_type: 'Bearer' } });
    expect(run(credentialsSentTwice, lenient)).toBeUndefined();
    const once = traffic({ url: 'https://x.example.com/token', body: bodyCreds, status: 401, resBody: { error: 'invalid_client' } });
    expect(run(credentialsSentTwice, once)).toBeUndefined();
  });
});

describe('credentials-placement-probed', () => {
  // Go x/oauth2 (AuthStyleAutoDetect) against Salesforce: Basic answered "400 invalid client id" (openid/AppAuth-iOS#208), then the body
  const basicTry = { url: 'https://login.salesforce.com/services/oauth2/token', body: codeGrant, headers: { authorization: basic('3MVG9app', 'aPpSeCrEt123') }, status: 400, resBody: { error: 'invalid_client_id', error_description: 'client identifier invalid' } };
  const bodyTry = {
    url: 'https://login.salesforce.com/services/oauth2/token',
    body: { ...codeGrant, client_id: '3MVG9app', client_secret: 'aPpSeCrEt123' },
    status: 200,
    resBody: { access_token: '00Dxx!AQ0AQ', refresh_token: '5Aep861', signature: 'x', scope: 'api refresh_token', instance_url: 'https://acme.my.salesforce.com', id: 'https://login.salesforce.com/id/00D/005', token_type: 'Bearer', issued_at: '1767225600000' },
  };

  it('fires, as a warning, when the same request went through at once with body credentials (Salesforce, Go x/oauth2)', () => {
    const ex = traffic(basicTry, bodyTry);
    const f = run(credentialsPlacementProbed, ex);
    expect(f?.cause).toMatch(/HTTP Basic header.*400 invalid_client_id.*again at once with them in the form body \(client_secret_post\) \(exchange #2\)/);
    expect(f?.fix?.[0]).toMatch(/AuthStyleInParams/);
    expect(ids(ex)).not.toContain('credentials-wrong-placement');
    expect(ids(ex)).not.toContain('client-credentials-wrong');
  });

  it('stays silent when the retry failed too, or was another request (a new login), and then it is credentials-wrong-placement', () => {
    const failedAgain = traffic(basicTry, { ...bodyTry, status: 400, resBody: { error: 'invalid_grant', error_description: 'authentication failure' } });
    expect(run(credentialsPlacementProbed, failedAgain)).toBeUndefined();
    const otherCode = traffic(basicTry, { ...bodyTry, body: { ...bodyTry.body, code: 'another-code' } });
    expect(run(credentialsPlacementProbed, otherCode)).toBeUndefined();
    expect(ids(otherCode)).toContain('credentials-wrong-placement');
  });
});
