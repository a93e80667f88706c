/**
 * Expected-failures files: `file:line:col` problems for malformed files (exit 2), and the
 * verdicts a list gives: a listed failure no longer fails the run, a listed case that now
 * passes does ("fixed"), so the baseline stays honest.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../src/errors/harness-error.js';
import { exitCodeOf } from '../../src/reports/summary.js';
import { summarize } from '../../src/results/summary.js';
import { applyExpectedFailures, loadExpectedFailures, parseExpectedFailures } from '../../src/results/expected-failures.js';
import type { CaseResult } from '../../src/results/model.js';

function problems(text: string): string[] {
  try {
    parseExpectedFailures(text, 'known.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(HarnessError);
    expect((e as HarnessError).exitCode).toBe(2);
    return (e as HarnessError).problems;
  }
  throw new Error('expected the file to be refused');
}

const kase = (id: string, verdict: CaseResult['verdict']): CaseResult => ({ id, title: id, kind: 'scenario', target: 'mock:x', verdict, durationMs: 1, steps: [], exchanges: [], diagnoses: [] });

describe('parsing an expected-failures file', () => {
  it('reads a list of { id, reason } with the line of each entry', () => {
    const list = parseExpectedFailures('# known\n- id: a\n  reason: provider bug\n\n- { id: b, reason: "issue #3" }\n', 'known.yaml');
    expect(list).toEqual([
      { id: 'a', reason: 'provider bug', line: 2 },
      { id: 'b', reason: 'issue #3', line: 5 },
    ]);
    expect(parseExpectedFailures('', 'empty.yaml')).toEqual([]);
  });

  it('points at the line and column of each problem', () => {
    expect(problems('- id: a\n  reason: x\n- id: b\n')).toEqual(['known.yaml:3:3: [1].reason: required field is missing']);
    expect(problems('- id: a\n  reason: x\n  owner: me\n')).toEqual(['known.yaml:3:3: [0]: unknown field "owner"; an entry has only id and reason']);
    expect(problems('- id: ""\n  reason: x\n')[0]).toMatch(/^known.yaml:1:7: \[0\].id: must not be empty$/);
    expect(problems('id: a\nreason: x\n')[0]).toMatch(/^known.yaml:1:1: \(root\): expected a YAML list/);
    expect(problems('- id: a\n  reason: [unclosed\n')[0]).toMatch(/^known.yaml:\d+:\d+: YAML: /);
    expect(problems('- id: a\n  reason: x\n- id: a\n  reason: y\n')).toEqual(['known.yaml:3:1: "a" is listed twice (first on line 1)']);
  });

  it('says when the file cannot be read', () => {
    expect(() => loadExpectedFailures('/nonexistent/known.yaml')).toThrow(/cannot read \/nonexistent\/known.yaml/);
  });
});

describe('applying the list', () => {
  const list = parseExpectedFailures('- id: broken\n  reason: provider bug\n- id: healed\n  reason: old bug\n- id: gone\n  reason: removed scenario\n', 'known.yaml');

  it('turns listed failures into expected failures, listed passes into "fixed", and reports stale entries', () => {
    const { cases, unmatched } = applyExpectedFailures([kase('broken', 'failed'), kase('healed', 'passed'), kase('other', 'failed'), kase('fine', 'passed')], list);
    expect(cases.map((c) => c.verdict)).toEqual(['expected-failure', 'fixed', 'failed', 'passed']);
    expect(cases[0]!.expectedFailureReason).toBe('provider bug');
    expect(cases[1]!.message).toMatch(/remove it from the expected-failures file/);
    expect(unmatched.map((e) => e.id)).toEqual(['gone']);
  });

  it('decides the exit code: expected failures pass, a fixed entry fails', () => {
    const only = applyExpectedFailures([kase('broken', 'failed'), kase('fine', 'passed')], list).cases;
    expect(exitCodeOf({ summary: summarize(only) } as never)).toBe(0);
    const healed = applyExpectedFailures([kase('broken', 'failed'), kase('healed', 'passed')], list).cases;
    expect(summarize(healed)).toMatchObject({ failed: 1, fixed: 1, expectedFailures: 1 });
    expect(exitCodeOf({ summary: summarize(healed) } as never)).toBe(1);
  });
});

describe('runCommand with --expected-failures (built CLI code, as `npm test` builds it first)', () => {
  const built = existsSync('dist/src/cli/commands/run.js');
  const call = (list: string, out: string) =>
    spawnSync(process.execPath, ['--input-type=module', '-e', `import('./dist/src/cli/commands/run.js').then(async (m) => { try { process.exitCode = await m.runCommand(['test/reports/fixtures/scenarios/wrong-secret-listed.yaml', 'test/reports/fixtures/scenarios/google-without-offline.yaml'], { seed: '1', report: 'json', out: ${JSON.stringify(out)}, expectedFailures: ${JSON.stringify(list)} }); } catch (e) { console.error(e.message, ...(e.problems ?? [])); process.exitCode = e.exitCode ?? 99; } })`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it.skipIf(!built)('exits 0 when the only failure is listed, 1 when a listed case passes, 2 on a malformed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xfail-'));
    writeFileSync(join(dir, 'ok.yaml'), '- id: wrong-secret-listed\n  reason: known\n');
    writeFileSync(join(dir, 'stale.yaml'), '- id: wrong-secret-listed\n  reason: known\n- id: google-without-offline\n  reason: was broken once\n');
    writeFileSync(join(dir, 'bad.yaml'), '- id: wrong-secret-listed\n  why: known\n');
    const ok = call(join(dir, 'ok.yaml'), join(dir, 'r1'));
    expect(ok.status, ok.stderr + ok.stdout).toBe(0);
    expect(ok.stdout).toMatch(/✗ wrong-secret-listed .*\[expected failure: known\]/);
    expect(JSON.parse(readFileSync(join(dir, 'r1', 'results.json'), 'utf8')).summary).toMatchObject({ failed: 0, expectedFailures: 1 });
    const stale = call(join(dir, 'stale.yaml'), join(dir, 'r2'));
    expect(stale.status).toBe(1);
    expect(stale.stdout).toMatch(/! google-without-offline .*listed as an expected failure \(was broken once\), but it passed/);
    const bad = call(join(dir, 'bad.yaml'), join(dir, 'r3'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`${join(dir, 'bad.yaml')}:2:3: [0]: unknown field "why"`);
    expect(existsSync(join(dir, 'r3'))).toBe(false);
  }, 120_000);
});

