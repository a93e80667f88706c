/**
 * What GitHub Actions reads from a run (`--reporter github`, and the composite Action in
 * `action.yml`): workflow commands that annotate the scenario file and line of each
 * failure (`::error file=…,line=…,title=…::message`), warnings for SHOULD findings and
 * warning-level diagnoses, and a Markdown job summary for `$GITHUB_STEP_SUMMARY`.
 * Everything comes from the redacted results.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { CaseResult, RunResult } from '../results/model.js';
import { failureLocation } from './failure-location.js';
import { failureMessage } from './junit.js';
import { advisory, isFailure } from './summary.js';

/** Workflow command data: `%`, CR and LF are escaped (GitHub's `escapeData`). */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Workflow command property values: also `:` and `,` (GitHub's `escapeProperty`). */
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(kind: 'error' | 'warning' | 'notice', props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${property(String(v))}`)
    .join(',');
  return `::${kind}${p ? ` ${p}` : ''}::${data(message)}`;
}

/**
 * A scenario file as GitHub wants it in an annotation: relative to the repository root
 * (`GITHUB_WORKSPACE`), whatever folder the command ran in.
 */
export function workspacePath(file: string, workspace = process.env.GITHUB_WORKSPACE): string {
  if (!workspace) return file;
  const path = relative(workspace, resolve(file));
  return path.startsWith('..') || isAbsolute(path) ? file : path;
}

function fixLine(c: CaseResult): string {
  const d = c.diagnoses.find((x) => x.level === 'error') ?? c.diagnoses[0];
  return d?.fix[0] ? `\nfix: ${d.fix[0]}` : '';
}

/**
 * One workflow command per failure (error), per SHOULD or MAY finding of `verify` and per
 * warning-level diagnosis of a passing scenario (warning); failures first.
 */
export function githubAnnotations(run: RunResult): string[] {
  const at = (c: CaseResult) => {
    const where = failureLocation(c);
    return where ? { file: workspacePath(where.file), line: where.line } : {};
  };
  const errors = run.cases.filter(isFailure).map((c) => command('error', { ...at(c), title: `oauth-harness ${run.command}: ${c.id}${c.specRef ? ` (${c.specRef})` : ''}` }, `${failureMessage(c)}${fixLine(c)}`));
  const findings = run.cases
    .filter((c) => advisory(c))
    .map((c) => command(advisory(c) === 'warning' ? 'warning' : 'notice', { title: `oauth-harness ${run.command}: ${c.id} (${advisory(c) === 'warning' ? 'SHOULD' : 'MAY'}${c.specRef ? `, ${c.specRef}` : ''})` }, failureMessage(c)));
  const warnings = run.cases
    .filter((c) => c.verdict === 'passed')
    .flatMap((c) => c.diagnoses.filter((d) => d.level === 'warning').map((d) => command('warning', { ...(c.file ? { file: workspacePath(c.file), line: 1 } : {}), title: `oauth-harness ${run.command}: ${c.id}: warning [${d.id}]` }, `${d.title}\n${d.cause}${d.fix[0] ? `\nfix: ${d.fix[0]}` : ''}`)));
  return [...errors, ...findings, ...warnings];
}

/** Markdown table cell: one line, pipes escaped, `<`/`&` as entities (GitHub renders some HTML). */
const cell = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The job summary: counts, then a table of failures (file:line or spec), then the findings. */
export function githubStepSummary(run: RunResult, written: string[] = []): string {
  const failures = run.cases.filter(isFailure);
  const findings = run.cases.filter((c) => advisory(c));
  const s = run.summary;
  const warned = run.cases.filter((c) => c.verdict === 'passed' && c.diagnoses.some((d) => d.level === 'warning')).length;
  const noun = run.command === 'run' ? 'scenario' : 'check';
  const lines = [
    `### ${failures.length ? '❌' : '✅'} oauth-harness ${run.command}: ${failures.length ? `${failures.length} failed` : 'all passed'}`,
    '',
    `| ${noun}s | passed | failed | ${run.command === 'verify' ? 'SHOULD warnings | MAY/INFO findings' : 'with warnings'} | expected failures | skipped |`,
    `|---:|---:|---:|---:|${run.command === 'verify' ? '---:|' : ''}---:|---:|`,
    `| ${s.total} | ${s.passed} | ${failures.length} | ${run.command === 'verify' ? `${findings.filter((c) => advisory(c) === 'warning').length} | ${findings.filter((c) => advisory(c) === 'info').length}` : warned} | ${s.expectedFailures} | ${s.skipped} |`,
  ];
  if (failures.length) {
    lines.push('', '#### Failures', '', '| | case | where | why |', '|---|---|---|---|');
    for (const c of failures) {
      const where = failureLocation(c);
      lines.push(`| ${c.verdict === 'fixed' ? '❗' : '❌'} | \`${cell(c.id)}\` | ${where ? `\`${cell(`${workspacePath(where.file)}:${where.line}`)}\`` : cell(c.specRef ?? c.target)} | ${cell(failureMessage(c))} |`);
    }
  }
  if (findings.length) {
    lines.push('', `<details><summary>SHOULD warnings and MAY/INFO findings (${findings.length})</summary>`, '', '| level | check | why |', '|---|---|---|');
    for (const c of findings) lines.push(`| ${advisory(c) === 'warning' ? '⚠️ SHOULD' : 'ℹ️ MAY'} | \`${cell(c.id)}\` ${cell(c.specRef ?? '')} | ${cell(failureMessage(c))} |`);
    lines.push('', '</details>');
  }
  if (written.length) lines.push('', `Reports: ${written.map((w) => `\`${cell(w)}\``).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
