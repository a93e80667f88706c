/**
 * `oauth-harness merge-reports DIR…`: the results.json of each shard (`run --shard i/n`,
 * `verify --shard i/n`) merged into one run, and its reports written as a single run
 * writes them (src/results/merge.ts). Exits as the merged run would: 0, 1 (some failed),
 * 2 (the inputs do not make one run). Folders holding matrix.json (`matrix --shard i/n`)
 * make one matrix.json and matrix.md instead (src/runner/matrix-merge.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HarnessError } from '../../errors/harness-error.js';
import { isFailure } from '../../reports/summary.js';
import { parseReportList, prepareOutDir, writeReports } from '../../reports/write-reports.js';
import { mergeRuns, readResultsFile } from '../../results/merge.js';
import { ConsoleReporter } from '../console-reporter.js';

export interface MergeReportsOptions {
  report: string;
  out: string;
  reporter?: string;
}

/** A folder with matrix.json and no results.json, or a matrix.json file. */
const isMatrix = (p: string) => (existsSync(p) && statSync(p).isDirectory() ? existsSync(join(p, 'matrix.json')) && !existsSync(join(p, 'results.json')) : basename(p) === 'matrix.json');

export async function mergeReportsCommand(inputs: string[], o: MergeReportsOptions): Promise<number> {
  const reports = parseReportList(o.report);
  const con = new ConsoleReporter(o);
  if (!inputs.length) throw new HarnessError('USAGE', 'merge-reports: give the folders (or results.json files) of the shards');
  const matrices = inputs.filter(isMatrix);
  if (matrices.length) {
    if (matrices.length !== inputs.length) throw new HarnessError('USAGE', `merge-reports: ${matrices.join(', ')} hold${matrices.length === 1 ? 's' : ''} a matrix (matrix.json), the others results.json: merge one kind at a time`);
    prepareOutDir(o.out);
    return (await import('../../runner/matrix-merge.js')).mergeMatrixFiles(inputs, o.out);
  }
  const files = inputs.map(readResultsFile);
  const run = mergeRuns(files);
  if (reports.length) prepareOutDir(o.out);
  con.header(`oauth-harness merge-reports: ${files.length} result${files.length === 1 ? '' : 's'} of \`${run.command}\`${files[0]!.run.shard ? ` (${files[0]!.run.shard.count} shards)` : ''}, ${run.cases.length} case${run.cases.length === 1 ? '' : 's'}`);
  const written = writeReports(run, reports, o.out);
  con.finish(run, written);
  // as run and verify decide it: a failed scenario or MUST check, or a fixed entry; SHOULD warnings do not fail
  return run.cases.some(isFailure) ? 1 : 0;
}
