/**
 * `runScenarios()`: scenario files run from code, with the results model of
 * results.json. On the mock they run in this process with the reference client (or the
 * client driver given), through the in-process transport: no msw server is started and
 * nothing global is patched, so it is safe inside a user's own test.
 */
import { parseSeed } from '../cli/parse-seed.js';
import { finishCase, makeRun } from '../results/finish-run.js';
import type { CaseResult, RunResult } from '../results/model.js';
import { runInProcess } from '../runner/run-in-process.js';
import { selectScenarios } from '../runner/select-scenarios.js';

export interface RunScenariosOptions {
  /** Scenario files or folders (default: the built-in catalog). */
  paths?: string[];
  /** `reference` (default), `command:"python3 my_client.py"` or `web:"node app.mjs"`. See clients/README.md. */
  client?: string;
  /** `mock` (default), `container:oidc-provider`, `container:glewlwyd`, or an issuer URL. */
  target?: string;
  /** A regular expression (case-insensitive) matched against scenario ids, titles and tags. */
  grep?: string;
  /** Seed for generated credentials and data. Default 1. */
  seed?: number;
  /** Called as each scenario finishes. */
  onResult?: (result: CaseResult) => void;
}

/**
 * Runs scenarios and returns the run (redacted, as results.json holds it). Bad input
 * (a malformed file, no match) throws a {@link HarnessError} before anything runs;
 * failing scenarios do not throw: read `summary.failed`.
 */
export async function runScenarios(o: RunScenariosOptions = {}): Promise<RunResult> {
  const seed = parseSeed(String(o.seed ?? 1));
  const onTarget = o.target !== undefined && o.target !== 'mock';
  const targets = onTarget ? await import('../targets/index.js') : undefined;
  targets?.parseTarget(o.target!);
  const scenarios = selectScenarios({ paths: o.paths ?? [], grep: o.grep, client: o.client });
  const fileOf = new Map(scenarios.map((s) => [s.id, s.file]));
  const finish = (r: CaseResult) => finishCase(r, fileOf, new Map());
  const started = Date.now();
  let cases: CaseResult[];
  if (targets) {
    cases = (await targets.runOnTarget({ target: o.target!, scenarios, seed, ...(o.onResult ? { onCase: (r) => o.onResult!(finish(r)) } : {}) })).cases.map(finish);
  } else {
    const done: CaseResult[] = [];
    const onResult = (r: CaseResult) => {
      const c = finish(r);
      done.push(c);
      o.onResult?.(c);
    };
    await runInProcess({ scenarios, seed, onResult });
    cases = done;
  }
  return makeRun(cases, started, seed);
}
