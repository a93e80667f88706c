import type { ServerDefinition } from '../../servers/server-definition.js';

/** LemonLDAP::NG 2.16 (Perl, Debian's packages) as OpenID Connect provider: `--target container:lemonldap-ng`. */
export const lemonldapServer = {
  name: 'lemonldap-ng',
  title: "LemonLDAP::NG 2.16 (Perl, Debian's packages, OpenID Connect provider) in a container",
  imitates: ['rfc-strict'],
  imitation: {
    switches: {
      'clientAuth.methods': { oneOf: [['client_secret_basic', 'client_secret_post']], setting: 'its own: every confidential relying party may use either' },
      'refresh.policy': { oneOf: ['always'], setting: 'oidcRPMetaDataOptionsRefreshToken' },
      'refresh.rotation': { oneOf: ['keep'], setting: 'its own: refresh tokens are kept (2.16 has no rotation setting)' },
      'lifetimes.accessToken': { any: true, setting: 'oidcRPMetaDataOptionsAccessTokenExpiration' },
      'lifetimes.refreshToken': { any: true, setting: 'oidcRPMetaDataOptionsOfflineSessionExpiration and the SSO session timeout' },
      'lifetimes.code': { any: true, setting: 'oidcRPMetaDataOptionsAuthorizationCodeExpiration' },
      'api.readScope': { any: true, setting: 'oidcRPMetaDataScopeRules' },
      'api.writeScope': { any: true, setting: 'oidcRPMetaDataScopeRules' },
    },
    ownWay: {
      'clientAuth.rejectMultiple': 'its own handling of two authentication mechanisms',
      'clientAuth.basicEncoding': 'its own decoding of Basic credentials',
      'authorize.errorsAfterLogin': 'its own order of request checks and login',
      'redirectUri.matching': 'redirect URIs match exactly',
      'scopes.onUnregistered': 'grants the scopes asked for, registered or not',
      'scopes.userCanDeny': 'consent is bypassed (its refusal button needs JavaScript)',
      'scopes.defaultScopes': 'grants only the scopes asked for',
      'tokenResponse.scope': 'its own scope in token responses',
    },
    clientFields: [],
  },
  // The consent page is bypassed; its Refuse button only works with JavaScript.
  capabilities: { deny: false, untick: false, resources: ['userinfo'], providerChanges: false },
} as const satisfies ServerDefinition<'lemonldap-ng'>;
