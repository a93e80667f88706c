/**
 * What the harness knows of a real server before starting it (and before loading
 * testcontainers): its name in `--target container:<name>`, a one-line description, the
 * built-in profiles it can be set up to imitate, which switch values it can be set to
 * (and by which of its own settings), and what its login and setup can do.
 * Each server's definition lives in its own folder under src/targets/containers/.
 */
import type { StartedTarget, StartTargetOptions, TargetCapabilities } from '../started-target.js';
import type { SwitchImitation } from './imitation-data.js';

export interface ServerDefinition<Name extends string = string> {
  name: Name;
  /** One line for `oauth-harness targets` and the CLI help. */
  title: string;
  /** The built-in profiles it can be set up to imitate: every switch each one sets is in `imitation` (a test checks it). */
  imitates: readonly string[];
  /** The switch values it can be set to, in data: selection reads it to run or skip a scenario. */
  imitation: SwitchImitation;
  capabilities: TargetCapabilities;
}

/** A definition plus how to load its start function (the module that needs testcontainers). */
export interface RegisteredServer<Name extends string = string> extends ServerDefinition<Name> {
  load(): Promise<(o: StartTargetOptions) => Promise<StartedTarget>>;
}
