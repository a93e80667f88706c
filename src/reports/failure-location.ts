/**
 * Where a failure is in its scenario file: the line of the first failed expectation
 * (`steps[0].expect.outcome` → the line of `outcome:` under the first step), or of the
 * first failed step, or of the file's first key. The console recap and the GitHub
 * annotations point there. Checks of `verify` have no file: their place is the spec.
 */
import { readFileSync } from 'node:fs';
import { locate, yamlModule } from '../scenario/yaml-locate.js';
import type { CaseResult } from '../results/model.js';

export interface FailureLocation {
  /** The scenario file as the results name it (relative to the working directory of the run). */
  file: string;
  line: number;
}

/** `steps[2].expect.response.status` → `['steps', 2, 'expect', 'response', 'status']`. */
export function parseExpectationPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return parts;
}

/** The YAML path of a case's first failure, as far as the results tell it. */
function failurePath(c: CaseResult): (string | number)[] {
  for (const s of c.steps) {
    const x = s.expectations.find((e) => !e.passed && /^steps\[\d+\]/.test(e.path));
    if (x) return parseExpectationPath(x.path);
  }
  const index = c.steps.findIndex((s) => !s.passed);
  const number = index >= 0 ? /^(\d+)\. /.exec(c.steps[index]!.name)?.[1] : undefined;
  return number ? ['steps', Number(number) - 1] : [];
}

const cache = new Map<string, { text: string } | null>();

function readOnce(file: string): string | undefined {
  if (!cache.has(file)) {
    try {
      cache.set(file, { text: readFileSync(file, 'utf8') });
    } catch {
      cache.set(file, null);
    }
  }
  return cache.get(file)?.text;
}

/**
 * The file and line of a case's failure, or `undefined` for a case without a scenario
 * file. A file that cannot be read here (a merged report read on another machine) gives
 * line 1.
 */
export function failureLocation(c: CaseResult): FailureLocation | undefined {
  if (!c.file) return undefined;
  const text = readOnce(c.file);
  if (text === undefined) return { file: c.file, line: 1 };
  const { LineCounter, parseDocument } = yamlModule();
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  return { file: c.file, line: locate(doc, lc, failurePath(c)).line };
}
