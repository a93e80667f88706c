/**
 * `oauth-harness run [paths…]`: load and validate every scenario (exit 2 on any
 * problem, before anything runs), run them as vitest tests, print progress and a
 * summary, write the reports, exit 0 (all passed) or 1 (some failed).
 */
import { join } from 'node:path';
import { packageRoot } from '../../../mocks/package-root.js';
import { HarnessError } from '../../errors/harness-error.js';
import { exitCodeOf, summarize } from '../../reports/summary.js';
import { REPORTERS, writeReports } from '../../reports/write-reports.js';
import type { RunResult } from '../../results/model.js';
import { runWithVitest } from '../../runner/run-with-vitest.js';
import { findScenarioFiles, loadScenarios } from '../../scenario/load.js';
import { printCase, printSummary } from '../console-output.js';

export interface RunCommandOptions {
  grep?: string;
  seed: string;
  bail?: boolean;
  report: string;
  out: string;
}

/** Parses `--report junit,json`; unknown names are a usage error. */
export function parseReportList(list: string): string[] {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(n in REPORTERS));
  if (unknown.length) throw new HarnessError('USAGE', `--report: unknown report "${unknown.join(', ')}"; available: ${Object.keys(REPORTERS).join(', ')}`);
  return names;
}

export function parseSeed(seed: string): number {
  const n = Number(seed);
  if (!Number.isInteger(n) || n < 0) throw new HarnessError('USAGE', `--seed: expected a whole number, got "${seed}"`);
  return n;
}

export async function runCommand(paths: string[], o: RunCommandOptions): Promise<number> {
  const seed = parseSeed(o.seed);
  const reports = parseReportList(o.report);
  const files = findScenarioFiles(paths.length ? paths : [join(packageRoot(), 'scenarios')]);
  let scenarios = loadScenarios(files);
  if (o.grep) {
    let re: RegExp;
    try {
      re = new RegExp(o.grep, 'i');
    } catch {
      throw new HarnessError('USAGE', `--grep: not a valid regular expression: ${o.grep}`);
    }
    scenarios = scenarios.filter((s) => re.test(s.id) || re.test(s.title) || s.tags.some((t) => re.test(t)));
  }
  if (!scenarios.length) throw new HarnessError('USAGE', o.grep ? `no scenario matches --grep "${o.grep}"` : 'no scenario files found');
  process.stdout.write(`oauth-harness run: ${scenarios.length} scenario${scenarios.length > 1 ? 's' : ''} (seed ${seed})\n`);
  const started = Date.now();
  const cases = await runWithVitest({ scenarios, seed, bail: o.bail ?? false, onResult: (r) => printCase(r) });
  const run: RunResult = { schemaVersion: 1, tool: 'oauth-harness', command: 'run', startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, seed, cases, summary: summarize(cases) };
  const written = writeReports(run, reports, o.out);
  printSummary(run, written);
  return exitCodeOf(run);
}
