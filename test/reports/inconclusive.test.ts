/**
 * The `inconclusive` verdict end to end (results schema version 2): a real `verify` case
 * whose precondition the harness cannot establish (the broken AS refuses `code id_token`
 * to the test client) is "not tested: <reason>" in the results model, validates against
 * the zod schema and the committed JSON Schema, is a skipped test case with the reason in
 * JUnit, a "not tested" card in the HTML report and a `?` line in the console; an
 * expected-failures entry neither fails it nor turns it into `fixed`; and it fails nothing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printCase, printSummary } from '../../src/cli/console-output.js';
import { renderHtml } from '../../src/reports/html/html-report.js';
import { renderJunit } from '../../src/reports/junit.js';
import { exitCodeOf } from '../../src/reports/summary.js';
import { summarize } from '../../src/results/summary.js';
import { applyExpectedFailures } from '../../src/results/expected-failures.js';
import type { CaseResult, RunResult } from '../../src/results/model.js';
import { RESULTS_SCHEMA_VERSION, validateResults } from '../../src/results/schema.js';
import { verifyExitCode } from '../../src/verify/exit-code.js';
import { runVerify } from '../../src/verify/run-verify.js';
import { type BrokenAs, startBrokenAs } from '../verify/broken-as.js';
import { validate } from './json-schema.js';
import { all, parseXml } from './xml.js';

let as: BrokenAs;
let run: RunResult;
let notTested: CaseResult;

beforeAll(async () => {
  as = await startBrokenAs();
  as.setQuirks(['hybrid-not-for-client']);
  run = await runVerify(as.verifyOptions({ only: ['AS-ISS-IDTOKEN-MATCH', 'AS-TR-NO-STORE'] }));
  notTested = run.cases.find((c) => c.id === 'AS-ISS-IDTOKEN-MATCH')!;
}, 60_000);
afterAll(async () => {
  await as?.close();
});

describe('the inconclusive verdict', () => {
  it('says what was not tested and why, and counts apart from failures', () => {
    expect(notTested).toMatchObject({ verdict: 'inconclusive', severity: 'fail', message: expect.stringMatching(/^response_type "code id_token" is advertised, but F1 primary client got no such response \(error=unauthorized_client\)/) });
    expect(run.summary).toMatchObject({ total: 2, passed: 1, failed: 0, inconclusive: 1 });
    expect(summarize(run.cases)).toMatchObject({ failed: 0, inconclusive: 1 });
    expect(verifyExitCode(run)).toBe(0);
    expect(exitCodeOf(run)).toBe(0);
  });

  it('is valid results.json, version 2, by zod and by the committed JSON Schema', () => {
    const json = JSON.parse(JSON.stringify(run)) as Record<string, unknown>;
    expect(json.schemaVersion).toBe(2);
    expect(RESULTS_SCHEMA_VERSION).toBe(2);
    expect(validateResults(json)).toEqual([]);
    expect(validate(JSON.parse(readFileSync('docs/results.schema.json', 'utf8')), json)).toEqual([]);
  });

  it('is a skipped JUnit test case with "not tested: <reason>"', () => {
    const doc = parseXml(renderJunit(run));
    const tc = all(doc, 'testcase').find((t) => t.attrs.name?.startsWith('AS-ISS-IDTOKEN-MATCH'))!;
    const skipped = tc.children.find((c) => c.name === 'skipped')!;
    expect(skipped.attrs.message).toBe(`not tested: ${notTested.message}`);
    expect(all(doc, 'failure')).toEqual([]);
    expect(doc.attrs).toMatchObject({ tests: '2', failures: '0', skipped: '1' });
  });

  it('is a "not tested" card with its reason, a count and a filter in the HTML report', () => {
    const html = renderHtml(run);
    expect(html).toContain('<span class="verdict inconclusive">not tested</span>');
    expect(html).toContain('<dt>Not tested</dt><dd>response_type &quot;code id_token&quot; is advertised');
    expect(html).toMatch(/data-count="inconclusive">1</);
    expect(html).toContain('data-filter="inconclusive"');
  });

  it('is a "?" line with the reason on the console, and a count in the summary', () => {
    const lines: string[] = [];
    printCase(notTested, (s) => lines.push(s));
    printSummary(run, [], (s) => lines.push(s));
    const text = lines.join('\n');
    expect(text).toContain(`? AS-ISS-IDTOKEN-MATCH ${notTested.title} not tested: ${notTested.message}`);
    expect(text).toMatch(/1 passed, 0 failed, .*1 not tested \(inconclusive\)/);
  });

  it('stays inconclusive when listed as an expected failure: neither an observed failure nor fixed', () => {
    const { cases } = applyExpectedFailures(run.cases, [{ id: 'AS-ISS-IDTOKEN-MATCH', reason: 'hybrid flows are off for the test client' }]);
    const listed = cases.find((c) => c.id === 'AS-ISS-IDTOKEN-MATCH')!;
    expect(listed).toMatchObject({ verdict: 'inconclusive', expectedFailureReason: 'hybrid flows are off for the test client' });
    expect(exitCodeOf({ ...run, cases, summary: summarize(cases) })).toBe(0);
  });
});
