/**
 * README's claim about oidc-provider, on the container: `verify --target
 * container:oidc-provider` with the expected-failures file of the in-process fixture
 * (test/verify/fixtures/oidc-provider.expected-failures.yaml) passes every MUST it can test
 * except the listed rows, exits 0, and lists no row that passes there (no `fixed`). The
 * in-process side of the same claim is test/verify/run-verify.oidc-provider.test.ts.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/results/model.js';
import { containerTestsEnabled } from '../../src/targets/containers/runtime.js';
import { verifyOnTarget } from '../../src/targets/verify-on-target.js';
import { verifyExitCode } from '../../src/verify/exit-code.js';
import { applyExpectedFailuresToRun as applyExpectedFailures, loadExpectedFailures, type ExpectedFailure } from '../../src/results/expected-failures.js';

const run = await containerTestsEnabled('oidc-provider verify');
const EXPECTED = fileURLToPath(new URL('../verify/fixtures/oidc-provider.expected-failures.yaml', import.meta.url));

describe.runIf(run)('verify --target container:oidc-provider --plan bcp, with the in-process expected failures', () => {
  let raw: RunResult;
  let result: RunResult;
  let listed: ExpectedFailure[];
  beforeAll(async () => {
    listed = await loadExpectedFailures(EXPECTED);
    raw = await verifyOnTarget({ target: 'container:oidc-provider', plan: 'bcp' });
    result = applyExpectedFailures(raw, listed);
  });

  it('passes every MUST it can test except the listed rows, and exits 0', () => {
    const unexpected = result.cases.filter((c) => (c.verdict === 'failed' && c.severity === 'fail') || c.verdict === 'fixed');
    expect(unexpected.map((c) => `${c.id} [${c.verdict}]: ${c.message}`)).toEqual([]);
    expect(verifyExitCode(result)).toBe(0);
  });

  it('observes each listed failure, or cannot test it here (dynamic registration is off): none passes', () => {
    for (const { id } of listed) expect(['failed', 'skipped'], `${id}: ${raw.cases.find((c) => c.id === id)?.message}`).toContain(raw.cases.find((c) => c.id === id)?.verdict);
    expect(raw.cases.find((c) => c.id === 'AS-AZ-REDIR-HTTP')).toMatchObject({ verdict: 'skipped', message: 'the server does not advertise registration_endpoint' });
  });

  it('refuses consent through the login page’s Cancel form, and protects its pages from framing', () => {
    const byId = new Map(raw.cases.map((c) => [c.id, c]));
    expect(byId.get('AS-AZ-ACCESS-DENIED')!.verdict).toBe('passed');
    expect(byId.get('AS-AZ-CLICKJACKING')!.verdict).toBe('passed');
  });
});
