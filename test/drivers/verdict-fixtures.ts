/**
 * Recorded exchanges for verdict tests: scenarios run by the reference client (with
 * deliberate faults) against the in-process mock, and hand-driven requests to the mock.
 */
import type { ClientVerdict } from '../../src/drivers/client-verdicts.js';
import type { CaseResult } from '../../src/results/model.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema.js';


/** A scenario from a plain object (as a YAML file would give). */
export function scenario(doc: Record<string, unknown>, id = 'inline'): Scenario {
  return { ...scenarioSchema.parse({ title: id, description: id, ...doc }), id, file: `${id}.yaml` };
}

/** Runs a scenario with the reference client; returns its result and verdicts by id. */
export async function run(doc: Record<string, unknown>): Promise<{ result: CaseResult; verdict: (id: string) => ClientVerdict }> {
  const result = await runScenario(scenario(doc), { seed: 1 });
  const verdicts = (result.clientVerdicts ?? []) as ClientVerdict[];
  return { result, verdict: (id) => verdicts.find((v) => v.id === id)! };
}
