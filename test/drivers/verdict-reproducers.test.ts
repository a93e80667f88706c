/**
 * The wrong or silent verdicts and diagnoses of issue 12, each reproduced on traffic the
 * mock recorded (driven by hand, request by request, the way the real clients behind
 * the issue sent it, or by the reference client through a scenario), and what they must say.
 */
import { describe, expect, it } from 'vitest';
import { authorizeAndConsent, basic, call, firstClient, testProvider } from '../../mocks/testing.js';
import type { MockProvider } from '../../mocks/provider/provider.js';
import { clientVerdicts, verdictContextOf, type ClientVerdict } from '../../src/drivers/client-verdicts.js';
import { diagnose } from '../../src/diagnoses/diagnose.js';
import { toExchange } from '../../src/observe/recorded-exchange.js';
import { run } from './verdict-fixtures.js';

const STATE = 'x'.repeat(30);

/** A hand-driven client of the provider's first registered client. */
function handClient(p: MockProvider) {
  const c = firstClient(p);
  const auth = { authorization: basic(c.client_id, c.client_secret!) };
  return {
    c,
    async connect(scope: string, decision: { scopes?: string[] } = {}) {
      const { location } = await authorizeAndConsent(p, { client_id: c.client_id, response_type: 'code', redirect_uri: c.redirect_uris[0]!, scope, state: STATE + Math.random().toString(36).slice(2) }, decision);
      return (await call(p, '/token', { form: { grant_type: 'authorization_code', code: location!.searchParams.get('code')!, redirect_uri: c.redirect_uris[0]! }, headers: auth })).json as Record<string, any>;
    },
    async refresh(token: string, extra: Record<string, string> = {}) {
      return call(p, '/token', { form: { grant_type: 'refresh_token', refresh_token: token, ...extra }, headers: auth });
    },
    api: (token: string) => call(p, '/api/0/odata/Account', { headers: { authorization: `Bearer ${token}` } }),
    revoke: (token: string) => call(p, '/revoke', { form: { token }, headers: auth }),
  };
}

/** Verdicts (and diagnoses) on what the provider recorded, with optional step names by exchange seq. */
function judge(p: MockProvider, steps?: { name: string; action: string; from: number }[]) {
  const stepOf = (seq: number) => (steps ? [...steps].reverse().find((s) => s.from <= seq)?.name : undefined);
  const exchanges = p.exchanges.map((e) => toExchange(e, stepOf(e.seq)));
  const verdicts = clientVerdicts(exchanges, verdictContextOf(p, undefined, steps?.map(({ name, action }) => ({ name, action }))));
  return { verdict: (id: string) => verdicts.find((v) => v.id === id) as ClientVerdict, diagnoses: diagnose({ exchanges, reactions: [] }) };
}

describe('1. rotated-refresh-token-used follows each grant, not one token per client_id', () => {
  it('two connections, one refresh each: no rotated token was ever used', async () => {
    const p = testProvider('rotating-refresh');
    const h = handClient(p);
    const first = await h.connect('read offline_access');
    const r1 = (await h.refresh(first.refresh_token)).json;
    expect(r1.refresh_token).not.toBe(first.refresh_token);
    const second = await h.connect('read offline_access');
    expect((await h.refresh(second.refresh_token)).status).toBe(200);
    const v = judge(p).verdict('rotated-refresh-token-used');
    expect(v.outcome).toBe('not-applicable');
  });

  it('the same through the reference client: connect, refresh, connect, refresh', async () => {
    const { verdict } = await run({ provider: { profile: 'rotating-refresh' }, client: { scopes: ['read', 'offline_access'] }, steps: [{ connect: {} }, { refresh: {} }, { connect: {} }, { refresh: {} }] });
    expect(verdict('rotated-refresh-token-used').outcome).toBe('not-applicable');
  });

  it('two grants side by side: the rotated token of each is followed on its own', async () => {
    const p = testProvider('rotating-refresh');
    const h = handClient(p);
    const a = await h.connect('read offline_access');
    const b = await h.connect('read offline_access');
    const a2 = (await h.refresh(a.refresh_token)).json;
    const b2 = (await h.refresh(b.refresh_token)).json;
    expect((await h.refresh(a2.refresh_token)).status).toBe(200);
    const v = judge(p).verdict('rotated-refresh-token-used');
    expect(v.outcome).toBe('pass');
    expect(v.evidence).toHaveLength(1);
    // and reusing a replaced token of the other grant is caught
    await h.refresh(b.refresh_token);
    expect(judge(p).verdict('rotated-refresh-token-used')).toMatchObject({ outcome: 'fail', detail: 'the client refreshed with a refresh token that a rotation had replaced' });
    expect(b2.refresh_token).toBeDefined();
  });
});

describe('2. refreshed does not pass a refused refresh', () => {
  it('a refresh refused with 400 invalid_scope fails the verdict', async () => {
    const p = testProvider('rfc-strict');
    const h = handClient(p);
    const t = await h.connect('read');
    const res = await h.refresh(t.refresh_token, { scope: 'read write' });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_scope');
    const v = judge(p, [{ name: 'connect', action: 'connect', from: 1 }, { name: 'refresh', action: 'refresh', from: res.json && p.lastSeq }]).verdict('refreshed');
    expect(v.outcome).toBe('fail');
    expect(v.detail).toMatch(/refused.*400 invalid_scope/);
    expect(judge(p).verdict('refreshed').outcome).toBe('fail');
  });
});

describe('3. a client that refreshes, retries once after a 401, then stops is not failed', () => {
  /** A connection whose access token was revoked, at a provider that from now on issues tokens already expired. */
  async function refusedTokens() {
    const p = testProvider('rfc-strict');
    const h = handClient(p);
    const t = await h.connect('read');
    await h.revoke(t.access_token);
    p.setSwitches({ ...p.context.switches, lifetimes: { ...p.context.switches.lifetimes, accessToken: 0 } });
    return { p, h, t };
  }

  it('the retried call gets 401 again (a fresh token the API refuses)', async () => {
    const { p, h, t } = await refusedTokens();
    const from = p.lastSeq + 1;
    expect((await h.api(t.access_token)).status).toBe(401);
    const t2 = (await h.refresh(t.refresh_token)).json;
    expect((await h.api(t2.access_token)).status).toBe(401);
    const { verdict, diagnoses } = judge(p, [{ name: 'connect', action: 'connect', from: 1 }, { name: 'revoke', action: 'revoke', from: from - 1 }, { name: 'call', action: 'callApi', from }]);
    expect(verdict('refreshed').outcome).toBe('pass');
    expect(verdict('retried-after-401').outcome).toBe('pass');
    const expired = diagnoses.find((d) => d.id === 'token-expired-not-refreshed');
    expect(expired?.cause ?? '').not.toMatch(/sent no refresh request/);
    expect(expired).toBeUndefined();
  });

  it('the reference client against tokens with a zero lifetime', async () => {
    const { verdict, result } = await run({ provider: { profile: 'rfc-strict', switches: { lifetimes: { accessToken: 0 } } }, client: { scopes: ['read'] }, steps: [{ connect: {} }, { callApi: {} }] });
    expect(verdict('refreshed').outcome).toBe('pass');
    expect(verdict('retried-after-401').outcome).toBe('pass');
    expect(result.diagnoses.map((d) => d.id)).not.toContain('token-expired-not-refreshed');
  });

  it('a client that loops (refreshes again after the retried call) still fails retried-after-401', async () => {
    const { p, h, t } = await refusedTokens();
    await h.api(t.access_token);
    let rt = t.refresh_token;
    for (let i = 0; i < 3; i++) {
      const n = (await h.refresh(rt)).json;
      rt = n.refresh_token ?? rt;
      await h.api(n.access_token);
    }
    expect(judge(p).verdict('retried-after-401')).toMatchObject({ outcome: 'fail' });
    expect(judge(p).verdict('retried-after-401').detail).toMatch(/retry loop|3 times/);
  });
});

describe('4. Basic refused, then body credentials accepted (Go x/oauth2 AuthStyleAutoDetect) is a warning, not a failure', () => {
  /** What Go's x/oauth2 sends in a new process: Basic first, then the same request with client_id and client_secret in the body. */
  async function autoDetectLogin(p: MockProvider) {
    const c = firstClient(p);
    const { location } = await authorizeAndConsent(p, { client_id: c.client_id, response_type: 'code', redirect_uri: c.redirect_uris[0]!, scope: 'email', state: STATE });
    const form = { grant_type: 'authorization_code', code: location!.searchParams.get('code')!, redirect_uri: c.redirect_uris[0]! };
    const first = await call(p, '/token', { form, headers: { authorization: basic(c.client_id, c.client_secret!) } });
    const second = await call(p, '/token', { form: { ...form, client_id: c.client_id, client_secret: c.client_secret! } });
    return { first, second };
  }

  it('google-like (body only): the verdict is a warning naming the extra round trip, the diagnosis a warning', async () => {
    const p = testProvider('google-like');
    const { first, second } = await autoDetectLogin(p);
    expect(first.status).toBe(401);
    expect(second.status).toBe(200);
    const { verdict, diagnoses } = judge(p);
    const v = verdict('credentials-placement');
    expect(v.outcome).toBe('warning');
    expect(v.detail).toMatch(/refused.*then.*request body.*extra round trip/);
    expect(diagnoses.map((d) => d.id)).not.toContain('credentials-wrong-placement');
    expect(diagnoses.find((d) => d.id === 'credentials-placement-probed')).toMatchObject({ level: 'warning' });
  });

  it('a client that never recovers still fails, and is diagnosed credentials-wrong-placement', async () => {
    const p = testProvider('google-like');
    const c = firstClient(p);
    const { location } = await authorizeAndConsent(p, { client_id: c.client_id, response_type: 'code', redirect_uri: c.redirect_uris[0]!, scope: 'email', state: STATE });
    await call(p, '/token', { form: { grant_type: 'authorization_code', code: location!.searchParams.get('code')!, redirect_uri: c.redirect_uris[0]! }, headers: { authorization: basic(c.client_id, c.client_secret!) } });
    const { verdict, diagnoses } = judge(p);
    expect(verdict('credentials-placement').outcome).toBe('fail');
    expect(diagnoses.map((d) => d.id)).toContain('credentials-wrong-placement');
    expect(diagnoses.map((d) => d.id)).not.toContain('credentials-placement-probed');
  });
});

describe('5. a refresh that re-sends the login scope after the grant was narrowed', () => {
  it('offline_access dropped from the grant (Microsoft): the verdict fails, the diagnosis names it, scope-not-registered stays silent', async () => {
    const p = testProvider('rfc-strict', { switches: { scopes: { dropFromGrant: ['offline_access'] }, refresh: { policy: 'offline-scope' } } });
    p.context.clients.get(firstClient(p).client_id)!.scopes.push('offline_access');
    const h = handClient(p);
    const t = await h.connect('read offline_access');
    expect(t.scope).toBe('read');
    expect(t.refresh_token).toBeDefined();
    const res = await h.refresh(t.refresh_token, { scope: 'read offline_access' });
    expect(res.json.error).toBe('invalid_scope');
    const { verdict, diagnoses } = judge(p);
    expect(verdict('refresh-scope-within-grant')).toMatchObject({ outcome: 'fail', detail: 'a refresh asked for scope "read offline_access", beyond the grant\'s "read" (offline_access); the provider refused it (400 invalid_scope)' });
    expect(diagnoses.map((d) => d.id)).toContain('refresh-scope-exceeds-grant');
    expect(diagnoses.map((d) => d.id)).not.toContain('scope-not-registered');
  });

  it('the user unticked a scope; refreshing without scope passes', async () => {
    const p = testProvider('rfc-strict');
    const h = handClient(p);
    const t = await h.connect('read write', { scopes: ['read'] });
    expect((await h.refresh(t.refresh_token, { scope: 'read write' })).json.error).toBe('invalid_scope');
    expect(judge(p).verdict('refresh-scope-within-grant').outcome).toBe('fail');
    const q = testProvider('rfc-strict');
    const k = handClient(q);
    const u = await k.connect('read write', { scopes: ['read'] });
    expect((await k.refresh(u.refresh_token)).status).toBe(200);
    expect(judge(q).verdict('refresh-scope-within-grant')).toMatchObject({ outcome: 'pass', detail: 'refresh requests carry no scope: the grant keeps its own' });
  });
});
