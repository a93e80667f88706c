/**
 * The JSON Schema of scenario files (`scenarios/schema.json`, `oauth-harness schema`), for
 * editors: draft-07 (what the YAML language server validates with: decision 013),
 * descriptions taken from the zod schemas, enums for every name a scenario refers to, the
 * full switches schema, and "one action per step". The committed file is the generated one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listProfiles } from '../mocks/profile-files.js';
import { schemaText, scenarioJsonSchema } from '../src/cli/commands/schema.js';
import { DIAGNOSIS_IDS } from '../src/scenario/diagnosis-ids.js';
import { VERDICT_IDS } from '../src/scenario/verdict-ids.js';
import { STEP_ACTIONS } from '../src/scenario/schema.js';

const COMMITTED = 'scenarios/schema.json';
const s = scenarioJsonSchema() as Record<string, any>;
const step = s.properties.steps.items;
const expectProps = step.properties.expect.properties;

/** Every leaf property of a JSON Schema object tree, with its path. */
function leaves(node: Record<string, any>, path = ''): [string, Record<string, any>][] {
  if (node.type !== 'object' || !node.properties) return [[path, node]];
  return Object.entries(node.properties as Record<string, Record<string, any>>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe('scenarios/schema.json', () => {
  it('is what `oauth-harness schema` generates (UPDATE_SCENARIO_SCHEMA=1 rewrites it)', () => {
    if (process.env.UPDATE_SCENARIO_SCHEMA) writeFileSync(COMMITTED, schemaText());
    expect(readFileSync(COMMITTED, 'utf8')).toBe(schemaText());
  });

  it('is draft-07, the draft the YAML language server validates with', () => {
    expect(s.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('names the valid values: profiles, step actions, endpoints, diagnosis and verdict ids, verdict outcomes', () => {
    expect(s.properties.provider.properties.profile.enum).toEqual(listProfiles());
    expect(step.oneOf.map((o: { required: string[] }) => o.required[0])).toEqual([...STEP_ACTIONS]);
    expect(expectProps.request.properties.endpoint.enum).toContain('token');
    expect(expectProps.exchanges.items.properties.endpoint.enum).toContain('authorize');
    expect(expectProps.diagnoses.items.enum).toEqual([...DIAGNOSIS_IDS]);
    expect(expectProps.noDiagnoses.items.enum).toEqual([...DIAGNOSIS_IDS]);
    expect(s.properties.verdicts.propertyNames.enum).toEqual([...VERDICT_IDS]);
    expect(JSON.stringify(s.properties.verdicts.additionalProperties)).toContain('"warning"');
    expect(s.properties.provider.properties.family.enum).toContain('google');
  });

  it('holds the full switches schema, closed at every level, with descriptions from zod', () => {
    const sw = s.properties.provider.properties.switches;
    expect(sw.additionalProperties).toBe(false);
    expect(sw.properties.refresh.additionalProperties).toBe(false);
    expect(sw.properties.refresh.properties.scopeCheck).toMatchObject({ enum: ['reject', 'narrow', 'ignore'], default: 'reject' });
    expect(sw.properties.tokenResponse.properties.expiresIn.description).toMatch(/`omit`: the token expires/);
    const all = leaves(sw);
    const described = all.filter(([, v]) => typeof v.description === 'string');
    expect(all.length).toBeGreaterThan(60);
    expect(described.length / all.length).toBeGreaterThan(0.75);
  });

  it('describes the scenario fields an author types', () => {
    for (const field of [s.properties.behaviour, s.properties.client.properties.credentials, s.properties.client.properties.faults, expectProps.outcome, expectProps.request, expectProps.exchanges, expectProps.diagnoses, s.properties.verdicts, step]) {
      expect(typeof field.description, JSON.stringify(field).slice(0, 80)).toBe('string');
    }
  });
});
