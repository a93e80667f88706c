/**
 * What each real server is, known without loading it (or testcontainers): its name, the
 * built-in profiles it can be set up to imitate, and what its login and setup can do.
 */
import type { TargetCapabilities } from '../started-target.js';

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
