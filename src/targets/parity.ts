/**
 * The parity report: each scenario runs on the mock of its profile (in-process, as
 * `oauth-harness run` does) and on a real server started to imitate that profile;
 * the two exchanges are compared step by step (`parity/compare.ts`). A mock that drifts
 * from the server it imitates, or a server setting that differs from the profile, shows
 * up as a listed difference. Writes `parity.json` and `parity.md` to `outDir`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseResult } from '../results/model.js';
import { runScenario } from '../runner/run-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import { compareCases, PARITY_FIELDS } from './parity/compare.js';
import { parityMarkdown } from './parity/markdown.js';
import type { ParityReport, ScenarioParity } from './parity/report.js';
import { runOnTarget, type RunOnTargetOptions } from './run-on-target.js';
import { parseTarget, targetName, type TargetSpec } from './target.js';

export type { ParityDifference } from './parity/compare.js';
export type { ParityReport, ScenarioParity } from './parity/report.js';

export interface ParityOptions {
  /** The real server (`container:oidc-provider`, `container:glewlwyd`, or an issuer URL). */
  target: TargetSpec | string;
  scenarios: readonly Scenario[];
  /** Where `parity.json` and `parity.md` go (created if missing); nothing is written without it. */
  outDir?: string;
  seed?: number;
  /** Passed to the target: e.g. `{ settings: { accessTokenTtl: 60 } }` to change a server setting on purpose. */
  start?: RunOnTargetOptions['start'];
}

/** Runs the scenarios on both sides, compares them, and writes the report. */
export async function parityReport(o: ParityOptions): Promise<ParityReport> {
  const spec = typeof o.target === 'string' ? parseTarget(o.target) : o.target;
  const seed = o.seed ?? 1;
  const onTarget = await runOnTarget({ target: spec, scenarios: o.scenarios, seed, ...(o.start ? { start: o.start } : {}) });
  const compared = o.scenarios.filter((_s, i) => onTarget.cases[i]!.verdict !== 'skipped');
  const onMock = new Map<string, CaseResult>();
  if (compared.length) {
    for (const s of compared) onMock.set(s.id, await runScenario(s, { seed }));
  }
  const scenarios: ScenarioParity[] = o.scenarios.map((s, i) => {
    const t = onTarget.cases[i]!;
    const m = onMock.get(s.id);
    const base = { id: s.id, title: s.title, profile: s.provider.profile };
    if (!m) return { ...base, status: 'skipped', reason: t.message ?? 'not run on the target', verdicts: { mock: null, target: null }, differences: [] };
    const differences = compareCases(m, t);
    return { ...base, status: differences.length ? 'different' : 'same', verdicts: { mock: m.verdict, target: t.verdict }, differences };
  });
  const count = (st: ScenarioParity['status']) => scenarios.filter((x) => x.status === st).length;
  const report: ParityReport = {
    generatedAt: new Date().toISOString(),
    target: targetName(spec),
    seed,
    fields: [...PARITY_FIELDS],
    summary: {
      scenarios: scenarios.length,
      compared: compared.length,
      same: count('same'),
      different: count('different'),
      skipped: count('skipped'),
      differences: scenarios.reduce((n, x) => n + x.differences.length, 0),
    },
    scenarios,
  };
  if (o.outDir) {
    await mkdir(o.outDir, { recursive: true });
    await writeFile(join(o.outDir, 'parity.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(join(o.outDir, 'parity.md'), parityMarkdown(report));
  }
  return report;
}
