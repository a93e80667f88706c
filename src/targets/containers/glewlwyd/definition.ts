import type { ServerDefinition } from '../../servers/server-definition.js';

/** Glewlwyd 2.7 (C, Debian's package) in a container: `--target container:glewlwyd`. */
export const glewlwydServer = {
  name: 'glewlwyd',
  title: "Glewlwyd 2.7 (C, Debian's package) in a container",
  imitates: ['rfc-strict', 'rotating-refresh'],
  imitation: {
    switches: {
      // A list of one method made Glewlwyd 2.7 refuse the code exchange with unauthorized_client (tried with docusign-like): both only.
      'clientAuth.methods': {
        oneOf: [['client_secret_basic', 'client_secret_post'], ['client_secret_post', 'client_secret_basic']],
        setting: "the client's token_endpoint_auth_method list (admin API): both",
      },
      'refresh.policy': { oneOf: ['always'], setting: 'its own: a refresh token with every code exchange' },
      'refresh.rotation': { oneOf: ['keep', 'rotate'], setting: 'refresh-token-rolling (admin API)' },
      'lifetimes.accessToken': { any: true, except: [null], setting: 'access-token-duration (it always sends expires_in)' },
      'lifetimes.refreshToken': { any: true, setting: 'refresh-token-duration' },
      'lifetimes.code': { any: true, setting: 'code-duration' },
      'api.readScope': { any: true, setting: 'scopes (created by the admin API)' },
      'api.writeScope': { any: true, setting: 'scopes (created by the admin API)' },
    },
    ownWay: {
      'clientAuth.rejectMultiple': 'its own handling of two authentication mechanisms',
      'clientAuth.basicEncoding': 'its own decoding of Basic credentials',
      'authorize.errorsAfterLogin': 'request errors are redirected before the login',
      'redirectUri.matching': 'redirect URIs match exactly',
      // The client is registered with its registration's scopes only (the profile's or the scenario's, servers/glewlwyd.ts), every scope the scenario asks for exists:
      // Glewlwyd 2.7 refuses one outside the client's `scope` at client_credentials (400 scope_invalid) but not in the code flow.
      'scopes.onUnregistered': "the client's registered scopes limit only client_credentials: the code flow grants any scope the user holds",
      'scopes.userCanDeny': 'consent is given by its login page',
      'scopes.defaultScopes': 'grants only the scopes asked for',
      'tokenResponse.scope': 'its own scope in token responses',
      'refresh.reuseDetection': 'its own handling of a reused refresh token',
      'refresh.gracePeriod': 'its own: no grace period',
      'discovery.kind': 'OpenID Connect Discovery',
      'discovery.issParameter': 'its own iss in authorization responses',
      'paths.authorize': 'its own paths under /api/<plugin>, published in its discovery document',
      'paths.token': 'its own paths under /api/<plugin>, published in its discovery document',
      'paths.revocation': 'its own paths under /api/<plugin>, published in its discovery document',
      'paths.introspection': 'its own paths under /api/<plugin>, published in its discovery document',
      'paths.userinfo': 'its own paths under /api/<plugin>, published in its discovery document',
    },
    clientFields: ['client_id', 'client_secret', 'scopes', 'redirect_uris'],
    // Its Basic credentials are compared as sent, not form-decoded (RFC 6749 §2.3.1): oauth4webapi's
    // harness%2Dclient is unknown to it (a bare 403, diagnosed client-credentials-wrong). The profile's
    // client is registered as harnessclient so the scenarios compare the rest of its behaviour; a
    // scenario naming client_id: harness-client itself (basic-special-characters-encoded) still shows the refusal.
    clientId: {
      keep: 'letters-and-digits',
      why: 'Glewlwyd compares Basic credentials without form-decoding them (RFC 6749 §2.3.1), so an id that form-encoding changes (harness%2Dclient) is refused with a bare 403',
    },
  },
  capabilities: { deny: false, untick: false, resources: ['userinfo'], providerChanges: false },
} as const satisfies ServerDefinition<'glewlwyd'>;
