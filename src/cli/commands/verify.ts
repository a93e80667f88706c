/**
 * `oauth-harness verify`: black-box conformance checks of an authorization server
 * (one check per requirement of docs/requirements.md), discovered from its issuer or
 * started as a container target.
 * Prints progress and a summary by level, writes the same reports as `run`, honours an
 * expected-failures file, and exits 0 (no MUST failure), 1, or 2 (bad input).
 */
import { HarnessError } from '../../errors/harness-error.js';
import { prepareOutDir, writeReports } from '../../reports/write-reports.js';
import { loadExpectedFailures, type ExpectedFailure } from '../../results/expected-failures.js';
import type { CaseResult, RunResult } from '../../results/model.js';
import { summarize } from '../../results/summary.js';
import { RESULTS_SCHEMA_VERSION } from '../../results/schema.js';
import { parseShard, shardIds } from '../../results/shard.js';
import { dim } from '../console-output.js';
import { ConsoleReporter } from '../console-reporter.js';
import { partialReportsOnInterrupt } from '../../reports/partial-reports.js';
import { finishCase } from '../../results/finish-run.js';
import { parseReportList } from '../../reports/write-reports.js';

export interface VerifyCommandOptions {
  issuer?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  plan?: string;
  config?: string;
  target?: string;
  only?: string[];
  expectedFailures?: string;
  /** `--timeout`, `--allow-wait`: durations such as `15s`, `5m`. */
  timeout?: string;
  allowWait?: string;
  report: string;
  out: string;
  /** `i/n`: run only part i of n of the plan's checks (a stable split by check id). */
  shard?: string;
  /** Print the checks the plan (and --only, --shard) selects and run nothing. */
  list?: boolean;
  /** Console reporter: default, verbose, dot, github. */
  reporter?: string;
  /** Print only failures, the recap and the summary. */
  quiet?: boolean;
}

/** Turns the verify engine's own error into the CLI's (exit 2, one line per problem). */
async function asHarnessError<T>(work: () => Promise<T>): Promise<T> {
  const { VerifyError } = await import('../../verify/index.js');
  try {
    return await work();
  } catch (e) {
    if (e instanceof VerifyError) {
      const [first, ...rest] = e.message.split('\n');
      throw new HarnessError(e.code === 'DISCOVERY_FAILED' || e.code === 'TARGET_UNRESPONSIVE' ? 'TARGET_UNREACHABLE' : 'CONFIG_INVALID', first ?? e.message, e.issues.length ? e.issues : rest);
    }
    throw e;
  }
}

function printLevels(cases: CaseResult[], con: ConsoleReporter): void {
  if (con.quiet) return;
  const by = (sev: string) => cases.filter((c) => c.verdict === 'failed' && (c.severity ?? 'fail') === sev).length;
  process.stdout.write(`\nMUST failures: ${by('fail')}   SHOULD warnings: ${by('warning')}   MAY/INFO findings: ${by('info')}\n`);
}

type VerifyModule = typeof import('../../verify/index.js');

/** The check ids `--only` and `--shard` select from the plan, in plan order (unknown `--only` ids stay, for runVerify to name). */
function selectChecks(verify: VerifyModule, plan: 'rfc6749' | 'bcp', only: readonly string[], shard: ReturnType<typeof parseShard> | undefined) {
  const planned = verify.planChecks(plan);
  const selection = only.length ? planned.filter((c) => only.includes(c.id)) : [...planned];
  const unknown = only.filter((id) => !planned.some((c) => c.id === id));
  const mine = shard && shardIds(selection.map((c) => c.id), shard);
  const checks = mine ? selection.filter((c) => mine.has(c.id)) : selection;
  return { selection: selection.map((c) => c.id), checks, only: [...checks.map((c) => c.id), ...unknown] };
}

export async function verifyCommand(o: VerifyCommandOptions): Promise<number> {
  const reports = parseReportList(o.report);
  const shard = o.shard === undefined ? undefined : parseShard(o.shard);
  const con = new ConsoleReporter(o);
  // After the input checks, before the first request: a wrong --out does not cost a whole run.
  const outReady = () => {
    if (reports.length) prepareOutDir(o.out);
  };
  const listed: ExpectedFailure[] = o.expectedFailures ? loadExpectedFailures(o.expectedFailures) : [];
  const byId = new Map(listed.map((e) => [e.id, e]));
  const finish = (r: CaseResult) => finishCase(r, new Map(), byId);
  const verify = await import('../../verify/index.js');
  const plan = o.plan as 'rfc6749' | 'bcp' | undefined;
  if (plan !== undefined && !verify.PLAN_NAMES.includes(plan)) throw new HarnessError('USAGE', `--plan: unknown plan "${o.plan}"; plans: ${verify.PLAN_NAMES.join(', ')}`);
  const onTarget = o.target !== undefined && o.target !== 'mock';
  if (onTarget && (o.issuer || o.config)) throw new HarnessError('USAGE', '--target starts its own server: do not combine it with --issuer or --config');
  const file = !onTarget && o.config ? await asHarnessError(() => verify.loadVerifyConfig(o.config!)) : undefined;
  const input = onTarget ? undefined : verify.mergeVerifyFlags(file, { issuer: o.issuer, clientId: o.clientId, clientSecret: o.clientSecret, redirectUri: o.redirectUri, plan, timeout: o.timeout, allowWait: o.allowWait });
  const planName: 'rfc6749' | 'bcp' = plan ?? (input?.plan as 'rfc6749' | 'bcp' | undefined) ?? 'bcp';
  const picked = selectChecks(verify, planName, o.only ?? [], shard);
  const part = shard ? ` (shard ${shard.index}/${shard.count} of ${picked.selection.length})` : '';
  if (o.list) {
    for (const c of picked.checks) process.stdout.write(`${c.id}  ${dim(`${c.level}  ${c.specRef}  ${c.title}`)}\n`);
    process.stdout.write(`${picked.checks.length} check${picked.checks.length === 1 ? '' : 's'} in plan ${planName}${part}\n`);
    return 0;
  }
  // On Ctrl-C or SIGTERM: the checks done so far, in reports marked interrupted.
  const done: CaseResult[] = [];
  let total = picked.checks.length;
  const onProgress = (e: import('../../verify/index.js').VerifyProgress) => {
    if (e.type === 'discovered') {
      total = e.total;
      con.header(`oauth-harness verify: ${e.total} checks${part} (metadata from ${e.source})`);
    }
    if (e.type === 'check-end') {
      const c = finish(e.result);
      done.push(c);
      con.onCase(c, e.total);
    }
    if (e.type === 'waiting') con.note(`${e.id}: waiting ${Math.round(e.seconds)} s for ${e.what}`);
  };
  const only = o.only?.length || shard ? { only: picked.only } : {};
  const started = Date.now();
  const partial = (): RunResult => ({ schemaVersion: RESULTS_SCHEMA_VERSION, tool: 'oauth-harness', command: 'verify', startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, cases: done, summary: summarize(done), ...(shard ? { shard: { ...shard, selection: picked.selection } } : {}) });
  const forget = partialReportsOnInterrupt({ partial, total: () => total, noun: 'check', reports, out: o.out });
  let result: RunResult;
  if (shard && !picked.only.length) {
    // an empty part (more shards than checks): nothing to discover, an empty result to merge
    outReady();
    con.header(`oauth-harness verify: 0 checks${part}`);
    result = { schemaVersion: RESULTS_SCHEMA_VERSION, tool: 'oauth-harness', command: 'verify', startedAt: new Date(started).toISOString(), durationMs: 0, cases: [], summary: summarize([]) };
  } else if (onTarget) {
    outReady();
    const { verifyOnTarget } = await import('../../targets/index.js');
    con.note(`starting ${o.target}…`);
    result = await asHarnessError(() => verifyOnTarget({ target: o.target!, plan: planName, ...only, onProgress, overrides: verify.timingFromFlags(o) }));
  } else {
    if (!input!.issuer) throw new HarnessError('USAGE', 'verify needs --issuer URL (or issuer: in --config), or --target container:NAME');
    outReady();
    result = await asHarnessError(() => verify.runVerify({ ...input!, ...only, onProgress }));
  }
  forget();
  const cases = result.cases.map(finish);
  const run: RunResult = { ...result, command: 'verify', durationMs: Date.now() - started, cases, summary: summarize(cases), ...(shard ? { shard: { ...shard, selection: picked.selection } } : {}) };
  const written = writeReports(run, reports, o.out);
  printLevels(cases, con);
  con.finish(run, written);
  return verify.verifyExitCode(run);
}
