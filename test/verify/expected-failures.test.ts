import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../src/errors/harness-error.js';
import { VerifyError } from '../../src/errors/verify-error.js';
import { applyExpectedFailuresToRun as applyExpectedFailures, parseExpectedFailures } from '../../src/results/expected-failures.js';
import type { CaseResult, RunResult } from '../../src/results/model.js';
import { summarize } from '../../src/results/summary.js';
import { EXIT_BAD_INPUT, exitCodeForError, verifyExitCode } from '../../src/verify/exit-code.js';

function c(id: string, verdict: CaseResult['verdict'], severity: CaseResult['severity'] = 'fail'): CaseResult {
  return { id, title: id, kind: 'check', target: 't', verdict, severity, durationMs: 0, steps: [], exchanges: [], diagnoses: [] };
}
function run(cases: CaseResult[]): RunResult {
  return { schemaVersion: 2, tool: 'oauth-harness', command: 'verify', startedAt: '', durationMs: 0, cases, summary: summarize(cases) };
}

describe('expected failures', () => {
  it('parses a list of { id, reason }', () => {
    expect(parseExpectedFailures('# why\n- id: A\n  reason: r\n', 'ef.yaml')).toEqual([{ id: 'A', reason: 'r', line: 2 }]);
    expect(parseExpectedFailures('', 'ef.yaml')).toEqual([]);
  });

  it('reports malformed entries with file:line:col', () => {
    const problems = (text: string): string[] => {
      try {
        parseExpectedFailures(text, 'ef.yaml');
        return [];
      } catch (e) {
        return (e as { problems: string[] }).problems;
      }
    };
    expect(problems('- id: A\n')).toEqual(['ef.yaml:1:3: [0].reason: required field is missing']);
    expect(problems('- id: A\n  reason: r\n- id: A\n  reason: r\n')).toEqual(['ef.yaml:3:1: "A" is listed twice (first on line 1)']);
  });

  it('turns listed failures into expected-failure and listed passes into fixed', () => {
    const r = applyExpectedFailures(run([c('A', 'failed'), c('B', 'passed'), c('C', 'failed'), c('D', 'skipped')]), [
      { id: 'A', reason: 'known' },
      { id: 'B', reason: 'was broken' },
      { id: 'D', reason: 'n/a' },
    ]);
    expect(r.cases.map((x) => x.verdict)).toEqual(['expected-failure', 'fixed', 'failed', 'skipped']);
    expect(r.cases[0]!.expectedFailureReason).toBe('known');
    // one summary for run and verify: a `fixed` case fails the run, so it counts as failed too
    expect(r.summary).toMatchObject({ failed: 2, expectedFailures: 1, fixed: 1, skipped: 1 });
  });
});

describe('exit codes', () => {
  it('is 0 when only warnings and info findings fail', () => {
    expect(verifyExitCode(run([c('A', 'passed'), c('B', 'failed', 'warning'), c('C', 'failed', 'info'), c('D', 'expected-failure')]))).toBe(0);
  });
  it('is 1 for a MUST failure or a fixed expected failure', () => {
    expect(verifyExitCode(run([c('A', 'failed', 'fail')]))).toBe(1);
    expect(verifyExitCode(run([c('A', 'fixed')]))).toBe(1);
  });
  it('is 2 for bad input', () => {
    expect(exitCodeForError(new VerifyError('CONFIG_INVALID', 'x'))).toBe(EXIT_BAD_INPUT);
    expect(exitCodeForError(new HarnessError('CONFIG_INVALID', 'x'))).toBe(EXIT_BAD_INPUT);
    expect(exitCodeForError(new Error('bug'))).toBe(1);
  });
});
