/**
 * What `run` and `verify` print: a line per case as it finishes, failed expectations
 * with their diagnoses (title, cause, fix), warnings, and a summary. Everything printed
 * here comes from redacted results.
 */
import type { CaseResult, RunResult } from '../results/model.js';

const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number) => (s: string) => (tty ? `\u001b[${code}m${s}\u001b[0m` : s);
export const red = paint(31);
export const green = paint(32);
export const yellow = paint(33);
export const dim = paint(2);
export const bold = paint(1);

const MARK: Record<CaseResult['verdict'], string> = {
  passed: green('✓'),
  failed: red('✗'),
  skipped: dim('-'),
  'expected-failure': yellow('✗'),
  fixed: red('!'),
};

/** One line per finished case, then details for failures and warnings. */
export function printCase(c: CaseResult, out: (s: string) => void = (s) => process.stdout.write(`${s}\n`)): void {
  const label = c.kind === 'check' ? `${c.id} ${dim(c.title)}` : `${c.id} ${dim(`(${c.target}, ${c.durationMs} ms)`)}`;
  const tag = c.verdict === 'expected-failure' ? dim(' [expected failure]') : c.verdict === 'fixed' ? red(' [listed as expected failure, but passed]') : c.verdict === 'skipped' && c.message ? dim(` skipped: ${c.message}`) : '';
  out(`${MARK[c.verdict]} ${label}${tag}`);
  if (c.verdict === 'failed') {
    const failed = c.steps.flatMap((s) => s.expectations.filter((x) => !x.passed));
    for (const x of failed.slice(0, 5)) out(`    ${red('expected')} ${x.path}: ${x.message}`);
    if (failed.length > 5) out(dim(`    … and ${failed.length - 5} more`));
    if (!failed.length && c.message) out(`    ${red(c.message)}`);
  }
  const shown = c.verdict === 'failed' ? c.diagnoses : c.diagnoses.filter((d) => d.level === 'warning');
  for (const d of shown) {
    const head = d.level === 'warning' ? yellow(`warning [${d.id}]`) : red(`diagnosis [${d.id}]`);
    out(`    ${head} ${bold(d.title)}`);
    out(`      cause: ${d.cause}`);
    d.fix.forEach((f, i) => out(`      fix ${i + 1}: ${f}`));
  }
}

/** The closing summary, in a form CI log readers recognise (`N passed, N failed`). */
export function printSummary(run: RunResult, written: string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`)): void {
  const s = run.summary;
  out('');
  if (written.length) out(dim(`reports: ${written.join(', ')}`));
  const extra = [s.skipped ? `${s.skipped} skipped` : '', s.expectedFailures ? `${s.expectedFailures} expected failures` : ''].filter(Boolean);
  out(`${s.failed ? red(`${s.passed} passed, ${s.failed} failed`) : green(`${s.passed} passed, ${s.failed} failed`)}${extra.length ? `, ${extra.join(', ')}` : ''} ${dim(`(${s.total} ${run.command === 'run' ? 'scenarios' : 'checks'} in ${(run.durationMs / 1000).toFixed(1)} s)`)}`);
}
