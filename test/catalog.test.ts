import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMsw, type MswMount } from '../mocks/transports/msw.js';
import { findScenarioFiles, loadScenarios } from '../src/scenario/load.js';
import { MSW_ORIGIN, runScenario } from '../src/runner/run-scenario.js';

const scenarios = loadScenarios(findScenarioFiles(['scenarios']));
let msw: MswMount;
beforeAll(() => {
  msw = startMsw([MSW_ORIGIN]);
});
afterAll(() => msw.close());

describe('the built-in catalog passes with the reference client', () => {
  for (const s of scenarios) {
    it(s.id, async () => {
      const r = await runScenario(s, { seed: 1, msw });
      const failures = r.steps.flatMap((st) => st.expectations.filter((x) => !x.passed).map((x) => `${x.path}: ${x.message}`));
      expect(failures).toEqual([]);
    });
  }
});
