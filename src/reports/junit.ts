/**
 * JUnit XML, as GitHub Actions and GitLab render it: one `<testsuite>` per target, one
 * `<testcase>` per scenario or check; the failure message is the failed expectation
 * followed by the diagnosis.
 */
import escapeHtml from 'escape-html';
import type { CaseResult, RunResult } from '../results/model.js';

// XML 1.0 forbids most control characters even when escaped.
const xml = (s: string) => escapeHtml(s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''));

function failureText(c: CaseResult): string {
  const lines: string[] = [];
  for (const s of c.steps) for (const x of s.expectations) if (!x.passed) lines.push(`${x.path}: ${x.message}`);
  if (!lines.length && c.message) lines.push(c.message);
  for (const d of c.diagnoses) lines.push('', `Diagnosis [${d.id}] ${d.title}`, `Cause: ${d.cause}`, 'Fix:', ...d.fix.map((f, i) => `  ${i + 1}. ${f}`));
  return lines.join('\n');
}

function testcase(c: CaseResult): string {
  const name = c.kind === 'check' ? `${c.id}: ${c.title}` : c.id;
  const attrs = `name="${xml(name)}" classname="${xml(c.target)}${c.client ? `.${xml(c.client)}` : ''}" time="${(c.durationMs / 1000).toFixed(3)}"`;
  if (c.verdict === 'skipped') return `    <testcase ${attrs}><skipped message="${xml(c.message ?? 'skipped')}"/></testcase>`;
  if (c.verdict === 'failed' || c.verdict === 'fixed') {
    const message = c.verdict === 'fixed' ? 'listed as an expected failure, but it passed: remove it from the expected-failures file' : (c.message ?? 'failed');
    return `    <testcase ${attrs}><failure message="${xml(message)}" type="${c.verdict}">${xml(failureText(c))}</failure></testcase>`;
  }
  const warnings = c.diagnoses.filter((d) => d.level === 'warning');
  const out = c.verdict === 'expected-failure' ? `expected failure: ${c.message ?? ''}` : warnings.map((d) => `warning [${d.id}] ${d.title}: ${d.cause}`).join('\n');
  return `    <testcase ${attrs}>${out ? `<system-out>${xml(out)}</system-out>` : ''}</testcase>`;
}

/** Renders a run as JUnit XML. */
export function renderJunit(run: RunResult): string {
  const groups = new Map<string, CaseResult[]>();
  for (const c of run.cases) groups.set(c.target, [...(groups.get(c.target) ?? []), c]);
  const suites = [...groups].map(([target, cases]) => {
    const failures = cases.filter((c) => c.verdict === 'failed' || c.verdict === 'fixed').length;
    const skipped = cases.filter((c) => c.verdict === 'skipped').length;
    const time = cases.reduce((t, c) => t + c.durationMs, 0) / 1000;
    return `  <testsuite name="${xml(`oauth-harness ${run.command} ${target}`)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time.toFixed(3)}">\n${cases.map(testcase).join('\n')}\n  </testsuite>`;
  });
  const s = run.summary;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="oauth-harness" tests="${s.total}" failures="${s.failed}" skipped="${s.skipped}" time="${(run.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
