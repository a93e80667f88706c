/**
 * Checking a generated scenario before it is handed over: it is loaded like any
 * scenario file (so it is valid) and run once against the in-process mock with the
 * reference client. What the mock does not reproduce is reported: a different outcome
 * of a step means the recording is not reproduced; a lesser expectation the mock does
 * not meet (a status, a token detail, a diagnosis) is taken out of the file and left
 * there as a comment saying what the mock did instead.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExpectationResult } from '../results/model.js';

/** Expectations whose failure means the recorded outcome itself is not reproduced. */
const OUTCOME = /^steps\[\d+\](\.expect\.(outcome|error|redirect))?$/;

export interface Trial {
  failed: ExpectationResult[];
  /** Diagnoses the mock run raised (ids). */
  raised: string[];
}

/** Runs the scenario text once; never throws for a failing scenario. */
export async function tryScenario(yamlText: string, id: string, seed = 1): Promise<Trial> {
  const { loadScenario } = await import('../scenario/load.js');
  const { runScenario } = await import('../runner/run-scenario.js');
  const dir = mkdtempSync(join(tmpdir(), 'oauth-harness-import-'));
  try {
    const file = join(dir, `${id}.yaml`);
    writeFileSync(file, yamlText);
    const scenario = loadScenario(file, dir);
    const result = await runScenario(scenario, { seed });
    return { failed: result.steps.flatMap((s) => s.expectations).filter((x) => !x.passed), raised: result.diagnoses.map((d) => d.id) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether a failed expectation is about the outcome of a step. */
export function isOutcome(x: ExpectationResult): boolean {
  return OUTCOME.test(x.path);
}

/**
 * Takes a failed lesser expectation out of a step's `expect` (mutating it) and returns
 * the comment that replaces it; undefined when the path is not one it handles.
 */
export function demote(steps: Record<string, unknown>[], x: ExpectationResult): { index: number; note: string } | undefined {
  const m = /^steps\[(\d+)\]\.expect\.(.+)$/.exec(x.path);
  if (!m) return undefined;
  const index = Number(m[1]);
  const expect = steps[index]?.expect as Record<string, unknown> | undefined;
  if (!expect) return undefined;
  const parts = m[2]!.split('.');
  const recorded = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  if (parts[0] === 'diagnoses') {
    const list = (expect.diagnoses as string[] | undefined) ?? [];
    expect.diagnoses = list.filter((d) => d !== x.expected);
    if (!(expect.diagnoses as string[]).length) delete expect.diagnoses;
    return { index, note: `not reproduced: the recording raises diagnosis ${recorded(x.expected)}; the mock run raised ${Array.isArray(x.actual) && x.actual.length ? (x.actual as string[]).join(', ') : 'none'}` };
  }
  // remove the leaf, then any map it leaves empty
  const trail: Record<string, unknown>[] = [expect];
  let node: Record<string, unknown> = expect;
  for (const p of parts.slice(0, -1)) {
    const next = node[p];
    if (!next || typeof next !== 'object') return undefined;
    node = next as Record<string, unknown>;
    trail.push(node);
  }
  if (parts.length === 1 && (parts[0] === 'request' || parts[0] === 'response') && x.actual === null) {
    delete expect[parts[0]];
    if (!Object.keys(expect).length) delete steps[index]!.expect;
    return { index, note: `not reproduced: the mock run sent no request to the ${recorded(x.expected)} endpoint in this step` };
  }
  const leaf = parts[parts.length - 1]!;
  if (!(leaf in node)) return undefined;
  delete node[leaf];
  for (let i = trail.length - 1; i > 0; i--) if (!Object.keys(trail[i]!).length) delete trail[i - 1]![parts[i - 1]!];
  if (!Object.keys(expect).length) delete steps[index]!.expect;
  return { index, note: `not reproduced: the recording shows ${m[2]} ${recorded(x.expected)}; the mock gave ${recorded(x.actual ?? '(nothing)')}` };
}
