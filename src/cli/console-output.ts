/**
 * What `run` and `verify` print: a line per case as it finishes; for a failure the failed
 * expectations, then each diagnosis (title, cause, fix, evidence); for a passing case its
 * warning-level diagnoses; and a summary CI log readers recognise. Everything printed
 * here comes from redacted results.
 */
import { styleText } from 'node:util';
import type { CaseResult, DiagnosisResult, RunResult } from '../results/model.js';
import { advisory, isFailure } from '../reports/summary.js';

/**
 * Colours through Node's own `util.styleText`, checked against stdout on every call: none
 * when stdout is not a terminal or `NO_COLOR` is set, forced by `FORCE_COLOR`.
 */
const paint = (format: 'red' | 'green' | 'yellow' | 'cyan' | 'dim' | 'bold') => (s: string) => styleText(format, s, { stream: process.stdout });
export const red = paint('red');
export const green = paint('green');
export const yellow = paint('yellow');
export const cyan = paint('cyan');
export const dim = paint('dim');
export const bold = paint('bold');

type Out = (s: string) => void;
const stdout: Out = (s) => process.stdout.write(`${s}\n`);

export const MARK: Record<CaseResult['verdict'], string> = {
  passed: green('✓'),
  failed: red('✗'),
  skipped: dim('-'),
  inconclusive: yellow('?'),
  'expected-failure': yellow('✗'),
  fixed: red('!'),
};

function evidenceLine(c: CaseResult, d: DiagnosisResult): string | undefined {
  if (!d.evidence?.length) return undefined;
  const bySeq = new Map(c.exchanges.map((e) => [e.seq, e]));
  return d.evidence
    .slice(0, 4)
    .map((n) => {
      const e = bySeq.get(n);
      if (!e) return `#${n}`;
      let path = e.request.url;
      try {
        path = new URL(e.request.url).pathname;
      } catch {
        /* keep it */
      }
      return `#${n} ${e.request.method} ${path} → ${e.response.status}`;
    })
    .join('; ')
    .concat(d.evidence.length > 4 ? `; … ${d.evidence.length - 4} more` : '');
}

/** One diagnosis: title, cause, numbered fix steps, evidence. */
export function printDiagnosis(c: CaseResult, d: DiagnosisResult, out: Out = stdout): void {
  const head = d.level === 'warning' ? yellow(`⚠ warning [${d.id}]`) : red(`diagnosis [${d.id}]`);
  out(`    ${head} ${bold(d.title)}`);
  out(`      ${dim('cause:')} ${d.cause}`);
  out(`      ${dim('fix:')}`);
  d.fix.forEach((f, i) => out(`        ${i + 1}. ${f}`));
  const ev = evidenceLine(c, d);
  if (ev) out(`      ${dim(`evidence: ${ev}`)}`);
}

/** How much `printCase` says about the warning-level diagnoses of a passing case. */
export interface CaseLineOptions {
  /** `full` (default): title, cause, fix and evidence, as for a failure; `brief`: one line each (the details are in the reports). */
  warnings?: 'full' | 'brief';
  /** Put before the case's first line, e.g. `[ 12/184] `. */
  progress?: string;
}

/** One line per finished case, then details for failures and warnings. */
export function printCase(c: CaseResult, out: Out = stdout, o: CaseLineOptions = {}): void {
  const label = c.kind === 'check' ? `${c.id} ${dim(c.title)}` : `${c.id} ${dim(`(${c.target}, ${c.durationMs} ms)`)}`;
  const tag =
    c.verdict === 'expected-failure'
      ? dim(` [expected failure${c.expectedFailureReason ? `: ${c.expectedFailureReason}` : ''}]`)
      : c.verdict === 'fixed'
        ? red(` [listed as an expected failure${c.expectedFailureReason ? ` (${c.expectedFailureReason})` : ''}, but it passed: remove it from the list]`)
        : c.verdict === 'skipped' && c.message
          ? dim(` skipped: ${c.message}`)
          : c.verdict === 'inconclusive'
            ? yellow(` not tested: ${c.message ?? 'a precondition could not be established'}`)
            : '';
  const finding = advisory(c);
  const mark = finding === 'warning' ? yellow('⚠') : finding === 'info' ? cyan('i') : MARK[c.verdict];
  out(`${o.progress ?? ''}${mark} ${label}${finding ? dim(` [${finding === 'warning' ? 'SHOULD: a warning' : 'MAY/INFO: a finding'}, not a failure]`) : ''}${tag}`);
  if (c.verdict === 'failed') {
    if (c.kind === 'scenario') out(`    ${dim(c.title)}`);
    for (const s of c.steps) {
      const failed = s.expectations.filter((x) => !x.passed);
      if (!failed.length) continue;
      out(`    ${finding ? yellow('⚠') : red('✗')} ${bold(s.name)}${s.detail && s.detail !== 'ok' ? dim(` — ${s.detail}`) : ''}`);
      for (const x of failed.slice(0, 5)) out(`        ${finding ? yellow('expected') : red('expected')} ${x.path}: ${x.message}`);
      if (failed.length > 5) out(dim(`        … and ${failed.length - 5} more`));
    }
    if (!c.steps.some((s) => s.expectations.some((x) => !x.passed)) && c.message) out(`    ${red(c.message)}`);
  }
  const shown = c.verdict === 'failed' ? c.diagnoses : c.verdict === 'skipped' || c.verdict === 'inconclusive' || c.verdict === 'expected-failure' ? [] : c.diagnoses.filter((d) => d.level === 'warning');
  for (const d of shown) {
    if (o.warnings === 'brief' && d.level === 'warning' && c.verdict !== 'failed') out(`    ${yellow(`⚠ warning [${d.id}]`)} ${d.title}`);
    else printDiagnosis(c, d, out);
  }
}

/** The closing summary, in a form CI log readers recognise (`N passed, N failed`). */
export function printSummary(run: RunResult, written: string[], out: Out = stdout): void {
  const s = run.summary;
  out('');
  if (written.length) out(dim(`reports: ${written.join(', ')}`));
  const warned = run.cases.filter((c) => c.diagnoses.some((d) => d.level === 'warning')).length;
  const findings = (level: 'warning' | 'info') => run.cases.filter((c) => advisory(c) === level).length;
  const failed = run.cases.filter(isFailure).length;
  const extra = [
    findings('warning') ? yellow(`${findings('warning')} SHOULD warning${findings('warning') > 1 ? 's' : ''}`) : '',
    findings('info') ? `${findings('info')} MAY/INFO finding${findings('info') > 1 ? 's' : ''}` : '',
    s.skipped ? `${s.skipped} skipped` : '',
    s.inconclusive ? yellow(`${s.inconclusive} not tested (inconclusive)`) : '',
    s.expectedFailures ? `${s.expectedFailures} expected failure${s.expectedFailures > 1 ? 's' : ''}` : '',
    s.fixed ? red(`${s.fixed} listed as expected failure but passed`) : '',
    warned ? yellow(`${warned} with warnings`) : '',
  ].filter(Boolean);
  const head = `${s.passed} passed, ${failed} failed`;
  out(`${failed ? red(head) : green(head)}${extra.length ? `, ${extra.join(', ')}` : ''} ${dim(`(${s.total} ${run.command === 'run' ? 'scenario' : 'check'}${s.total === 1 ? '' : 's'} in ${(run.durationMs / 1000).toFixed(1)} s)`)}`);
}
