import type { ServerDefinition } from '../../servers/server-definition.js';

const OWN = 'its own behaviour';

/**
 * LemonLDAP::NG 2.16 (Perl, Debian's packages) as OpenID Connect provider:
 * `--target container:lemonldap-ng`. `imitation` lists the switch values it can be set to
 * and the LL::NG setting that does it (lemonldap-ng-config.ts, src/targets/servers/lemonldap-ng.ts);
 * `oneOf` with a single value marks what it always does by itself, as observed on 2.16.
 */
export const lemonldapServer = {
  name: 'lemonldap-ng',
  title: "LemonLDAP::NG 2.16 (Perl, Debian's packages, OpenID Connect provider) in a container",
  imitates: ['rfc-strict'],
  imitation: {
    switches: {
      'clientAuth.methods': {
        oneOf: [['client_secret_basic', 'client_secret_post'], ['client_secret_post', 'client_secret_basic']],
        setting: `${OWN}: every confidential relying party may put its secret in either place`,
      },
      'clientAuth.basicEncoding': { oneOf: ['raw'], setting: `${OWN}: Basic credentials are not form-decoded (and are split at every ":")` },
      'clientAuth.invalidClientStatus': { oneOf: [401], setting: `${OWN}: invalid_client with 401` },
      'authorize.echoState': { oneOf: [true], setting: `${OWN}: state is returned` },
      'redirectUri.matching': { oneOf: ['exact'], setting: `${OWN}: redirect URIs match exactly (oidcRPMetaDataOptionsRedirectUris)` },
      'scopes.delimiter': { oneOf: [' '], setting: `${OWN}: space-delimited scopes` },
      'refresh.policy': { oneOf: ['always'], setting: 'oidcRPMetaDataOptionsRefreshToken' },
      'refresh.rotation': { oneOf: ['keep'], setting: `${OWN}: refresh tokens are kept (2.16 has no rotation setting)` },
      'lifetimes.accessToken': { any: true, except: [null], setting: 'oidcRPMetaDataOptionsAccessTokenExpiration (it always sends expires_in)' },
      'lifetimes.refreshToken': { any: true, setting: 'oidcRPMetaDataOptionsOfflineSessionExpiration and the SSO session timeout' },
      'lifetimes.code': { any: true, setting: 'oidcRPMetaDataOptionsAuthorizationCodeExpiration' },
      'tokenResponse.format': { oneOf: ['json'], setting: `${OWN}: JSON` },
      'tokenResponse.tokenType': { oneOf: ['Bearer'], setting: `${OWN}: Bearer` },
      'tokenResponse.expiresIn': { oneOf: ['number'], setting: `${OWN}: expires_in as a number` },
      'tokenResponse.scope': { oneOf: ['if-different'], setting: `${OWN}: scope only when it differs from the one asked for` },
      'tokenResponse.noStore': { oneOf: [true], setting: `${OWN}: Cache-Control: no-store` },
      'pkce.required': { oneOf: [true], setting: 'oidcRPMetaDataOptionsRequirePKCE (without it, 2.16 ignores a code_challenge)' },
      'discovery.kind': { oneOf: ['oidc'], setting: `${OWN}: OpenID Connect Discovery only` },
      'api.readScope': { any: true, setting: 'oidcRPMetaDataScopeRules ($requested)' },
      'api.writeScope': { any: true, setting: 'oidcRPMetaDataScopeRules ($requested)' },
    },
    ownWay: {
      'clientAuth.methods': {
        subsetOf: ['client_secret_basic', 'client_secret_post'],
        why: 'accepts the secret in the Basic header and in the body alike (2.16 has no per-client method)',
      },
      'clientAuth.rejectMultiple': 'takes Basic and body credentials together, preferring one',
      'clientAuth.basicEncoding': 'Basic credentials are not form-decoded, and are split at every ":"',
      'authorize.errorsAfterLogin': 'shows its error page for a request it refuses, before or after the login',
      'redirectUri.matching': 'redirect URIs match exactly, loopback port included',
      'scopes.onUnregistered': 'a scope it does not know is dropped from the grant (oidcServiceAllowOnlyDeclaredScopes), not refused',
      'scopes.userCanDeny': 'consent is bypassed: its Refuse button needs JavaScript',
      'scopes.defaultScopes': 'grants only the scopes asked for, and serves only requests that ask for openid',
    },
    // the start module registers the imitation's client as a scenario changes it
    clientFields: ['client_id', 'client_secret', 'scopes', 'redirect_uris'],
  },
  // The consent page is bypassed; its Refuse button only works with JavaScript.
  // 2.16 serves only OpenID Connect authorization requests (Issuer/OpenIDConnect.pm: "TODO manage standard OAuth request").
  capabilities: { deny: false, untick: false, resources: ['userinfo'], providerChanges: false, requiredScopes: ['openid'] },
} as const satisfies ServerDefinition<'lemonldap-ng'>;
