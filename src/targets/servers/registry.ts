/**
 * The real servers the harness can start in containers, with the profiles each can be
 * configured to imitate. Their modules (and testcontainers with them) load only when a
 * container target is started, so `run` on the mock never needs testcontainers.
 */
import type { StartedTarget, StartTargetOptions } from '../started-target.js';
import type { ContainerServer } from './server-traits.js';

export { CONTAINER_SERVERS, SERVER_CAPABILITIES, SERVER_IMITATES, type ContainerServer } from './server-traits.js';

/** Loads a server's module and returns its start function. */
export async function loadServer(server: ContainerServer): Promise<(o: StartTargetOptions) => Promise<StartedTarget>> {
  if (server === 'oidc-provider') return (await import('./oidc-provider.js')).startOidcProviderTarget;
  return (await import('./glewlwyd.js')).startGlewlwydTarget;
}
