/**
 * Expected-failures files, as conformance suites run them in CI: a YAML list of
 * `{ id, reason }`. A listed failure becomes `expected-failure` (does not fail the run);
 * a listed check that now passes becomes `fixed` (fails the run, so the list is kept honest).
 */
import { readFile } from 'node:fs/promises';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { RunResult } from '../results/model.js';
import { VerifyError } from './errors.js';
import { summarize } from './summary.js';

export interface ExpectedFailure {
  id: string;
  reason: string;
}

const schema = z.array(z.object({ id: z.string().min(1), reason: z.string().min(1) }).strict());

/** Parse an expected-failures document; errors carry `file:line:col`. */
export function parseExpectedFailures(text: string, file: string): ExpectedFailure[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined): string => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return `${file}:${line}:${col}`;
  };
  if (doc.errors.length) {
    const issues = doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split('\n')[0]}`);
    throw new VerifyError('EXPECTED_FAILURES_INVALID', `${file}: invalid YAML\n${issues.join('\n')}`, issues);
  }
  const data = doc.toJS() as unknown;
  const parsed = schema.safeParse(data ?? []);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const node = doc.getIn(i.path.map(String), true) ?? doc.getIn(i.path.slice(0, -1).map(String), true);
      const offset = isNode(node) ? node.range?.[0] : undefined;
      return `${at(offset)}: ${i.path.join('.') || '(root)'}: ${i.message}`;
    });
    throw new VerifyError('EXPECTED_FAILURES_INVALID', `${file}: expected a list of { id, reason }\n${issues.join('\n')}`, issues);
  }
  const seen = new Set<string>();
  for (const entry of parsed.data) {
    if (seen.has(entry.id)) throw new VerifyError('EXPECTED_FAILURES_INVALID', `${file}: ${entry.id} is listed twice`);
    seen.add(entry.id);
  }
  return parsed.data;
}

/** Read an expected-failures file. */
export async function loadExpectedFailures(file: string): Promise<ExpectedFailure[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new VerifyError('FILE_NOT_FOUND', `${file}: cannot read the expected-failures file`);
  }
  return parseExpectedFailures(text, file);
}

/** Apply the list to a run: failed → `expected-failure`, passed → `fixed`; summary recomputed. */
export function applyExpectedFailures(result: RunResult, list: readonly ExpectedFailure[]): RunResult {
  const byId = new Map(list.map((e) => [e.id, e]));
  const cases = result.cases.map((c) => {
    const entry = byId.get(c.id);
    if (!entry) return c;
    if (c.verdict === 'failed') return { ...c, verdict: 'expected-failure' as const, message: `${c.message ?? ''} (expected: ${entry.reason})`.trim() };
    if (c.verdict === 'passed') return { ...c, verdict: 'fixed' as const, message: `listed as an expected failure but passed; remove it from the list (${entry.reason})` };
    return c;
  });
  return { ...result, cases, summary: summarize(cases) };
}
