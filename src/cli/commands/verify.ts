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
import { summarize } from '../../reports/summary.js';
import { dim, printCase, printSummary } from '../console-output.js';
import { finishCase, parseReportList } from './run.js';

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
  report: string;
  out: string;
}

/** Turns the verify engine's own error into the CLI's (exit 2, one line per problem). */
async function asHarnessError<T>(work: () => Promise<T>): Promise<T> {
  const { VerifyError } = await import('../../verify/index.js');
  try {
    return await work();
  } catch (e) {
    if (e instanceof VerifyError) {
      const [first, ...rest] = e.message.split('\n');
      throw new HarnessError(e.code === 'DISCOVERY_FAILED' ? 'TARGET_UNREACHABLE' : 'CONFIG_INVALID', first ?? e.message, e.issues.length ? e.issues : rest);
    }
    throw e;
  }
}

function printLevels(cases: CaseResult[]): void {
  const by = (sev: string) => cases.filter((c) => c.verdict === 'failed' && (c.severity ?? 'fail') === sev).length;
  process.stdout.write(`\nMUST failures: ${by('fail')}   SHOULD warnings: ${by('warning')}   MAY/INFO findings: ${by('info')}\n`);
}

export async function verifyCommand(o: VerifyCommandOptions): Promise<number> {
  const reports = parseReportList(o.report);
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
  const onProgress = (e: import('../../verify/index.js').VerifyProgress) => {
    if (e.type === 'discovered') process.stdout.write(`oauth-harness verify: ${e.total} checks (metadata from ${e.source})\n`);
    if (e.type === 'check-end') printCase(finish(e.result));
  };
  const started = Date.now();
  let result: RunResult;
  if (o.target && o.target !== 'mock') {
    if (o.issuer || o.config) throw new HarnessError('USAGE', '--target starts its own server: do not combine it with --issuer or --config');
    outReady();
    const { verifyOnTarget } = await import('../../targets/index.js');
    process.stdout.write(dim(`starting ${o.target}…\n`));
    result = await asHarnessError(() => verifyOnTarget({ target: o.target!, ...(plan ? { plan } : {}), ...(o.only?.length ? { only: o.only } : {}), onProgress }));
  } else {
    const file = o.config ? await asHarnessError(() => verify.loadVerifyConfig(o.config!)) : undefined;
    const input = verify.mergeVerifyFlags(file, { issuer: o.issuer, clientId: o.clientId, clientSecret: o.clientSecret, redirectUri: o.redirectUri, plan });
    if (!input.issuer) throw new HarnessError('USAGE', 'verify needs --issuer URL (or issuer: in --config), or --target container:NAME');
    outReady();
    result = await asHarnessError(() => verify.runVerify({ ...input, ...(o.only?.length ? { only: o.only } : {}), onProgress }));
  }
  const cases = result.cases.map(finish);
  const run: RunResult = { ...result, command: 'verify', durationMs: Date.now() - started, cases, summary: summarize(cases) };
  const written = writeReports(run, reports, o.out);
  printLevels(cases);
  printSummary(run, written);
  return verify.verifyExitCode(run);
}
