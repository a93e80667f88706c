/**
 * The JUnit report read the way CI parsers read it (GitLab's test reports,
 * mikepenz/action-junit-report, dorny/test-reporter): testsuites > testsuite > testcase
 * with failure / skipped / system-out, counts that add up, and a failure message that
 * carries the failed expectation and the diagnosis.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/reports/junit.js';
import { loadExpectedFailures } from '../../src/results/expected-failures.js';
import type { RunResult } from '../../src/results/model.js';
import { EXPECTED_FAILURES, runFixtures } from './run-fixtures.js';
import { all, parseXml, type XmlElement } from './xml.js';

let run: RunResult;
let doc: XmlElement;
const testcase = (id: string) => all(doc, 'testcase').find((t) => t.attrs.name === id)!;

beforeAll(async () => {
  run = await runFixtures(undefined, loadExpectedFailures(EXPECTED_FAILURES));
  doc = parseXml(renderJunit(run));
}, 60_000);

describe('JUnit XML', () => {
  it('has the structure and counts CI parsers expect', () => {
    expect(doc.name).toBe('testsuites');
    const suites = all(doc, 'testsuite');
    expect(suites.length).toBe(new Set(run.cases.map((c) => c.target)).size);
    const cases = all(doc, 'testcase');
    expect(Number(doc.attrs.tests)).toBe(cases.length);
    expect(Number(doc.attrs.failures)).toBe(all(doc, 'failure').length);
    expect(Number(doc.attrs.skipped)).toBe(all(doc, 'skipped').length);
    for (const s of suites) {
      const own = all(s, 'testcase');
      expect(Number(s.attrs.tests)).toBe(own.length);
      expect(Number(s.attrs.failures)).toBe(own.filter((t) => t.children.some((c) => c.name === 'failure')).length);
      expect(s.attrs.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    }
    for (const t of cases) {
      expect(t.attrs.classname).toMatch(/^mock:[a-z-]+\.reference$/);
      expect(t.attrs.file).toMatch(/^test\/reports\/fixtures\/scenarios\/.+\.yaml$/);
      expect(Number(t.attrs.time)).toBeGreaterThanOrEqual(0);
    }
  });

  it('puts the failed expectation and the diagnosis in the failure message, and the details in its text', () => {
    const failure = testcase('body-credentials-expected-to-work').children.find((c) => c.name === 'failure')!;
    expect(failure.attrs.type).toBe('failed');
    expect(failure.attrs.message).toMatch(/^steps\[0\]\.expect\.outcome: expected success.* \| diagnosis \[credentials-wrong-placement\]: Client credentials are sent where the provider does not accept them$/);
    const text = failure.text;
    const order = ['expected steps[0].expect.outcome', 'Diagnosis [credentials-wrong-placement]', 'Cause: The client sent its credentials in the form body', 'Fix:', '  1. Set the integration', 'Evidence: #'];
    let at = -1;
    for (const part of order) {
      const next = text.indexOf(part);
      expect(next, part).toBeGreaterThan(at);
      at = next;
    }
  });

  it('reports a listed failure as skipped with its reason, and a passing case with warnings in system-out', () => {
    const listed = testcase('wrong-secret-listed');
    const skipped = listed.children.find((c) => c.name === 'skipped')!;
    expect(skipped.attrs.message).toBe('expected failure: issue #12: the secret of the fixture app is outdated on purpose');
    expect(skipped.text).toContain('Diagnosis [client-credentials-wrong]');
    const passing = testcase('google-without-offline');
    expect(passing.children.map((c) => c.name)).toEqual(['system-out']);
    expect(passing.children[0]!.text).toMatch(/^warning \[missing-refresh-token-needs-offline\]/);
  });

  it('marks a listed case that passes as a failure of type "fixed"', () => {
    const fixed: RunResult = { ...run, cases: run.cases.map((c) => (c.id === 'google-without-offline' ? { ...c, verdict: 'fixed', expectedFailureReason: 'old bug', message: 'listed as an expected failure (old bug) but it passed: remove it from the expected-failures file' } : c)) };
    const t = all(parseXml(renderJunit(fixed)), 'testcase').find((x) => x.attrs.name === 'google-without-offline')!;
    const failure = t.children.find((c) => c.name === 'failure')!;
    expect(failure.attrs.type).toBe('fixed');
    expect(failure.attrs.message).toMatch(/remove it from the expected-failures file/);
  });

  it('stays well-formed with markup, quotes, ampersands and control characters in any field', () => {
    const nasty = 'a <b> & "c" \'d\' \u0001\u0008 ]]> </failure> <!-- e';
    const c = run.cases.find((x) => x.verdict === 'failed')!;
    const evil: RunResult = {
      ...run,
      cases: [{ ...c, id: nasty, title: nasty, target: nasty, message: nasty, file: nasty, steps: [{ name: nasty, passed: false, expectations: [{ path: nasty, passed: false, message: nasty }] }], diagnoses: [{ id: nasty, level: 'error', title: nasty, cause: nasty, fix: [nasty] }] }],
    };
    const parsed = parseXml(renderJunit(evil));
    const t = all(parsed, 'testcase')[0]!;
    const clean = nasty.replace(/[\u0001\u0008]/g, '');
    expect(t.attrs.name).toBe(clean);
    expect(t.attrs.file).toBe(clean);
    expect(t.children[0]!.attrs.message).toContain(clean);
    expect(t.children[0]!.text).toContain(`Cause: ${clean}`);
  });
});

describe('the strict XML reader used above', () => {
  it('rejects what CI parsers reject', () => {
    expect(() => parseXml('<a>x & y</a>')).toThrow(/bare &/);
    expect(() => parseXml('<a><b></a></b>')).toThrow(/does not close/);
    expect(() => parseXml('<a b="1" b="2"/>')).toThrow(/duplicate/);
    expect(() => parseXml('<a>\u0001</a>')).toThrow(/control/);
    expect(parseXml('<a b="&lt;&#39;">t&amp;</a>')).toMatchObject({ attrs: { b: "<'" }, text: 't&' });
  });
});
