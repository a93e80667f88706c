/**
 * Expected-failures files, as conformance suites keep them in CI: a YAML list of
 * `{ id, reason }`. A listed case that fails becomes `expected-failure` and does not fail
 * the run; a listed case that passes becomes `fixed` and does, so the list stays honest.
 * A listed case that is `inconclusive` (not tested) stays so, with the listed reason.
 * Shared by `run` and `verify`. Mistakes in the file are `file:line:col` errors (exit 2).
 */
import { readFileSync } from 'node:fs';
import { yamlModule } from '../scenario/yaml-locate.js';
import { z } from 'zod';
import { HarnessError } from '../errors/harness-error.js';
import type { CaseResult, RunResult } from './model.js';
import { summarize } from './summary.js';

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

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let v: unknown = data;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** Parses an expected-failures document. Throws a `HarnessError` (exit 2) listing every problem as `file:line:col: …`. */
export function parseExpectedFailures(text: string, file: string): ExpectedFailure[] {
  // loaded on first use: a run without an expected-failures file needs no YAML parser
  const { isMap, isNode, isScalar, LineCounter, parseDocument } = yamlModule();
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
      const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
      const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      let offset: number | undefined;
      if (key !== undefined) {
        const map = doc.getIn(path, true);
        const pair = isMap(map) ? map.items.find((it) => isScalar(it.key) && it.key.value === key) : undefined;
        offset = isNode(pair?.key) ? pair.key.range?.[0] : undefined;
      }
      if (offset === undefined) {
        const node = doc.getIn(path, true) ?? doc.getIn(path.slice(0, -1), true) ?? doc.contents;
        offset = isNode(node) ? node.range?.[0] : undefined;
      }
      const where = path.length ? `[${String(path[0])}]${path.slice(1).map((p) => `.${String(p)}`).join('')}` : '(root)';
      const missing = issue.code === 'invalid_type' && path.length > 0 && valueAt(data, path) === undefined;
      const message = key !== undefined ? `unknown field${issue.code === 'unrecognized_keys' && issue.keys.length > 1 ? 's' : ''} ${issue.code === 'unrecognized_keys' ? issue.keys.map((k) => `"${k}"`).join(', ') : ''}; an entry has only id and reason` : missing ? 'required field is missing' : issue.message;
      problems.push(`${at(offset)}: ${where}: ${message}`);
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
  // not tested this time: neither an observed failure nor `fixed`; the reason stays visible
  if (c.verdict === 'inconclusive') return { ...c, expectedFailureReason: entry.reason };
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

/** Applies the list to a whole run and recomputes its summary. */
export function applyExpectedFailuresToRun(run: RunResult, list: readonly ExpectedFailure[]): RunResult {
  const { cases } = applyExpectedFailures(run.cases, list);
  return { ...run, cases, summary: summarize(cases) };
}
