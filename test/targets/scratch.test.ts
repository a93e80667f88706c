import { it } from 'vitest';
import { join } from 'node:path';
import { packageRoot } from '../../mocks/package-root.js';
import { findScenarioFiles, loadScenarios } from '../../src/scenario/load.js';
import { runOnTarget } from '../../src/targets/run-on-target.js';

const root = packageRoot();
const scenarios = loadScenarios(findScenarioFiles([join(root, 'scenarios')]), root);

it('explore', async () => {
  for (const target of [process.env.T ?? 'mock']) {
    const pick = scenarios.filter((s) => ['rfc-strict', 'rotating-refresh'].includes(s.provider.profile));
    const t = Date.now();
    const r = await runOnTarget({ target, scenarios: pick, seed: 1 });
    console.log(target, r.summary, Date.now() - t);
    for (const c of r.cases) if (c.verdict !== 'skipped' || process.env.V) console.log(c.verdict.padEnd(8), c.id, '|', c.message ?? '');
  }
}, 300000);
