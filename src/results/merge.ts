/**
 * `oauth-harness merge-reports`: results.json files of the shards of one run (or of runs
 * that do not overlap) made into the result of one run, so junit.xml, results.json and
 * report.html are written from it exactly as a single run writes them.
 *
 * Shards (`run --shard i/n`, `verify --shard i/n`) carry the whole selection's ids: the
 * merge checks that every part is there once, that the parts come from the same selection,
 * command and seed, and that each case id is where the split puts it; the cases then come
 * in the selection's order, as in a run of the whole. Results without `shard` are
 * concatenated in the order given; a case (id, target, client) found twice is an error.
 *
 * Every case goes through the report-wide redaction pass again, so a merged report is as
 * redacted as the runs it came from whatever produced them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from '../errors/harness-error.js';
import { scrubCase } from '../redaction/scrub.js';
import { summarize } from './summary.js';
import { shardIds } from './shard.js';
import type { CaseResult, RunResult } from './model.js';
import { RESULTS_SCHEMA_VERSION, validateResults } from './schema.js';

export interface ResultsFile {
  /** Where it was read from (for messages). */
  path: string;
  run: RunResult;
}

/** `DIR` (its results.json) or a results.json file; a usage error (exit 2) when it is not a valid one. */
export function readResultsFile(arg: string): ResultsFile {
  const path = (existsSync(arg) && statSync(arg).isDirectory()) || !arg.endsWith('.json') ? join(arg, 'results.json') : arg;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new HarnessError('USAGE', `merge-reports: ${path}: ${code === 'ENOENT' ? 'no such file (write it with --report json, the default)' : code ?? `not JSON: ${(e as Error).message}`}`);
  }
  const problems = validateResults(value);
  if (problems.length) throw new HarnessError('USAGE', `merge-reports: ${path}: not an oauth-harness results.json (docs/results.schema.json)`, problems.slice(0, 10));
  return { path, run: value as RunResult };
}

const key = (c: CaseResult) => `${c.id}\u0000${c.target}\u0000${c.client ?? ''}`;

/** A usage error (exit 2) of merge-reports. */
export function mergeError(message: string, problems: string[] = []): never {
  throw new HarnessError('USAGE', `merge-reports: ${message}`, problems);
}

/** One part of a sharded run, as the merge checks it: where it came from, its shard, the ids it holds. */
export interface ShardPart {
  path: string;
  shard?: { index: number; count: number; selection: string[] } | undefined;
  ids: string[];
}

/**
 * Checks that the parts are the shards of one split, each once, none missing, each
 * holding only its own ids; returns the selection's order. Shared with the matrix merge.
 */
export function checkShardParts(parts: ShardPart[]): string[] {
  const sharded = parts.filter((p) => p.shard);
  const unsharded = parts.filter((p) => !p.shard);
  if (!sharded.length) mergeError(`${parts.map((p) => p.path).join(', ')}: not shards of a run (--shard i/n)`);
  if (unsharded.length) mergeError(`${unsharded.map((p) => p.path).join(', ')} ${unsharded.length > 1 ? 'are' : 'is'} not a shard (--shard i/n), but ${sharded[0]!.path} is: merge the shards of one run`);
  const first = parts[0]!.shard!;
  const selection = first.selection.join('\n');
  for (const p of parts) {
    const s = p.shard!;
    if (s.count !== first.count) mergeError(`${p.path} is shard ${s.index}/${s.count}, ${parts[0]!.path} is ${first.index}/${first.count}: shards of different splits`);
    if (s.selection.join('\n') !== selection) mergeError(`${p.path} and ${parts[0]!.path} come from different selections (other files, --grep, --only or --client, or another version of the catalog)`);
  }
  const seen = new Map<number, string>();
  for (const p of parts) {
    const i = p.shard!.index;
    if (seen.has(i)) mergeError(`shard ${i}/${first.count} given twice: ${seen.get(i)} and ${p.path}`);
    seen.set(i, p.path);
  }
  const missing = Array.from({ length: first.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) mergeError(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${first.count}`).join(', ')} (given: ${[...seen.keys()].sort((a, b) => a - b).map((i) => `${i}/${first.count}`).join(', ')})`);
  for (const p of parts) {
    const s = p.shard!;
    const mine = shardIds(s.selection, s);
    const strays = p.ids.filter((id) => !mine.has(id));
    if (strays.length) mergeError(`${p.path} (shard ${s.index}/${s.count}) holds cases that belong to another shard or to no shard: ${strays.slice(0, 5).join(', ')}${strays.length > 5 ? ', …' : ''}`);
  }
  return first.selection;
}

/** The merged run; throws a usage error naming the file and the reason when the inputs do not make one run. */
export function mergeRuns(files: ResultsFile[]): RunResult {
  if (!files.length) mergeError('no results to merge');
  const first = files[0]!.run;
  for (const f of files) {
    if (f.run.command !== first.command) mergeError(`${f.path} is from \`${f.run.command}\`, ${files[0]!.path} from \`${first.command}\``);
    if (f.run.seed !== first.seed) mergeError(`${f.path} ran with seed ${f.run.seed ?? 'none'}, ${files[0]!.path} with seed ${first.seed ?? 'none'}`);
  }
  const order = files.some((f) => f.run.shard) ? checkShardParts(files.map((f) => ({ path: f.path, shard: f.run.shard, ids: f.run.cases.map((c) => c.id) }))) : undefined;
  const where = new Map<string, string>();
  const cases: CaseResult[] = [];
  for (const f of files) {
    for (const c of f.run.cases) {
      const k = key(c);
      if (where.has(k)) mergeError(`${c.id} (${c.target}) is in both ${where.get(k)} and ${f.path}`);
      where.set(k, f.path);
      cases.push(scrubCase(c));
    }
  }
  if (order) {
    const rank = new Map(order.map((id, i) => [id, i]));
    cases.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  }
  const starts = files.map((f) => Date.parse(f.run.startedAt));
  const start = Math.min(...starts);
  const end = Math.max(...files.map((f, i) => starts[i]! + f.run.durationMs));
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: 'oauth-harness',
    command: first.command,
    startedAt: new Date(start).toISOString(),
    durationMs: end - start,
    ...(first.seed !== undefined ? { seed: first.seed } : {}),
    cases,
    summary: summarize(cases),
  };
}
