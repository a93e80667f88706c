/**
 * The form user agent (used for oidc-provider and URL targets), shown on the mock's
 * login-and-consent form over HTTP: signing in, unticking a scope, denying, and a wrong
 * password, each judged by the scenario's own expectations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema.js';
import { runScenarioOnTarget } from '../../src/targets/run-scenario-on-target.js';
import { startTarget, type StartedTarget } from '../../src/targets/target.js';
import { formUserAgent } from '../../src/user-agent/form-user-agent.js';
import { scenarioById } from './catalog-fixtures.js';

const wrongPassword: Scenario = {
  ...scenarioSchema.parse({
    title: 'wrong password',
    description: 'the user mistypes the password',
    provider: { profile: 'rfc-strict' },
    client: { scopes: ['read'] },
    steps: [{ connect: { user: 'alice', wrongPassword: true }, expect: { error: 'login_failed', redirect: 'none', request: { endpoint: 'token', count: 0 } } }],
  }),
  id: 'wrong-password',
  file: 'synthetic.yaml',
};

describe('formUserAgent on the mock’s login form', () => {
  let mock: StartedTarget;
  let target: StartedTarget;
  beforeAll(async () => {
    mock = await startTarget({ kind: 'mock' }, { profile: 'rfc-strict', seed: 1 });
    target = { ...mock, userAgent: formUserAgent() };
  });
  afterAll(async () => mock.stop());

  it.each(['rfc7009-revoked-and-unknown-tokens', 'consent-denied', 'diagnosis-scopes-denied-by-user', 'diagnosis-scopes-denied-by-user-deny-all'])('%s', async (id) => {
    const r = await runScenarioOnTarget(scenarioById(id), target);
    expect(r.steps.flatMap((s) => s.expectations.filter((x) => !x.passed).map((x) => `${x.path}: ${x.message}`))).toEqual([]);
    expect(r.verdict).toBe('passed');
  });

  it('reports a wrong password as login_failed, with the page’s message', async () => {
    const r = await runScenarioOnTarget(wrongPassword, target);
    expect(r.verdict).toBe('passed');
    expect(r.steps[0]!.detail).toMatch(/^login_failed: the user could not sign in: /);
  });
});
