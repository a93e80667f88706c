/**
 * Step expectations: literals match type-exactly (a number never equals a string), and a
 * failed expectation shows the expected value beside the actual one.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../mocks/package-root.js';
import { matches } from '../src/runner/expectations.js';
import { runScenario } from '../src/runner/run-scenario.js';
import { loadScenario } from '../src/scenario/load.js';

const root = packageRoot();
const load = (file: string) => loadScenario(join(root, file), root);
const failures = async (s: ReturnType<typeof load>) =>
  (await runScenario(s, { seed: 1 })).steps.flatMap((st) => st.expectations.filter((x) => !x.passed));

describe('type-exact matching', () => {
  it('a number matches only a number, a string only a string, a boolean only a boolean', () => {
    expect(matches(3600, 3600)).toBe(true);
    expect(matches(3600, '3600')).toBe(false);
    expect(matches('3600', 3600)).toBe(false);
    expect(matches('3600', '3600')).toBe(true);
    expect(matches(true, 'true')).toBe(false);
    expect(matches(true, true)).toBe(true);
    expect(matches(null, null)).toBe(true);
    expect(matches(null, 'null')).toBe(false);
  });
  it('present, absent and /regex/ keep working; a regex matches strings and the JSON text of objects, not numbers', () => {
    expect(matches('present', 0)).toBe(true);
    expect(matches('absent', undefined)).toBe(true);
    expect(matches('/^36/', '3600')).toBe(true);
    expect(matches('/^36/', 3600)).toBe(false);
    expect(matches('/"a":1/', { a: 1 })).toBe(true);
    expect(matches(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(matches(['b', 'a'], ['a', 'b'])).toBe(false);
    expect(matches('["a","b"]', ['a', 'b'])).toBe(false);
    expect(matches({ n: 1 }, { n: 1 })).toBe(true);
    expect(matches({ n: '1' }, { n: 1 })).toBe(false);
  });

  it('expires-in-as-string passes as written and fails when it expects the number 3600 (the check can fail)', async () => {
    const s = load('scenarios/response-shape/expires-in-as-string.yaml');
    expect(await failures(s)).toEqual([]);
    s.steps[0]!.expect!.response!.body!.expires_in = 3600;
    const f = await failures(s);
    expect(f.map((x) => x.path)).toEqual(['steps[0].expect.response.body.expires_in']);
    expect(f[0]!.message).toBe('response member expires_in: expected the number 3600, got the string "3600"');
  });

  it('a number is still matched by a number (rfc-strict sends expires_in 3600)', async () => {
    const s = load('scenarios/response-shape/expires-in-as-string.yaml');
    s.provider.switches = {};
    s.steps[0]!.expect!.response!.body!.expires_in = 3600;
    expect(await failures(s)).toEqual([]);
    s.steps[0]!.expect!.response!.body!.expires_in = '3600';
    expect((await failures(s)).map((x) => x.message)).toEqual(['response member expires_in: expected the string "3600", got the number 3600']);
  });
});

describe('a failed expectation shows the expected value beside the actual one', () => {
  it('response.error, response.status, request.method, tokens', async () => {
    const s = load('scenarios/refresh/refresh-token-revoked-at-provider.yaml');
    const step = s.steps.findIndex((st) => st.expect?.response?.error !== undefined);
    expect(step).toBeGreaterThanOrEqual(0);
    const exp = s.steps[step]!.expect!;
    const actualError = exp.response!.error!;
    exp.response!.error = 'invalid_scope';
    exp.response!.status = 418;
    const f = await failures(s);
    const by = (p: string) => f.find((x) => x.path === `steps[${step}].expect.${p}`)?.message;
    expect(by('response.error')).toBe(`the token endpoint's error: expected "invalid_scope", got "${actualError}"`);
    expect(by('response.status')).toMatch(/^the token endpoint's status: expected 418, got 400$/);
  });
});

describe('one step checks several exchanges (expect.exchanges)', () => {
  it('the authorization request and the token response of one connect step, each check able to fail', async () => {
    const s = load('scenarios/refresh/google-offline-one-step.yaml');
    expect(await failures(s)).toEqual([]);
    const [auth, token] = s.steps[0]!.expect!.exchanges!;
    auth!.request!.params!.access_type = 'online';
    token!.response!.body!.refresh_token = 'absent';
    const f = await failures(s);
    expect(f.map((x) => x.path)).toEqual(['steps[0].expect.exchanges[0].request.params.access_type', 'steps[0].expect.exchanges[1].response.body.refresh_token']);
    expect(f[0]!.message).toBe('parameter access_type: expected "online", got "offline"');
    expect(f[1]!.message).toMatch(/^response member refresh_token: expected absent, got "/);
  });
});
