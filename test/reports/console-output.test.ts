import { beforeAll, describe, expect, it } from 'vitest';
import { printCase, printSummary } from '../../src/cli/console-output.js';
import { loadExpectedFailures } from '../../src/results/expected-failures.js';
import type { RunResult } from '../../src/results/model.js';
import { EXPECTED_FAILURES, runFixtures } from './run-fixtures.js';

let run: RunResult;
const print = (id: string) => {
  const lines: string[] = [];
  printCase(run.cases.find((c) => c.id === id)!, (s) => lines.push(s));
  return lines;
};

beforeAll(async () => {
  run = await runFixtures(undefined, loadExpectedFailures(EXPECTED_FAILURES));
}, 60_000);

describe('console output', () => {
  it('shows a failed scenario\'s failed expectation first, then the diagnosis: title, cause, fix, evidence', () => {
    const out = print('body-credentials-expected-to-work').join('\n');
    const order = [
      '✗ body-credentials-expected-to-work (mock:docusign-like',
      '✗ 1. connect',
      'expected steps[0].expect.outcome: expected success',
      'diagnosis [credentials-wrong-placement] Client credentials are sent where the provider does not accept them',
      'cause: The client sent its credentials in the form body (client_secret_post), but the provider wants them in an HTTP Basic header',
      'fix:',
      "1. Set the integration's credential placement to the HTTP Basic header (client_secret_basic).",
      'evidence: #',
    ];
    let at = -1;
    for (const part of order) {
      const next = out.indexOf(part, at + 1);
      expect(next, part).toBeGreaterThan(at);
      at = next;
    }
  });

  it('shows a warning-level diagnosis of a passing scenario as a warning', () => {
    const out = print('google-without-offline');
    expect(out[0]).toMatch(/^✓ google-without-offline/);
    expect(out[1]).toBe('    ⚠ warning [missing-refresh-token-needs-offline] No refresh token: offline access was not asked for');
    expect(out.join('\n')).toContain("1. Add access_type=offline to the integration's authorization parameters.");
  });

  it('keeps error-level diagnoses of passing scenarios, and the details of expected failures, out of the log', () => {
    const passing = { ...run.cases.find((c) => c.id === 'body-credentials-expected-to-work')!, verdict: 'passed' as const };
    const lines: string[] = [];
    printCase(passing, (s) => lines.push(s));
    expect(lines).toHaveLength(1);
    const listed = print('wrong-secret-listed');
    expect(listed).toEqual([expect.stringMatching(/^✗ wrong-secret-listed .* \[expected failure: issue #12: the secret of the fixture app is outdated on purpose\]$/)]);
  });

  it('ends with a summary CI log readers recognise', () => {
    const lines: string[] = [];
    printSummary(run, ['reports/junit.xml'], (s) => lines.push(s));
    expect(lines.at(-1)).toMatch(/^1 passed, 2 failed, 1 expected failure, 1 with warnings \(4 scenarios in \d+\.\d s\)$/);
  });
});
