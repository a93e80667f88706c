import type { ServerDefinition } from '../../servers/server-definition.js';

/** Glewlwyd 2.7 (C, Debian's package) in a container: `--target container:glewlwyd`. */
export const glewlwydServer = {
  name: 'glewlwyd',
  title: "Glewlwyd 2.7 (C, Debian's package) in a container",
  imitates: ['rfc-strict', 'rotating-refresh'],
  capabilities: { deny: false, untick: false, resources: ['userinfo'], providerChanges: false },
} as const satisfies ServerDefinition<'glewlwyd'>;
