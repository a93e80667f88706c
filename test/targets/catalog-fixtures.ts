/** Catalog scenarios by id, plus this folder's fixture scenarios, for the target tests. */
import { join } from 'node:path';
import { packageRoot } from '../../mocks/package-root.js';
import { findScenarioFiles, loadScenario, loadScenarios } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';

const root = packageRoot();
const catalog = loadScenarios(findScenarioFiles([join(root, 'scenarios')]), root);

/** The whole built-in catalog. */
export function catalogScenarios(): readonly Scenario[] {
  return catalog;
}

export function scenarioById(id: string): Scenario {
  const s = catalog.find((x) => x.id === id);
  if (!s) throw new Error(`no catalog scenario ${id}`);
  return s;
}

/** `connect-userinfo`: connect, then the userinfo endpoint (every container serves it; the catalog has no such scenario yet). */
export function userinfoScenario(): Scenario {
  return loadScenario(join(root, 'test', 'targets', 'fixtures', 'connect-userinfo.yaml'), root);
}
