/**
 * Which client runs a scenario: from the scenario's `client` section, or overridden on
 * the command line (`oauth-harness run --client command:"python3 my_client.py"`).
 */
import { HarnessError } from '../errors/harness-error.js';
import type { Scenario } from '../scenario/schema.js';
import { commandSettingsSchema, webSettingsSchema, type CommandSettings, type WebSettings } from '../scenario/driver-schema.js';

export type DriverSpec =
  | { kind: 'reference'; label?: string }
  | { kind: 'command'; command: CommandSettings; label?: string }
  | { kind: 'web'; web: WebSettings; label?: string };

/** The driver a scenario asks for (`client.driver`, default `reference`). */
export function driverSpecOf(scenario: Scenario): DriverSpec {
  const c = scenario.client;
  if (c.driver === 'command') {
    if (!c.command) throw new HarnessError('SCENARIO_INVALID', `${scenario.file}: client.driver is command but client.command is missing`);
    return { kind: 'command', command: c.command };
  }
  if (c.driver === 'web') {
    if (!c.web) throw new HarnessError('SCENARIO_INVALID', `${scenario.file}: client.driver is web but client.web is missing`);
    return { kind: 'web', web: c.web };
  }
  return { kind: 'reference' };
}

/**
 * Parses the `--client` option of `oauth-harness run`: `reference`, `command:<command
 * line>`, or `web:<command that starts the web client>` (default paths /login,
 * /callback, /call-api). Throws a usage error otherwise.
 */
export function parseClientOption(value: string): DriverSpec {
  const v = value.trim();
  if (v === 'reference') return { kind: 'reference' };
  const m = /^(command|web):(.+)$/s.exec(v);
  if (!m || !m[2]!.trim()) throw new HarnessError('USAGE', `--client: expected reference, command:"<command line>" or web:"<start command>", got "${value}"`);
  const run = m[2]!.trim();
  if (m[1] === 'command') return { kind: 'command', command: commandSettingsSchema.parse({ run }) };
  return { kind: 'web', web: webSettingsSchema.parse({ start: run }) };
}

/**
 * Applies a `--client` override to a scenario's own setting: a scenario's `command:`
 * or `web:` options (timeout, env, paths) are kept when the override is of the same kind.
 */
export function overrideDriver(scenario: Scenario, override: DriverSpec | undefined): DriverSpec {
  if (!override) return driverSpecOf(scenario);
  const c = scenario.client;
  if (override.kind === 'command' && c.command) return { ...override, command: { ...c.command, run: override.command.run } };
  if (override.kind === 'web' && c.web) return { ...override, web: { ...c.web, start: override.web.start } };
  return override;
}

/**
 * `oauth-harness run --client <value>`: the scenarios with their client replaced (each
 * keeps its own `command:`/`web:` options of the same kind). Returns them unchanged
 * when `value` is undefined; throws a usage error for a bad value.
 */
export function withClientOption(scenarios: Scenario[], value: string | undefined): Scenario[] {
  if (value === undefined) return scenarios;
  const parsed = parseClientOption(value);
  return scenarios.map((s) => {
    const spec = overrideDriver(s, parsed);
    const client = { ...s.client, driver: spec.kind };
    if (spec.kind === 'command') client.command = spec.command;
    if (spec.kind === 'web') client.web = spec.web;
    return { ...s, client };
  });
}
