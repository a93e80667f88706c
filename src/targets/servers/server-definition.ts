/**
 * What the harness knows of a real server before starting it (and before loading
 * testcontainers): its name in `--target container:<name>`, a one-line description, the
 * built-in profiles it can be set up to imitate, and what its login and setup can do.
 * Each server's definition lives in its own folder under src/targets/containers/.
 */
import type { StartedTarget, StartTargetOptions, TargetCapabilities } from '../started-target.js';

export interface ServerDefinition<Name extends string = string> {
  name: Name;
  /** One line for `oauth-harness targets` and the CLI help. */
  title: string;
  /** The built-in profiles it can be set up to imitate. */
  imitates: readonly string[];
  capabilities: TargetCapabilities;
}

/** A definition plus how to load its start function (the module that needs testcontainers). */
export interface RegisteredServer<Name extends string = string> extends ServerDefinition<Name> {
  load(): Promise<(o: StartTargetOptions) => Promise<StartedTarget>>;
}
