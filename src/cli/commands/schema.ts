/**
 * `oauth-harness schema`: the scenario format as JSON Schema, generated from the same
 * zod schemas that validate scenario files (committed as `scenarios/schema.json`).
 * Draft-07, the draft the YAML language server (redhat yaml-language-server, the VS Code
 * YAML extension) validates with (docs/decisions/013-scenario-json-schema-draft-07.md).
 * Descriptions come from the zod schemas' `.describe()`; what zod cannot say is added
 * here: the built-in profile names, the full switches schema under `provider.switches`
 * (validated by the loader after merging over the profile), and "one action per step".
 */
import { z } from 'zod';
import { listProfiles } from '../../../mocks/profile-files.js';
import { registeredClientSchema, switchesSchema } from '../../../mocks/provider/switches.js';
import { scenarioSchema, STEP_ACTIONS } from '../../scenario/schema.js';

type Json = Record<string, any>;

const draft7 = (schema: z.ZodType): Json => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
};

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Json;
  const provider = schema.properties.provider;
  provider.properties.profile = { ...provider.properties.profile, enum: listProfiles(), description: 'A built-in provider profile (mocks/profiles/*.yaml; `oauth-harness profiles` lists them).' };
  provider.properties.switches = { ...draft7(switchesSchema), description: "Switch overrides: a deep partial of the profile's switches (mocks/provider/switches.ts), merged over them.", default: {} };
  provider.properties.clients = { type: 'array', default: [], description: "Changes to the provider's client registrations, by client_id (the first client when omitted).", items: draft7(registeredClientSchema.partial()) };
  // exactly one action per step (zod checks it in a refinement the JSON Schema cannot carry)
  const step = schema.properties.steps.items;
  step.oneOf = STEP_ACTIONS.map((a) => ({ required: [a], title: a }));
  step.description = 'One step: exactly one action (connect, clientCredentials, callApi, refresh, advanceClock, revoke, disconnect, dropTokens, revokeGrantAtProvider), an optional name, and what to expect after it.';
  return { ...schema, $id: 'https://oauth-harness.dev/schemas/scenario.json', title: 'oauth-harness scenario' };
}

export function schemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
