/**
 * The common end of a container server's start: read its metadata, build the target, and
 * stop the container if either fails, so a failed start never leaves a container running.
 */
import { discoverTarget } from '../discovery.js';
import { stopOnce, type StartedTarget } from '../started-target.js';

/** What a started container gives the target it becomes. */
export interface StartedContainer {
  issuer: string;
  metadata: Record<string, unknown>;
  /** Stops the container, at most once. */
  stop: () => Promise<void>;
}

/** The target of a started container: `build` gets its issuer, metadata and stop function. */
export async function containerTarget(server: { getIssuer(): string; stop(): Promise<unknown> }, build: (c: StartedContainer) => StartedTarget): Promise<StartedTarget> {
  const stop = stopOnce(server);
  try {
    const issuer = server.getIssuer();
    return build({ issuer, metadata: await discoverTarget(issuer), stop });
  } catch (e) {
    await stop();
    throw e;
  }
}
