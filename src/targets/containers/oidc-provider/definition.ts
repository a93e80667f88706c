import type { ServerDefinition } from '../../servers/server-definition.js';

/** oidc-provider 9 (OpenID Certified, Node) in a container: `--target container:oidc-provider`. */
export const oidcProviderServer = {
  name: 'oidc-provider',
  title: 'oidc-provider 9 (Node, OpenID Certified) in a container',
  imitates: ['rfc-strict', 'rotating-refresh'],
  // Refusing is the login page's "Cancel" (oidc-provider's interaction abort); consent is automatic.
  capabilities: { deny: true, untick: false, resources: ['userinfo'], providerChanges: false },
} as const satisfies ServerDefinition<'oidc-provider'>;
