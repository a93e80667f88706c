/**
 * Section 3: the catalog's wall time. `oauth-harness run` over the whole built-in
 * catalog as a whole, cold process, several times; the median run, and the median
 * scenario duration from that run's reports/results.json (written to a temp folder).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../mocks/package-root.js';
import { timeCommand } from './proc.js';
import { median } from './stats.js';

export interface CatalogResult {
  runs: number;
  scenarios: number;
  /** Exit code of each run (0 = every scenario passed). */
  exitCodes: (number | null)[];
  wallMs: { median: number; all: number[] };
  /** Median of the scenarios' own durations (results.json `durationMs`), per run. */
  perScenarioMedianMs: number[];
  /** The slowest scenarios of the median run. */
  slowest: { id: string; ms: number }[];
}

interface ResultsJson {
  cases: { id: string; durationMs: number; verdict: string }[];
}

export async function runCatalog(runs: number): Promise<CatalogResult> {
  const bin = join(packageRoot(), 'bin', 'oauth-harness.js');
  const walls: number[] = [];
  const codes: (number | null)[] = [];
  const perScenario: number[] = [];
  const cases: ResultsJson['cases'][] = [];
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(join(tmpdir(), 'oauth-harness-bench-'));
    try {
      const r = await timeCommand([bin, 'run', '--out', out]);
      walls.push(r.ms);
      codes.push(r.code);
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ResultsJson;
      cases.push(results.cases);
      perScenario.push(median(results.cases.map((c) => c.durationMs)));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  const mid = walls.indexOf([...walls].sort((a, b) => a - b)[(walls.length - 1) >> 1]!);
  const slowest = [...(cases[mid] ?? [])].sort((a, b) => b.durationMs - a.durationMs).slice(0, 3).map((c) => ({ id: c.id, ms: c.durationMs }));
  return { runs, scenarios: cases[0]?.length ?? 0, exitCodes: codes, wallMs: { median: median(walls), all: walls }, perScenarioMedianMs: perScenario, slowest };
}
