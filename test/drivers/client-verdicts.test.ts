/**
 * Each client verdict, shown passing on a client that does the right thing and failing
 * on one that breaks it, on exchanges the mock provider recorded.
 */
import { describe, expect, it } from 'vitest';
import { authorizeAndConsent, basic, call, firstClient, testProvider } from '../../mocks/testing.js';
import { clientVerdicts, VERDICTS, verdictContextOf, verdictExpectations } from '../../src/drivers/client-verdicts.js';
import { VERDICT_IDS } from '../../src/scenario/verdict-ids.js';
import { toExchange } from '../../src/observe/recorded-exchange.js';
import { run } from './verdict-fixtures.js';

const rfc = (client: Record<string, unknown>, steps: unknown[], provider: Record<string, unknown> = { profile: 'rfc-strict' }) => ({ provider, client: { scopes: ['read'], ...client }, steps });
const connect = { connect: { user: 'alice' } };

describe('credentials-placement', () => {
  it('passes for one accepted placement and names it', async () => {
    const v = (await run(rfc({ credentials: 'basic' }, [connect]))).verdict('credentials-placement');
    expect(v).toMatchObject({ outcome: 'pass', detail: 'credentials in an HTTP Basic header' });
  });
  it('fails for credentials in two places', async () => {
    const v = (await run(rfc({ faults: ['send-credentials-twice'] }, [connect]))).verdict('credentials-placement');
    expect(v.outcome).toBe('fail');
    expect(v.detail).toMatch(/more than one place/);
  });
  it('fails for a placement the provider refuses (body at a Basic-only provider)', async () => {
    const v = (await run(rfc({ credentials: 'body', scopes: ['signature'] }, [connect], { profile: 'docusign-like' }))).verdict('credentials-placement');
    expect(v).toMatchObject({ outcome: 'fail', detail: 'credentials sent in the request body; the provider accepts an HTTP Basic header' });
  });
});

describe('token-request-method', () => {
  const facebook = { profile: 'facebook-like', switches: { tokenEndpoint: { methods: ['GET'] }, clientAuth: { methods: ['client_secret_query', 'client_secret_post'] } } };
  it('passes for a GET where the provider takes GET', async () => {
    expect((await run(rfc({ credentials: 'query', scopes: ['email'] }, [connect], facebook))).verdict('token-request-method').outcome).toBe('pass');
  });
  it('fails for a POST where the provider takes GET only', async () => {
    const v = (await run(rfc({ credentials: 'body', scopes: ['email'] }, [connect], facebook))).verdict('token-request-method');
    expect(v).toMatchObject({ outcome: 'fail', detail: 'token request sent with POST; the token endpoint accepts GET only' });
  });
});

describe('state and state-checked', () => {
  it('state passes for the reference client and is not applicable without an authorization', async () => {
    expect((await run(rfc({}, [connect]))).verdict('state').outcome).toBe('pass');
    expect((await run(rfc({}, [{ clientCredentials: {} }]))).verdict('state').outcome).toBe('not-applicable');
  });
  it('state fails for an authorization request with neither state nor PKCE, and for a short state', () => {
    const p = testProvider('rfc-strict');
    const c = firstClient(p);
    const base = { client_id: c.client_id, response_type: 'code', redirect_uri: c.redirect_uris[0]!, scope: 'read' };
    return (async () => {
      await authorizeAndConsent(p, base);
      const ctx = verdictContextOf(p);
      expect(clientVerdicts(p.exchanges.map((e) => toExchange(e)), ctx).find((v) => v.id === 'state')).toMatchObject({ outcome: 'fail', detail: 'an authorization request carried neither state nor an S256 code_challenge' });
      p.reset();
      await authorizeAndConsent(p, { ...base, state: 'abc' });
      expect(clientVerdicts(p.exchanges.map((e) => toExchange(e)), ctx).find((v) => v.id === 'state')?.detail).toMatch(/3 characters: too short/);
    })();
  });
  it('state-checked passes when the forged callback is refused and fails when its code is redeemed', async () => {
    expect((await run(rfc({}, [{ connect: { user: 'alice', tamper: 'state' } }]))).verdict('state-checked').outcome).toBe('pass');
    const v = (await run(rfc({ faults: ['ignore-state'] }, [{ connect: { user: 'alice', tamper: 'state' } }]))).verdict('state-checked');
    expect(v).toMatchObject({ outcome: 'fail', detail: 'the client redeemed the code of a callback carrying a forged state' });
  });
});

describe('pkce-s256', () => {
  it('passes with S256 and fails without PKCE', async () => {
    expect((await run(rfc({}, [connect]))).verdict('pkce-s256').outcome).toBe('pass');
    expect((await run(rfc({ faults: ['no-pkce'] }, [connect]))).verdict('pkce-s256')).toMatchObject({ outcome: 'fail', detail: 'an authorization request carried no code_challenge' });
  });
});

describe('redirect URI', () => {
  it('redirect-uri-registered fails for an unregistered redirect URI', async () => {
    const v = (await run(rfc({ redirectUri: 'https://client.example.test/other' }, [connect]))).verdict('redirect-uri-registered');
    expect(v.outcome).toBe('fail');
    expect(v.detail).toMatch(/redirect_uri https:\/\/client.example.test\/other is not registered/);
  });
  it('redirect-uri-repeated passes when repeated and fails when dropped at the token endpoint', async () => {
    expect((await run(rfc({}, [connect]))).verdict('redirect-uri-repeated').outcome).toBe('pass');
    const v = (await run(rfc({ faults: ['drop-redirect-uri-at-token'] }, [connect]))).verdict('redirect-uri-repeated');
    expect(v).toMatchObject({ outcome: 'fail' });
    expect(v.detail).toMatch(/^no redirect_uri at the token endpoint/);
  });
});

describe('refreshed and retried-after-401', () => {
  const expired = [connect, { advanceClock: '2h' }, { callApi: {} }];
  it('refreshed passes for a refresh on expiry and fails for a client that never refreshes', async () => {
    expect((await run(rfc({}, expired))).verdict('refreshed').outcome).toBe('pass');
    const v = (await run(rfc({ faults: ['no-refresh'] }, expired))).verdict('refreshed');
    expect(v).toMatchObject({ outcome: 'fail', detail: 'the API was called with an expired access token and the client did not refresh' });
  });
  it('retried-after-401 passes when the client refreshes and retries, fails when it does not retry', async () => {
    const revoked = [connect, { revoke: { token: 'access' } }, { callApi: {} }];
    expect((await run(rfc({}, revoked))).verdict('retried-after-401').outcome).toBe('pass');
    const v = (await run(rfc({ faults: ['no-retry'] }, revoked))).verdict('retried-after-401');
    expect(v).toMatchObject({ outcome: 'fail', detail: 'the API answered 401 invalid_token and the client did not refresh' });
  });
});

describe('revoked-on-disconnect', () => {
  it('passes when the refresh token is revoked and fails when the tokens are only forgotten', async () => {
    expect((await run(rfc({}, [connect, { disconnect: {} }]))).verdict('revoked-on-disconnect').outcome).toBe('pass');
    const v = (await run(rfc({ faults: ['no-revoke-on-disconnect'] }, [connect, { disconnect: {} }]))).verdict('revoked-on-disconnect');
    expect(v).toMatchObject({ outcome: 'fail', detail: 'the client forgot its tokens without revoking them: the grant stays alive at the provider' });
  });
  it('is not applicable at a provider without a revocation endpoint', async () => {
    const v = (await run(rfc({ credentials: 'body', scopes: ['repo'] }, [connect, { disconnect: {} }], { profile: 'github-like' }))).verdict('revoked-on-disconnect');
    expect(v.outcome).toBe('not-applicable');
  });
});

describe('rotation, keeping, giving up', () => {
  const rotating = { profile: 'rotating-refresh' };
  it('rotated-refresh-token-used passes with the new token and fails with the replaced one', async () => {
    const steps = [connect, { refresh: {} }, { refresh: {} }];
    expect((await run(rfc({ scopes: ['read', 'offline_access'] }, steps, rotating))).verdict('rotated-refresh-token-used').outcome).toBe('pass');
    const v = (await run(rfc({ scopes: ['read', 'offline_access'], faults: ['keep-old-refresh-token'] }, steps, rotating))).verdict('rotated-refresh-token-used');
    expect(v).toMatchObject({ outcome: 'fail', detail: 'the client refreshed with a refresh token that a rotation had replaced' });
  });
  it('refresh-token-kept passes when the client keeps its refresh token and fails when it loses it', async () => {
    const steps = [connect, { refresh: {} }, { refresh: {} }];
    expect((await run(rfc({}, steps))).verdict('refresh-token-kept').outcome).toBe('pass');
    const p = testProvider('rfc-strict');
    const c = firstClient(p);
    const { location } = await authorizeAndConsent(p, { client_id: c.client_id, response_type: 'code', redirect_uri: c.redirect_uris[0]!, scope: 'read', state: 'x'.repeat(30) });
    const auth = { authorization: basic(c.client_id, c.client_secret!) };
    const tokens = (await call(p, '/token', { form: { grant_type: 'authorization_code', code: location!.searchParams.get('code')!, redirect_uri: c.redirect_uris[0]! }, headers: auth })).json;
    await call(p, '/token', { form: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, headers: auth });
    await call(p, '/token', { form: { grant_type: 'refresh_token' }, headers: auth });
    const v = clientVerdicts(p.exchanges.map((e) => toExchange(e)), verdictContextOf(p)).find((x) => x.id === 'refresh-token-kept');
    expect(v).toMatchObject({ outcome: 'fail', detail: 'the client lost its refresh token after a refresh that did not rotate it' });
  });
  it('gave-up-on-invalid-grant passes after one refused refresh and fails for a retry loop', async () => {
    const steps = [connect, { revokeGrantAtProvider: { user: 'alice' } }, { refresh: {}, expect: { outcome: 'failure' } }];
    expect((await run(rfc({}, steps))).verdict('gave-up-on-invalid-grant').outcome).toBe('pass');
    const v = (await run(rfc({ faults: ['retry-invalid-grant'] }, steps))).verdict('gave-up-on-invalid-grant');
    expect(v).toMatchObject({ outcome: 'fail', detail: 'the client sent the refused refresh token 2 more time(s)' });
  });
});

describe('bearer-token-issued', () => {
  it('passes for issued tokens and fails for a placeholder, without quoting it', async () => {
    expect((await run(rfc({}, [connect, { callApi: {} }]))).verdict('bearer-token-issued').outcome).toBe('pass');
    const p = testProvider('rfc-strict');
    await call(p, '/api/0/odata/Account', { headers: { authorization: 'Bearer undefined' } });
    const v = clientVerdicts(p.exchanges.map((e) => toExchange(e)), verdictContextOf(p)).find((x) => x.id === 'bearer-token-issued')!;
    expect(v.outcome).toBe('fail');
    expect(v.detail).toBe('the client sent as its Bearer token a 9-character placeholder word (None, null or the like), not a token, which the provider never issued');
  });
});

describe('the verdict list', () => {
  it('verdict-ids.ts (what scenario files accept) names every verdict, in report order', () => {
    expect(VERDICTS.map((v) => v.id)).toEqual([...VERDICT_IDS]);
  });
});

describe('verdictExpectations', () => {
  it('accepts one outcome or a list, and says what was seen', async () => {
    const { verdict } = await run(rfc({}, [connect]));
    const all = ['state', 'refreshed'].map(verdict);
    const x = verdictExpectations({ state: 'pass', refreshed: ['pass', 'not-applicable'], 'revoked-on-disconnect': 'pass' }, [...all, verdict('revoked-on-disconnect')]);
    expect(x.map((e) => e.passed)).toEqual([true, true, false]);
    expect(x[2]!.message).toMatch(/not-applicable \(the scenario has no disconnect step\)/);
  });
  it('a scenario whose required verdict fails is failed, with a "client verdicts" step', async () => {
    const { result } = await run({ ...rfc({ faults: ['no-pkce'] }, [connect]), verdicts: { 'pkce-s256': 'pass' } });
    expect(result.verdict).toBe('failed');
    expect(result.steps.at(-1)).toMatchObject({ name: 'client verdicts', passed: false });
  });
});
