/**
 * Checks a value against a committed JSON Schema (draft 2020-12) with ajv, independently
 * of the zod schema the harness generates it from: `results.json` against
 * `docs/results.schema.json`. Strict mode: a keyword ajv does not know fails loudly, so
 * a schema change cannot pass silently; formats (`date-time`, `uri`) are checked too.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The problems, one line each (`$/cases/0/verdict: must be equal to one of the allowed values`); empty when valid. */
export function validate(schema: Record<string, unknown>, value: unknown): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const check = ajv.compile(schema);
  if (check(value)) return [];
  return (check.errors ?? []).map((e) => `$${e.instancePath}: ${e.message ?? e.keyword}${e.params && 'allowedValues' in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`);
}
