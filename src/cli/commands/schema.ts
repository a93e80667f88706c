/**
 * `oauth-harness schema`: the scenario format as JSON Schema, generated from the same
 * zod schema that validates scenario files (committed as `scenarios/schema.json`).
 */
import { z } from 'zod';
import { scenarioSchema } from '../../scenario/schema.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://oauth-harness.dev/schemas/scenario.json', title: 'oauth-harness scenario' };
}

export function schemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
