/**
 * The real servers the harness can start in containers, with the profiles each can be
 * configured to imitate. Their modules (and testcontainers with them) load only when a
 * container target is started, so `run` on the mock never needs testcontainers.
 */
import type { StartedTarget, StartTargetOptions, TargetCapabilities } from '../started-target.js';

/** The real servers the harness can start. */
export const CONTAINER_SERVERS = ['oidc-provider', 'glewlwyd'] as const;
export type ContainerServer = (typeof CONTAINER_SERVERS)[number];

/** The built-in profiles each server can be set up to imitate. */
export const SERVER_IMITATES: Record<ContainerServer, readonly string[]> = {
  'oidc-provider': ['rfc-strict', 'rotating-refresh'],
  glewlwyd: ['rfc-strict', 'rotating-refresh'],
};

/** What each server's login and setup can do: refuse consent, untick scopes, the resources it serves. */
export const SERVER_CAPABILITIES: Record<ContainerServer, TargetCapabilities> = {
  // Refusing is the login page's "Cancel" (oidc-provider's interaction abort); consent is automatic.
  'oidc-provider': { deny: true, untick: false, resources: ['userinfo'], providerChanges: false },
  glewlwyd: { deny: false, untick: false, resources: ['userinfo'], providerChanges: false },
};

/** Loads a server's module and returns its start function. */
export async function loadServer(server: ContainerServer): Promise<(o: StartTargetOptions) => Promise<StartedTarget>> {
  if (server === 'oidc-provider') return (await import('./oidc-provider.js')).startOidcProviderTarget;
  return (await import('./glewlwyd.js')).startGlewlwydTarget;
}
