/**
 * Expected-failures files, as conformance suites keep them in CI: a YAML list of
 * `{ id, reason }`. A listed case that fails becomes `expected-failure` and does not fail
 * the run; a listed case that passes becomes `fixed` and does, so the list stays honest.
 * Shared by `run` and `verify`. Mistakes in the file are `file:line:col` errors (exit 2).
 */
import { readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { HarnessError } from '../errors/harness-error.js';
import type { CaseResult, RunResult } from './model.js';

export interface ExpectedFailure {
  /** Case id: a scenario id (file name without .yaml) or a check id. */
  id: string;
  /** Why it is expected to fail (an issue link, a provider quirk). */
  reason: string;
  /** 1-based line of the entry in its file, for messages. */
  line?: number;
}

const entrySchema = z.object({ id: z.string().min(1, 'must not be empty'), reason: z.string().min(1, 'must not be empty') }).strict();
const fileSchema = z.array(entrySchema, { error: 'expected a YAML list of { id, reason } entries' });

/** Parses an expected-failures document. Throws a `HarnessError` (exit 2) listing every problem as `file:line:col: …`. */
export function parseExpectedFailures(text: string, file: string): ExpectedFailure[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const at = (offset: number | undefined) => {
    const { line, col } = lc.linePos(offset ?? 0);
    return `${file}:${line}:${col}`;
  };
  const problems = doc.errors.map((e) => `${at(e.pos[0])}: YAML: ${e.message.split('\n')[0]}`);
  if (problems.length) throw new HarnessError('CONFIG_INVALID', `${file}: invalid YAML`, problems);
  const data = doc.toJS() ?? [];
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const node = doc.getIn(key ? [...path, key] : path, true) ?? doc.getIn(path.slice(0, -1), true) ?? doc.contents;
      const where = issue.path.length ? `[${String(issue.path[0])}]${issue.path.slice(1).map((p) => `.${String(p)}`).join('')}` : '(root)';
      const message = issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}; an entry has only id and reason` : issue.code === 'invalid_type' && issue.input === undefined ? `required field is missing` : issue.message;
      const range = isNode(node) ? node.range : undefined;
      problems.push(`${at(range?.[0])}: ${where}: ${message}`);
    }
    throw new HarnessError('CONFIG_INVALID', `${file}: ${problems.length} problem${problems.length > 1 ? 's' : ''}`, problems);
  }
  const items = isNode(doc.contents) && 'items' in doc.contents ? (doc.contents.items as unknown[]) : [];
  const seen = new Map<string, number>();
  const out: ExpectedFailure[] = parsed.data.map((entry, i) => {
    const node = items[i];
    const line = isNode(node) && node.range ? lc.linePos(node.range[0]).line : undefined;
    return { ...entry, ...(line !== undefined ? { line } : {}) };
  });
  for (const e of out) {
    const first = seen.get(e.id);
    if (first !== undefined) problems.push(`${file}:${e.line ?? 1}:1: "${e.id}" is listed twice (first on line ${first})`);
    else seen.set(e.id, e.line ?? 1);
  }
  if (problems.length) throw new HarnessError('CONFIG_INVALID', `${file}: ${problems.length} problem${problems.length > 1 ? 's' : ''}`, problems);
  return out;
}

/** Reads an expected-failures file (exit 2 when it cannot be read or is malformed). */
export function loadExpectedFailures(file: string): ExpectedFailure[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new HarnessError('FILE_NOT_FOUND', `--expected-failures: cannot read ${file}`);
  }
  return parseExpectedFailures(text, file);
}

/** One case with the list applied. */
export function applyToCase(c: CaseResult, entry: ExpectedFailure | undefined): CaseResult {
  if (!entry) return c;
  if (c.verdict === 'failed') return { ...c, verdict: 'expected-failure', expectedFailureReason: entry.reason };
  if (c.verdict === 'passed') {
    return { ...c, verdict: 'fixed', expectedFailureReason: entry.reason, message: `listed as an expected failure (${entry.reason}) but it passed: remove it from the expected-failures file` };
  }
  return c;
}

/**
 * Applies the list to a run's cases: failed → `expected-failure`, passed → `fixed`.
 * Returns the new cases and the listed ids that matched no case (stale entries).
 */
export function applyExpectedFailures(cases: CaseResult[], list: readonly ExpectedFailure[]): { cases: CaseResult[]; unmatched: ExpectedFailure[] } {
  const byId = new Map(list.map((e) => [e.id, e]));
  const ids = new Set(cases.map((c) => c.id));
  return { cases: cases.map((c) => applyToCase(c, byId.get(c.id))), unmatched: list.filter((e) => !ids.has(e.id)) };
}

/** Applies the list to a whole run and recomputes its summary with `summarize`. */
export function applyExpectedFailuresToRun(run: RunResult, list: readonly ExpectedFailure[], summarize: (cases: CaseResult[]) => RunResult['summary']): RunResult {
  const { cases } = applyExpectedFailures(run.cases, list);
  return { ...run, cases, summary: summarize(cases) };
}
