/**
 * The provider object itself: recording, listeners, reset, runtime switches, faults
 * answered as 500, and the shared clock.
 */
import { describe, expect, it } from 'vitest';
import { call, firstClient, testProvider } from '../../../mocks/testing.js';
import { createClock, parseDuration } from '../../../mocks/provider/clock.js';
import { mergeSwitches } from '../../../mocks/provider/switches.js';

describe('MockProvider', () => {
  it('records each exchange with its endpoint name and notifies listeners until unsubscribed', async () => {
    const p = testProvider('rfc-strict');
    const seen: string[] = [];
    const off = p.onExchange((e) => seen.push(e.endpoint));
    await call(p, '/.well-known/openid-configuration');
    await call(p, '/token', { form: { grant_type: 'client_credentials' } });
    off();
    await call(p, '/nowhere');
    expect(seen).toEqual(['discovery', 'token']);
    expect(p.exchanges.map((e) => [e.seq, e.endpoint, e.response.status])).toEqual([
      [1, 'discovery', 200],
      [2, 'token', 401],
      [3, 'unknown', 404],
    ]);
  });

  it('keeps only the last `record` exchanges; 0 records nothing', async () => {
    const few = testProvider('rfc-strict', { record: 2 });
    for (let i = 0; i < 5; i++) await call(few, '/jwks');
    expect(few.exchanges.map((e) => e.seq)).toEqual([4, 5]);
    expect(few.lastSeq).toBe(5);
    await call(few, '/jwks');
    expect(few.exchanges.map((e) => e.seq)).toEqual([5, 6]);
    expect(few.lastSeq).toBe(6);
    const none = testProvider('rfc-strict', { record: 0 });
    expect(none.lastSeq).toBe(0);
    await call(none, '/jwks');
    expect(none.exchanges).toHaveLength(0);
    expect(none.lastSeq).toBe(0);
  });

  it('reset forgets tokens and exchanges', async () => {
    const p = testProvider('rfc-strict');
    const c = firstClient(p);
    const tok = await call(p, '/token', { form: { grant_type: 'client_credentials', client_id: c.client_id, client_secret: c.client_secret! } });
    p.reset();
    expect(p.exchanges).toHaveLength(0);
    expect((await call(p, '/api/0/odata/Account', { headers: { authorization: `Bearer ${tok.json.access_token}` } })).status).toBe(401);
  });

  it('mergeSwitches merges over the current switches and validates them; setSwitches applies them', () => {
    const p = testProvider('rfc-strict');
    p.setSwitches(mergeSwitches(p.context.switches, { refresh: { rotation: 'rotate' } }));
    expect(p.context.switches.refresh.rotation).toBe('rotate');
    expect(p.context.switches.refresh.policy).toBe('always');
    expect(p.context.switches.lifetimes.refreshToken).toBe(1209600);
    expect(() => mergeSwitches(p.context.switches, { refresh: { rotation: 'spin' } })).toThrow();
  });

  it('never throws: an internal fault is a 500 server_error', async () => {
    const p = testProvider('rfc-strict', { switches: { authorize: { errorsAfterLogin: false } }, clients: [{ client_id: 'harness-client', redirect_uris: ['not a url'] }] });
    const res = await call(p, '/authorize', { query: { client_id: 'harness-client' } });
    expect(res.status).toBe(500);
    expect(res.json.error).toBe('server_error');
  });
});

describe('clock', () => {
  it('moves only when told, never backwards', () => {
    const clock = createClock(1_000);
    expect(clock.now()).toBe(1_000);
    clock.advance(500);
    expect(clock.now()).toBe(1_500);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });

  it('parses durations', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('10m')).toBe(600_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('3d')).toBe(259_200_000);
    expect(parseDuration(5)).toBe(5_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(() => parseDuration('soon')).toThrow(/not a duration/);
  });
});
