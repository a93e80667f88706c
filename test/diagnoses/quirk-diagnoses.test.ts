/**
 * The diagnoses of provider behaviours added for issue 12 (item 12), each on an exchange
 * shaped like the real provider's (hosts, bodies and error texts as reported), firing
 * where it should and silent on the near-identical traffic where it must not.
 */
import { describe, expect, it } from 'vitest';
import { clientIdMissingFromBody } from '../../src/diagnoses/client-id-missing-from-body.js';
import { errorBodyNotRfc } from '../../src/diagnoses/error-body-not-rfc.js';
import { refreshTokenExpired } from '../../src/diagnoses/refresh-token-expired.js';
import { stateNotEchoed } from '../../src/diagnoses/state-not-echoed.js';
import { tokenExpiredOnArrival } from '../../src/diagnoses/token-expired-on-arrival.js';
import { tokenTypeUnsupported } from '../../src/diagnoses/token-type-unsupported.js';
import { basic, ids, run, traffic } from './exchange-builder.js';

const cb = 'https://app.example.com/cb';
const T0 = 1_700_000_000_000;

describe('state-not-echoed', () => {
  // an accounting provider that redirects without state (fkooman/php-oauth-client#46; clojusc/friend-oauth2#27)
  const authorize = (state: string) => ({ from: 'user-agent' as const, url: `https://login.books.example.net/oauth2/authorize?response_type=code&client_id=app&redirect_uri=${encodeURIComponent(cb)}&scope=accounting&state=${state}`, status: 302, resHeaders: { location: `${cb}?code=AbC123` } });
  it('fires when the redirect lacks the state the request sent, and state-mismatch stays silent', () => {
    const ex = traffic(authorize('k3Jd9aX_2fQ8pLmZ0vRt4w'));
    expect(run(stateNotEchoed, ex)?.cause).toMatch(/exchange #1\) sent state, but the provider's redirect back to the client \(GET \/oauth2\/authorize → 302\) carried none/);
    const reactions = [{ step: 'connect', ok: false, error: { code: 'state_mismatch', message: 'response parameter "state" missing' }, warnings: [] }];
    expect(ids(ex, reactions)).toEqual(['state-not-echoed']);
  });
  it('stays silent when the state comes back (a tampered one is state-mismatch)', () => {
    const ok = traffic({ ...authorize('k3Jd9aX'), resHeaders: { location: `${cb}?code=AbC123&state=k3Jd9aX` } });
    expect(run(stateNotEchoed, ok)).toBeUndefined();
    const forged = traffic({ ...authorize('k3Jd9aX'), resHeaders: { location: `${cb}?code=AbC123&state=evil` } });
    expect(ids(forged, [{ step: 'connect', ok: false, error: { code: 'state_mismatch', message: 'unexpected "state" response parameter value' }, warnings: [] }])).toEqual(['state-mismatch']);
  });
});

describe('client-id-missing-from-body', () => {
  // the MCP Python SDK's authorization server (modelcontextprotocol/python-sdk#3545): Basic, no client_id in the body
  const code = { grant_type: 'authorization_code', code: 'c0de', redirect_uri: cb, code_verifier: 'v'.repeat(43) };
  const mcp = (body: Record<string, string>, status: number, resBody: Record<string, unknown>) => ({ url: 'https://mcp.example.org/token', headers: { authorization: basic('app-7f3', 's3cr3t-value') }, body, status, resBody });
  it('fires on invalid_client "Missing client_id" with a Basic header, instead of client-credentials-wrong', () => {
    const ex = traffic(mcp(code, 401, { error: 'invalid_client', error_description: 'Missing client_id' }));
    expect(run(clientIdMissingFromBody, ex)?.cause).toMatch(/HTTP Basic header and sent no client_id in the body.*invalid_client "Missing client_id"/);
    expect(ids(ex)).toEqual(['client-id-missing-from-body']);
  });
  it('stays silent when client_id was in the body, or the error is about the secret', () => {
    expect(run(clientIdMissingFromBody, traffic(mcp({ ...code, client_id: 'app-7f3' }, 401, { error: 'invalid_client', error_description: 'Missing client_id' })))).toBeUndefined();
    const wrong = traffic(mcp(code, 401, { error: 'invalid_client', error_description: 'Invalid client_secret' }));
    expect(run(clientIdMissingFromBody, wrong)).toBeUndefined();
    expect(ids(wrong)).toContain('client-credentials-wrong');
  });
});

describe('token-expired-on-arrival', () => {
  const token = (at: number, access: string, expires_in: number, grant = 'authorization_code') => ({ url: 'https://auth.corp.example/oauth/token', at, body: (grant === 'refresh_token' ? { grant_type: grant, refresh_token: 'rt-1', client_id: 'app', client_secret: 's' } : { grant_type: grant, code: 'c', redirect_uri: cb, client_id: 'app', client_secret: 's' }) as Record<string, string>, status: 200, resBody: { access_token: access, token_type: 'Bearer', expires_in, refresh_token: 'rt-1' } });
  // a JWT access token whose exp the API (on another clock) finds in the past
  const refused = (at: number, access: string) => ({ url: 'https://api.corp.example/v1/me', at, headers: { authorization: `Bearer ${access}` }, status: 401, resHeaders: { 'www-authenticate': 'Bearer error="invalid_token", error_description="The access token expired"' } });
  it('fires when fresh tokens are refused at their first use within their expires_in, also after a refresh', () => {
    const ex = traffic(token(T0, 'eyJ.a', 3600), refused(T0 + 2000, 'eyJ.a'), token(T0 + 3000, 'eyJ.b', 3600, 'refresh_token'), refused(T0 + 4000, 'eyJ.b'));
    const f = run(tokenExpiredOnArrival, ex);
    expect(f?.cause).toMatch(/issued in exchange #3 with expires_in 3600 s \(about 1 hour\) was refused by the API at its first use, 1 s later.*2 fresh tokens in a row/);
    expect(ids(ex)).toContain('token-expired-on-arrival');
    expect(ids(ex)).not.toContain('token-expired-not-refreshed');
  });
  it('fires on a zero lifetime (expires_in 0, Mailchimp-style)', () => {
    expect(run(tokenExpiredOnArrival, traffic(token(T0, 'at0', 0), refused(T0 + 500, 'at0')))).toBeDefined();
  });
  it('stays silent for a token used after its lifetime, or used before, or revoked in between', () => {
    expect(run(tokenExpiredOnArrival, traffic(token(T0, 'a', 60), refused(T0 + 61_000, 'a')))).toBeUndefined();
    expect(run(tokenExpiredOnArrival, traffic(token(T0, 'a', 3600), { ...refused(T0 + 1000, 'a'), status: 200, resHeaders: {} }, refused(T0 + 2000, 'a')))).toBeUndefined();
    expect(run(tokenExpiredOnArrival, traffic(token(T0, 'a', 3600), { url: 'https://auth.corp.example/oauth/revoke', at: T0 + 500, body: { token: 'a' }, status: 200 }, refused(T0 + 1000, 'a')))).toBeUndefined();
  });
});

describe('refresh-token-expired', () => {
  // GitHub App user tokens: refresh_token_expires_in 15811200 (6 months), then "bad_refresh_token" with HTTP 200
  const issued = { url: 'https://github.com/login/oauth/access_token', at: T0, body: { code: 'c', client_id: 'Iv1.app', client_secret: 's', redirect_uri: cb }, status: 200, resBody: { access_token: 'ghu_x', expires_in: 28800, refresh_token: 'ghr_1', refresh_token_expires_in: 15811200, token_type: 'bearer', scope: '' } };
  const refresh = (at: number) => ({ url: 'https://github.com/login/oauth/access_token', at, body: { grant_type: 'refresh_token', refresh_token: 'ghr_1', client_id: 'Iv1.app', client_secret: 's' }, status: 200, resBody: { error: 'bad_refresh_token', error_description: 'The refresh token passed is incorrect or expired.', error_uri: 'https://docs.github.com' } });
  it('fires when the refresh came after the announced lifetime, instead of refresh-token-invalidated', () => {
    const ex = traffic(issued, refresh(T0 + 15811200 * 1000 + 86_400_000));
    expect(run(refreshTokenExpired, ex)?.cause).toMatch(/issued in exchange #1 with refresh_token_expires_in 15811200 s \(about 183(\.\d)? days\); this refresh .* came 86400 s \(about 1 day\) after that ran out/);
    expect(ids(ex)).toContain('refresh-token-expired');
    expect(ids(ex)).not.toContain('refresh-token-invalidated');
  });
  it('stays silent for a refresh within the lifetime (refresh-token-invalidated explains that one)', () => {
    const ex = traffic(issued, refresh(T0 + 1000));
    expect(run(refreshTokenExpired, ex)).toBeUndefined();
    expect(ids(ex)).toContain('refresh-token-invalidated');
  });
});

describe('token-type-unsupported', () => {
  // Slack's oauth.v2.access (bot token), eBay's "User Access Token"
  const slack = (token_type: string) => traffic({ url: 'https://slack.com/api/oauth.v2.access', body: { code: 'c', client_id: '1.2', client_secret: 's', redirect_uri: cb }, status: 200, resBody: { ok: true, access_token: 'xoxb-17653672481', token_type, scope: 'commands,chat:write', bot_user_id: 'U0KRQLJ9H', app_id: 'A0KRD7HC3' } });
  it('fires for "bot" and "User Access Token"', () => {
    expect(run(tokenTypeUnsupported, slack('bot'))?.cause).toMatch(/token_type "bot", neither Bearer/);
    expect(ids(slack('User Access Token'))).toContain('token-type-unsupported');
  });
  it('stays silent for Bearer in any case and for DPoP', () => {
    for (const t of ['Bearer', 'bearer', 'DPoP']) expect(run(tokenTypeUnsupported, slack(t))).toBeUndefined();
  });
});

describe('error-body-not-rfc', () => {
  // HubSpot: {"status":"BAD_AUTH_CODE","message":"…","correlationId":"…"} with 400
  const hubspot = traffic({ url: 'https://api.hubapi.com/oauth/v1/token', body: { grant_type: 'authorization_code', code: 'c', client_id: 'app', client_secret: 's', redirect_uri: cb }, status: 400, resBody: { status: 'BAD_AUTH_CODE', message: 'missing or unknown auth code', correlationId: '9d3b6f5b-6e0a-4f13-9d7e-3c2a1b0f4e11' } });
  it('fires on HubSpot and names the member holding the reason', () => {
    expect(run(errorBodyNotRfc, hubspot)?.cause).toMatch(/without the error member of RFC 6749 §5.2; the provider's reason is in status: "BAD_AUTH_CODE"/);
  });
  it('fires on Strava {message, errors[]}', () => {
    const strava = traffic({ url: 'https://www.strava.com/oauth/token', body: { grant_type: 'authorization_code', code: 'c', client_id: '1', client_secret: 's' }, status: 400, resBody: { message: 'Bad Request', errors: [{ resource: 'AuthorizationCode', field: 'code', code: 'invalid' }] } });
    expect(run(errorBodyNotRfc, strava)?.cause).toMatch(/reason is in message: "Bad Request"/);
  });
  it('stays silent on an RFC error body and on Slack ({ok:false,error}: error-with-http-200)', () => {
    expect(run(errorBodyNotRfc, traffic({ url: 'https://id.example.com/token', body: { grant_type: 'authorization_code', code: 'c' }, status: 400, resBody: { error: 'invalid_grant', error_description: 'expired' } }))).toBeUndefined();
    const slack = traffic({ url: 'https://slack.com/api/oauth.v2.access', body: { code: 'c', client_id: '1.2', client_secret: 's' }, status: 200, resBody: { ok: false, error: 'invalid_code' } });
    expect(run(errorBodyNotRfc, slack)).toBeUndefined();
    expect(ids(slack)).toContain('error-with-http-200');
  });
});
