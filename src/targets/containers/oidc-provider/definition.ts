import type { ServerDefinition } from '../../servers/server-definition.js';

/** oidc-provider 9 (OpenID Certified, Node) in a container: `--target container:oidc-provider`. */
export const oidcProviderServer = {
  name: 'oidc-provider',
  title: 'oidc-provider 9 (Node, OpenID Certified) in a container',
  imitates: ['rfc-strict', 'rotating-refresh'],
  imitation: {
    switches: {
      'clientAuth.rejectMultiple': { oneOf: [true], setting: 'its own: two authentication mechanisms in one request are refused' },
      'clientAuth.basicEncoding': { oneOf: ['form-urlencoded'], setting: 'its own: Basic credentials are form-decoded (RFC 6749 §2.3.1)' },
      'scopes.onUnregistered': { oneOf: ['reject'], setting: "the client's `scope`: a known scope outside it is refused" },
      'refresh.policy': { oneOf: ['always'], setting: 'issueRefreshToken' },
      'refresh.rotation': { oneOf: ['keep', 'rotate'], setting: 'rotateRefreshToken' },
      'refresh.reuseDetection': { oneOf: ['revoke-grant'], setting: 'its own: a consumed refresh token used again revokes the grant' },
      'refresh.gracePeriod': { oneOf: [0], setting: 'its own: no grace period' },
      'lifetimes.accessToken': { any: true, setting: 'ttl.AccessToken' },
      'lifetimes.refreshToken': { any: true, setting: 'ttl.RefreshToken' },
      'lifetimes.code': { any: true, setting: 'ttl.AuthorizationCode' },
      'api.readScope': { any: true, setting: 'scopes (registered with the client)' },
      'api.writeScope': { any: true, setting: 'scopes (registered with the client)' },
    },
    ownWay: {
      'clientAuth.methods': 'one token_endpoint_auth_method per client (client_secret_basic)',
      'authorize.errorsAfterLogin': 'request errors are redirected before the login',
      'redirectUri.matching': 'web clients match redirect URIs exactly, loopback port included',
      'scopes.userCanDeny': 'consent is automatic; refusing is the login page\'s Cancel',
      'scopes.defaultScopes': 'grants only the scopes asked for',
      'tokenResponse.scope': 'the token response always carries scope',
    },
    clientFields: [],
  },
  // Refusing is the login page's "Cancel" (oidc-provider's interaction abort); consent is automatic.
  capabilities: { deny: true, untick: false, resources: ['userinfo'], providerChanges: false },
} as const satisfies ServerDefinition<'oidc-provider'>;
