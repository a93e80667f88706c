/**
 * `oauth-harness run [paths…]`: load and validate the scenarios (and the expected-failures
 * file), exit 2 on any problem before anything runs; run the scenarios in this process
 * (src/runner/run-in-process.ts, docs/decisions/022-run-in-process.md), print progress
 * and a summary, write the reports, exit 0 (all passed, or only expected failures) or 1
 * (some failed, or a listed expected failure now passes).
 */
import { parseSeed } from '../parse-seed.js';
import { exitCodeOf } from '../../reports/summary.js';
import { parseReportList, prepareOutDir, writeReports } from '../../reports/write-reports.js';
import { loadExpectedFailures, type ExpectedFailure } from '../../results/expected-failures.js';
import { finishCase, makeRun } from '../../results/finish-run.js';
import type { CaseResult } from '../../results/model.js';
import { runInProcess } from '../../runner/run-in-process.js';
import { selectShard } from '../../runner/select-scenarios.js';
import { parseShard } from '../../results/shard.js';
import { dim, yellow } from '../console-output.js';
import { ConsoleReporter } from '../console-reporter.js';
import { partialReportsOnInterrupt } from '../../reports/partial-reports.js';

export interface RunCommandOptions {
  grep?: string;
  seed: string;
  bail?: boolean;
  /** Comma-separated reporter names (`junit,json,html`), or `all`, or `none`. */
  report: string;
  out: string;
  /** A YAML list of `{ id, reason }`: listed failures do not fail the run. */
  expectedFailures?: string;
  /** `reference`, `command:"…"` or `web:"…"`: overrides every scenario's client driver. */
  client?: string;
  /** `mock` (default), `container:<server>` (oauth-harness targets), or an issuer URL. */
  target?: string;
  /** A live target's client, users and behaviours: verify.yaml and/or flags (src/targets/live-target.ts). */
  config?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  user?: string[];
  behavesLike?: string[];
  /** `i/n`: run only part i of n of the selection (src/results/shard.ts). */
  shard?: string;
  /** Print the selected scenarios (after --grep and --shard) and run nothing. */
  list?: boolean;
  /** Console reporter: default, verbose, dot, github. */
  reporter?: string;
  /** Print only failures, the recap and the summary. */
  quiet?: boolean;
}

export { finishCase, makeRun } from '../../results/finish-run.js';
export { parseReportList } from '../../reports/write-reports.js';

export async function runCommand(paths: string[], o: RunCommandOptions): Promise<number> {
  const seed = parseSeed(o.seed);
  const reports = parseReportList(o.report);
  const shard = o.shard === undefined ? undefined : parseShard(o.shard);
  const con = new ConsoleReporter(o);
  const expected: ExpectedFailure[] = o.expectedFailures ? loadExpectedFailures(o.expectedFailures) : [];
  if (o.target !== undefined && o.target !== 'mock') (await import('../../targets/index.js')).parseTarget(o.target);
  const live = await (await import('../../targets/live-target.js')).liveTargetStart(o);
  const { selection, scenarios } = selectShard({ paths, grep: o.grep, client: o.client }, shard);
  if (o.list) {
    for (const s of scenarios) process.stdout.write(`${s.id}  ${dim(`mock:${s.provider.profile}  ${s.file}`)}\n`);
    process.stdout.write(`${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'}${shard ? ` (shard ${shard.index}/${shard.count} of ${selection.length})` : ''}\n`);
    return 0;
  }
  // Last of the input checks, first write: a wrong --out does not cost a whole run, bad input creates nothing.
  if (reports.length) prepareOutDir(o.out);
  con.header(`oauth-harness run: ${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'}${shard ? ` (shard ${shard.index}/${shard.count} of ${selection.length})` : ''} (seed ${seed})${expected.length ? `, ${expected.length} expected failure${expected.length > 1 ? 's' : ''} listed` : ''}`);
  const fileOf = new Map(scenarios.map((s) => [s.id, s.file]));
  const listed = new Map(expected.map((e) => [e.id, e]));
  const finish = (r: CaseResult) => finishCase(r, fileOf, listed);
  const started = Date.now();
  const onTarget = o.target !== undefined && o.target !== 'mock';
  // On Ctrl-C or SIGTERM: the cases done so far, in reports marked interrupted (src/reports/partial-reports.ts).
  const done: CaseResult[] = [];
  const onCase = (r: CaseResult) => {
    const c = finish(r);
    done.push(c);
    con.onCase(c);
  };
  const forget = partialReportsOnInterrupt({ partial: () => makeRun(done, started, seed), total: () => scenarios.length, noun: 'scenario', reports, out: o.out });
  const raw = !scenarios.length
    ? []
    : onTarget
      ? (await (await import('../../targets/index.js')).runOnTarget({ target: o.target!, scenarios, seed, ...(live ? { start: live } : {}), onCase })).cases
      : await runInProcess({ scenarios, seed, bail: o.bail ?? false, onResult: onCase });
  forget();
  const cases = raw.map(finish);
  const run = { ...makeRun(cases, started, seed), ...(shard ? { shard: { ...shard, selection } } : {}) };
  const written = writeReports(run, reports, o.out);
  const ran = new Set(selection);
  const stale = expected.filter((e) => !ran.has(e.id));
  if (stale.length && !o.grep && !paths.length && !con.quiet) {
    process.stdout.write(`${yellow('note:')} ${o.expectedFailures} lists ${stale.length} id${stale.length > 1 ? 's' : ''} that did not run: ${stale.map((e) => `${e.id}${e.line ? ` (line ${e.line})` : ''}`).join(', ')}\n`);
  } else if (stale.length && !con.quiet) process.stdout.write(dim(`${stale.length} listed expected failure${stale.length > 1 ? 's' : ''} not selected in this run\n`));
  con.finish(run, written);
  return exitCodeOf(run);
}
