/**
 * The real servers the harness can start in containers: one line each. A server's
 * definition (name, profiles it imitates, capabilities) lives in its folder under
 * src/targets/containers/; its start module (and testcontainers with it) loads only when a
 * container target starts, so `run` on the mock never needs testcontainers.
 * docs/adding-a-server.md walks through adding one.
 */
import { glewlwydServer } from '../containers/glewlwyd/definition.js';
import { lemonldapServer } from '../containers/lemonldap-ng/definition.js';
import { oidcProviderServer } from '../containers/oidc-provider/definition.js';
import type { RegisteredServer } from './server-definition.js';

export const SERVERS = [
  { ...oidcProviderServer, load: async () => (await import('./oidc-provider.js')).startOidcProviderTarget },
  { ...glewlwydServer, load: async () => (await import('./glewlwyd.js')).startGlewlwydTarget },
  { ...lemonldapServer, load: async () => (await import('./lemonldap-ng.js')).startLemonldapTarget },
] as const satisfies readonly RegisteredServer[];

export type ContainerServer = (typeof SERVERS)[number]['name'];

/** The servers' names, in registry order. */
export const CONTAINER_SERVERS: readonly ContainerServer[] = SERVERS.map((s) => s.name);

/** The registered server `name`. */
export function serverNamed(name: ContainerServer): RegisteredServer<ContainerServer> {
  return SERVERS.find((s) => s.name === name)!;
}

/** `container:oidc-provider, container:glewlwyd`: for help texts and errors. */
export function containerTargetList(): string {
  return CONTAINER_SERVERS.map((s) => `container:${s}`).join(', ');
}
