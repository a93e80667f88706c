/**
 * The console side of `run`, `verify` and `merge-reports`: `--reporter` picks how cases
 * are shown as they finish, `--quiet` shows none of them; every style ends with the
 * failures again (the recap: where and why, one entry each) and the summary line.
 *
 * - `default`: a line per case; failures in full (expectations, diagnoses with fixes);
 *   a passing case's warnings one line each (the details are in the reports).
 * - `verbose`: as `default`, with every warning in full.
 * - `dot`: one character per case (`.` passed, `F` failed, `W` SHOULD warning, `i` finding,
 *   `s` skipped, `?` inconclusive (not tested), `x` expected failure, `!` fixed), then the failures in full.
 * - `github`: as `default`, then workflow commands for GitHub Actions (an annotation on
 *   the scenario file and line of each failure) and, when `GITHUB_STEP_SUMMARY` is set, a
 *   job summary appended to that file (src/reports/github.ts).
 */
import { appendFileSync } from 'node:fs';
import { HarnessError } from '../errors/harness-error.js';
import { failureLocation } from '../reports/failure-location.js';
import { githubAnnotations, githubStepSummary } from '../reports/github.js';
import { failureMessage } from '../reports/junit.js';
import { advisory, isFailure } from '../reports/summary.js';
import type { CaseResult, RunResult } from '../results/model.js';
import { bold, dim, MARK, printCase, printSummary, red } from './console-output.js';

export const CONSOLE_REPORTERS = ['default', 'verbose', 'dot', 'github'] as const;
export type ConsoleReporterName = (typeof CONSOLE_REPORTERS)[number];

/** `--reporter NAME`; an unknown name is a usage error (exit 2). */
export function parseConsoleReporter(value: string | undefined): ConsoleReporterName {
  const name = value ?? 'default';
  if (!(CONSOLE_REPORTERS as readonly string[]).includes(name)) throw new HarnessError('USAGE', `--reporter: unknown reporter "${value}"; reporters: ${CONSOLE_REPORTERS.join(', ')}`);
  return name as ConsoleReporterName;
}

export interface ConsoleReporterOptions {
  reporter?: string | undefined;
  quiet?: boolean | undefined;
}

const DOT: Partial<Record<CaseResult['verdict'], string>> = { passed: '.', failed: 'F', skipped: 's', inconclusive: '?', 'expected-failure': 'x', fixed: '!' };

/** The failures again, one entry each, at the end of the log where CI shows it: where (file:line or spec) and why. */
export function printRecap(run: RunResult, out: (s: string) => void): void {
  const failures = run.cases.filter(isFailure);
  if (!failures.length) return;
  out('');
  out(red(bold(`${failures.length} failure${failures.length > 1 ? 's' : ''}:`)));
  for (const c of failures) {
    const where = failureLocation(c);
    const place = where ? `${where.file}:${where.line}` : (c.specRef ?? c.target);
    out(`  ${MARK[c.verdict]} ${bold(c.id)} ${dim(place)}`);
    out(`      ${failureMessage(c)}`);
  }
}

export class ConsoleReporter {
  readonly name: ConsoleReporterName;
  readonly quiet: boolean;
  /** Dots on the current line (the `dot` reporter). */
  private column = 0;
  /** Cases finished so far. */
  private done = 0;
  private readonly write: (s: string) => void;
  private readonly line: (s: string) => void;

  /** Checks the options (usage errors before anything runs). */
  constructor(o: ConsoleReporterOptions, write: (s: string) => void = (s) => process.stdout.write(s)) {
    this.name = parseConsoleReporter(o.reporter);
    this.quiet = o.quiet === true;
    this.write = write;
    this.line = (s) => {
      this.endDots();
      write(`${s}\n`);
    };
  }

  /** The first line (what will run); `--quiet` leaves it out. */
  header(text: string): void {
    if (!this.quiet) this.line(text);
  }

  /** Something to say on the way (a target starting); `--quiet` leaves it out. */
  note(text: string): void {
    if (!this.quiet) this.line(dim(text));
  }

  /** A finished case; with `total`, its line starts with a progress count (`[ 12/184]`). */
  onCase(c: CaseResult, total?: number): void {
    const done = ++this.done;
    const failure = isFailure(c);
    if (this.quiet) return;
    if (this.name === 'dot' && !failure) {
      const finding = advisory(c);
      this.write(finding === 'warning' ? 'W' : finding === 'info' ? 'i' : (DOT[c.verdict] ?? '?'));
      if (++this.column === 60) {
        this.write(`${total !== undefined ? dim(` ${done}/${total}`) : ''}\n`);
        this.column = 0;
      }
      return;
    }
    const width = total === undefined ? 0 : String(total).length;
    const progress = total !== undefined ? dim(`[${String(done).padStart(width)}/${total}] `) : '';
    printCase(c, this.line, { warnings: this.name === 'verbose' ? 'full' : 'brief', progress });
  }

  /** The end: the recap of failures, the summary line, and what the reporter adds (annotations, job summary). */
  finish(run: RunResult, written: string[]): void {
    this.endDots();
    printRecap(run, this.line);
    printSummary(run, written, this.line);
    if (this.name !== 'github') return;
    for (const a of githubAnnotations(run)) this.line(a);
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) appendFileSync(summaryFile, githubStepSummary(run, written));
  }

  private endDots(): void {
    if (!this.column) return;
    this.write('\n');
    this.column = 0;
  }
}
