import { it } from 'vitest';
import { join } from 'node:path';
import { packageRoot } from '../../mocks/package-root.js';
import { findScenarioFiles, loadScenarios } from '../../src/scenario/load.js';
import { parityReport } from '../../src/targets/parity.js';

const root = packageRoot();
const scenarios = loadScenarios(findScenarioFiles([join(root, 'scenarios')]), root);

it('explore', async () => {
  const t0 = Date.now();
  const pick = scenarios.filter((s) => ['rfc-strict', 'rotating-refresh'].includes(s.provider.profile));
  const r = await parityReport({ target: process.env.T ?? 'container:oidc-provider', scenarios: pick, outDir: '/tmp/parity-' + (process.env.T ?? 'op').replace(/\W/g, '') });
  console.log(r.summary, Date.now() - t0);
}, 600000);
