/**
 * The JSON results format: the committed JSON Schema (docs/results.schema.json) is the
 * one generated from the zod schema, and a real run's results.json validates against
 * both. Regenerate the committed file with `UPDATE_RESULTS_SCHEMA=1 npx vitest run test/reports/results-schema.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORTERS } from '../../src/reports/write-reports.js';
import { loadExpectedFailures } from '../../src/results/expected-failures.js';
import { RESULTS_SCHEMA_VERSION, resultsJsonSchemaText, validateResults } from '../../src/results/schema.js';
import { validate } from './json-schema.js';
import { EXPECTED_FAILURES, runFixtures } from './run-fixtures.js';

const COMMITTED = 'docs/results.schema.json';
let results: Record<string, unknown>;

beforeAll(async () => {
  const run = await runFixtures(undefined, loadExpectedFailures(EXPECTED_FAILURES));
  results = JSON.parse(REPORTERS.json!.render(run)) as Record<string, unknown>;
}, 60_000);

describe('the results JSON Schema', () => {
  it('is committed as generated from the zod schema', () => {
    if (process.env.UPDATE_RESULTS_SCHEMA) writeFileSync(COMMITTED, resultsJsonSchemaText());
    expect(readFileSync(COMMITTED, 'utf8'), `regenerate with UPDATE_RESULTS_SCHEMA=1 npx vitest run ${'test/reports/results-schema.test.ts'}`).toBe(resultsJsonSchemaText());
  });

  it('is versioned', () => {
    const schema = JSON.parse(readFileSync(COMMITTED, 'utf8')) as Record<string, unknown>;
    expect(schema.$id).toBe(`https://oauth-harness.dev/schemas/results-v${RESULTS_SCHEMA_VERSION}.json`);
    expect((schema.properties as Record<string, { const?: unknown }>).schemaVersion?.const).toBe(RESULTS_SCHEMA_VERSION);
    expect(results.schemaVersion).toBe(RESULTS_SCHEMA_VERSION);
  });

  it('accepts a real run, by zod and by the committed JSON Schema', () => {
    expect(validateResults(results)).toEqual([]);
    expect(validate(JSON.parse(readFileSync(COMMITTED, 'utf8')), results)).toEqual([]);
    const verdicts = (results.cases as { verdict: string }[]).map((c) => c.verdict).sort();
    expect(verdicts).toEqual(['expected-failure', 'failed', 'failed', 'passed']);
  });

  it('rejects documents that break it', () => {
    const schema = JSON.parse(readFileSync(COMMITTED, 'utf8'));
    const broken = (change: (r: Record<string, any>) => void) => {
      const copy = JSON.parse(JSON.stringify(results));
      change(copy);
      return copy;
    };
    const cases = [
      broken((r) => delete r.summary),
      broken((r) => (r.cases[0].verdict = 'green')),
      broken((r) => (r.cases[0].exchanges[0].response.status = '200')),
      broken((r) => (r.cases[0].diagnoses = [{ id: 'x', level: 'fatal', title: 't', cause: 'c', fix: [] }])),
      broken((r) => (r.schemaVersion = 1)),
    ];
    for (const c of cases) {
      expect(validate(schema, c).length).toBeGreaterThan(0);
      expect(validateResults(c).length).toBeGreaterThan(0);
    }
  });

  it('lets readers ignore fields added later (no additionalProperties: false)', () => {
    const extended = { ...results, producedBy: 'a newer harness', cases: (results.cases as object[]).map((c) => ({ ...c, newField: 1 })) };
    expect(validate(JSON.parse(readFileSync(COMMITTED, 'utf8')), extended)).toEqual([]);
  });
});
