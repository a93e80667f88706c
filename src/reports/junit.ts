/**
 * JUnit XML as CI systems read it (GitLab's test report parser, GitHub Actions reporters
 * such as mikepenz/action-junit-report and dorny/test-reporter): one `<testsuite>` per
 * target, one `<testcase>` per scenario or check, with `file` for annotations. A failure's
 * `message` is the failed expectation and the diagnosis title; its text has the details:
 * every failed expectation, then each diagnosis with cause, fix and evidence. Expected
 * failures are reported as skipped (with the reason), as pytest does with xfail; so are
 * inconclusive checks (`not tested: <reason>`).
 *
 * Warnings are not failures: a passing scenario's warning-level diagnoses, and a `verify`
 * check that found a SHOULD (warning) or MAY/INFO (info) deviation, are passed test cases
 * whose `<system-out>` holds the finding, so test widgets stay green on a green job (the
 * exit code is 0 then too). Only failed scenarios, failed MUST checks and listed expected
 * failures that now pass (`type="fixed"`) are `<failure>`s.
 */
import escapeHtml from 'escape-html';
import type { CaseResult, Exchange, RunResult } from '../results/model.js';
import { advisory, isFailure } from './summary.js';

// XML 1.0 forbids most control characters even when escaped.
const xml = (s: string) => escapeHtml(s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));

function describeExchange(e: Exchange | undefined, seq: number): string {
  if (!e) return `#${seq}`;
  let path = e.request.url;
  try {
    path = new URL(e.request.url).pathname;
  } catch {
    /* keep it */
  }
  return `#${seq} ${e.request.method} ${path} → ${e.response.status}`;
}

/** The failed expectations of a case, one line each. */
export function failedExpectations(c: CaseResult): string[] {
  return c.steps.flatMap((s) => s.expectations.filter((x) => !x.passed).map((x) => `${x.path}: ${x.message}`));
}

/** The one-line failure message: the first failed expectation, then the diagnosis. */
export function failureMessage(c: CaseResult): string {
  if (c.verdict === 'fixed') return c.message ?? 'listed as an expected failure, but it passed: remove it from the expected-failures file';
  const first = failedExpectations(c)[0] ?? c.message ?? 'failed';
  const d = c.diagnoses.find((x) => x.level === 'error') ?? c.diagnoses[0];
  return d ? `${first} | diagnosis [${d.id}]: ${d.title}` : first;
}

/** The full text: every failed expectation, then each diagnosis with cause, fix and evidence. */
export function failureText(c: CaseResult): string {
  const lines = failedExpectations(c).map((l) => `expected ${l}`);
  if (!lines.length && c.message) lines.push(c.message);
  const bySeq = new Map(c.exchanges.map((e) => [e.seq, e]));
  for (const d of c.diagnoses) {
    lines.push('', `${d.level === 'error' ? 'Diagnosis' : 'Warning'} [${d.id}] ${d.title}`, `Cause: ${d.cause}`, 'Fix:', ...d.fix.map((f, i) => `  ${i + 1}. ${f}`));
    if (d.evidence?.length) lines.push(`Evidence: ${d.evidence.map((n) => describeExchange(bySeq.get(n), n)).join('; ')}`);
  }
  return lines.join('\n');
}

function testcase(c: CaseResult): string {
  const name = c.kind === 'check' ? `${c.id}: ${c.title}` : c.id;
  const attrs = `name="${xml(name)}" classname="${xml(c.target)}${c.client ? `.${xml(c.client)}` : ''}"${c.file ? ` file="${xml(c.file)}"` : ''} time="${(c.durationMs / 1000).toFixed(3)}"`;
  if (c.verdict === 'skipped') return `    <testcase ${attrs}>\n      <skipped message="${xml(c.message ?? 'skipped')}"/>\n    </testcase>`;
  // not tested: the harness could not establish a precondition; CI shows it as skipped, with the reason
  if (c.verdict === 'inconclusive') return `    <testcase ${attrs}>\n      <skipped message="${xml(`not tested: ${c.message ?? 'a precondition could not be established'}`)}"/>\n    </testcase>`;
  if (c.verdict === 'expected-failure') {
    return `    <testcase ${attrs}>\n      <skipped message="${xml(`expected failure: ${c.expectedFailureReason ?? ''}`.trim())}">${xml(failureText(c))}</skipped>\n    </testcase>`;
  }
  const finding = advisory(c);
  if (finding) {
    const head = `${finding === 'warning' ? 'warning (SHOULD)' : 'info (MAY)'} [${c.id}] ${failureMessage(c)}`;
    return `    <testcase ${attrs}>\n      <system-out>${xml(`${head}\n${failureText(c)}`)}</system-out>\n    </testcase>`;
  }
  if (isFailure(c)) {
    return `    <testcase ${attrs}>\n      <failure message="${xml(failureMessage(c))}" type="${c.verdict}">${xml(failureText(c))}</failure>\n    </testcase>`;
  }
  const warnings = c.diagnoses.filter((d) => d.level === 'warning');
  const out = warnings.map((d) => `warning [${d.id}] ${d.title}: ${d.cause}`).join('\n');
  return `    <testcase ${attrs}>${out ? `\n      <system-out>${xml(out)}</system-out>\n    ` : ''}</testcase>`;
}

/** Renders a run as JUnit XML. */
export function renderJunit(run: RunResult): string {
  const groups = new Map<string, CaseResult[]>();
  for (const c of run.cases) groups.set(c.target, [...(groups.get(c.target) ?? []), c]);
  const isSkip = (c: CaseResult) => c.verdict === 'skipped' || c.verdict === 'inconclusive' || c.verdict === 'expected-failure';
  const timestamp = run.startedAt.replace(/\.\d+Z$/, '').replace(/Z$/, '');
  const suites = [...groups].map(([target, cases]) => {
    const time = cases.reduce((t, c) => t + c.durationMs, 0) / 1000;
    return `  <testsuite name="${xml(`oauth-harness ${run.command} ${target}`)}" tests="${cases.length}" failures="${cases.filter(isFailure).length}" errors="0" skipped="${cases.filter(isSkip).length}" time="${time.toFixed(3)}" timestamp="${xml(timestamp)}">\n${cases.map(testcase).join('\n')}\n  </testsuite>`;
  });
  const all = run.cases;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="oauth-harness ${xml(run.command)}" tests="${all.length}" failures="${all.filter(isFailure).length}" errors="0" skipped="${all.filter(isSkip).length}" time="${(run.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
