/**
 * What the LemonLDAP::NG container is configured with, and the two files made from it:
 * LL::NG's configuration (`lmConf-1.json`, read by its File configuration backend) and
 * the users, loaded into the SQLite table its DBI authentication module reads.
 *
 * The portal is the OpenID Connect provider (OpenID Connect Core 1.0); each client is a
 * relying party (`oidcRPMetaDataOptions`). LL::NG 2.16 names: https://lemonldap-ng.org/documentation/2.0/parameterlist.html
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** A relying party; a confidential one may use client_secret_basic or client_secret_post. */
export interface LemonldapClient {
  clientId: string;
  /** Empty for a public client. */
  clientSecret: string;
  /** Redirect URIs; LL::NG matches them exactly. */
  redirectUris: string[];
  /** The client_credentials grant (RFC 6749 §4.4) is allowed (default true; never for a public client). */
  clientCredentials?: boolean;
  /** A public client (RFC 6749 §2.1): no secret (default false). */
  public?: boolean;
  /**
   * PKCE is required and checked (default true). LL::NG 2.16 checks a code_verifier only
   * for relying parties that require PKCE: without this, a code_challenge is ignored.
   */
  requirePkce?: boolean;
}

/** A test user, who signs in through the portal's login form. */
export interface LemonldapUser {
  username: string;
  password: string;
  name?: string;
  email?: string;
}

/** Lifetimes in seconds. */
export interface LemonldapTtl {
  accessToken: number;
  idToken: number;
  code: number;
  /** Refresh tokens: those of `offline_access` grants (offline sessions) and the SSO session the others belong to. */
  refreshToken: number;
}

/** Everything the container is started with. */
export interface LemonldapSettings {
  /** The first client is the harness's; others are verify's fixtures. */
  clients: LemonldapClient[];
  users: LemonldapUser[];
  /** Scopes besides the OpenID ones the clients may request (e.g. a profile's `read`, `write`). */
  extraScopes: string[];
  ttl: LemonldapTtl;
}

/** Redirect URI of the default client unless `withRedirectUri` sets one. */
export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:8080/callback';

/** Defaults: `harness-client`, user `alice`, short lifetimes. */
export function defaultLemonldapSettings(): LemonldapSettings {
  return {
    clients: [{ clientId: 'harness-client', clientSecret: 'harness-client-secret-0123456789abcdef', redirectUris: [DEFAULT_REDIRECT_URI] }],
    users: [{ username: 'alice', password: 'alice-password', name: 'Alice Example', email: 'alice@example.test' }],
    extraScopes: [],
    ttl: { accessToken: 300, idToken: 300, code: 60, refreshToken: 3600 },
  };
}

/** The RSA key the provider signs ID tokens with (RS256), made fresh for each start. */
export interface SigningKey {
  kid: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

/** A new 2048-bit RSA signing key. */
export function newSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { kid: randomBytes(8).toString('hex'), privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** Claims every relying party receives, from the session attributes the DBI module exports. */
const EXPORTED_CLAIMS = { email: 'mail', name: 'cn', preferred_username: 'uid' };

function relyingParty(client: LemonldapClient, settings: LemonldapSettings): Record<string, unknown> {
  return {
    oidcRPMetaDataOptionsClientID: client.clientId,
    ...(client.public ? {} : { oidcRPMetaDataOptionsClientSecret: client.clientSecret }),
    oidcRPMetaDataOptionsRedirectUris: client.redirectUris.join(' '),
    oidcRPMetaDataOptionsDisplayName: client.clientId,
    oidcRPMetaDataOptionsPublic: client.public ? 1 : 0,
    // no consent page: the harness's login is a form fill, and LL::NG's refusal button needs JavaScript
    oidcRPMetaDataOptionsBypassConsent: 1,
    oidcRPMetaDataOptionsIDTokenSignAlg: 'RS256',
    oidcRPMetaDataOptionsAccessTokenExpiration: settings.ttl.accessToken,
    oidcRPMetaDataOptionsIDTokenExpiration: settings.ttl.idToken,
    oidcRPMetaDataOptionsAuthorizationCodeExpiration: settings.ttl.code,
    oidcRPMetaDataOptionsOfflineSessionExpiration: settings.ttl.refreshToken,
    // refresh tokens for every code grant (online, tied to the SSO session) and for offline_access
    oidcRPMetaDataOptionsRefreshToken: 1,
    oidcRPMetaDataOptionsAllowOffline: 1,
    oidcRPMetaDataOptionsAllowClientCredentialsGrant: client.public || client.clientCredentials === false ? 0 : 1,
    oidcRPMetaDataOptionsAllowPasswordGrant: 0,
    oidcRPMetaDataOptionsRequirePKCE: client.requirePkce === false ? 0 : 1,
    oidcRPMetaDataOptionsUserIDAttr: 'uid',
  };
}

/** LL::NG's configuration for the portal at `portal` (e.g. `http://127.0.0.1:4180`). */
export function lemonldapConfig(portal: string, settings: LemonldapSettings, key: SigningKey): Record<string, unknown> {
  const rps = settings.clients.map((c, i) => [`rp${i}`, c] as const);
  const perRp = <T>(f: (c: LemonldapClient) => T) => Object.fromEntries(rps.map(([k, c]) => [k, f(c)]));
  return {
    cfgNum: 1,
    cfgAuthor: 'oauth-harness',
    cfgDate: String(Math.floor(Date.now() / 1000)),
    cfgVersion: '2.16.1',
    portal: `${portal}/`,
    domain: new URL(portal).hostname,
    cookieName: 'lemonldap',
    securedCookie: 0,
    // the users: a SQLite table (lemonldap-ng-users.pl), passwords compared as stored
    authentication: 'DBI',
    userDB: 'Same',
    passwordDB: 'DBI',
    registerDB: 'Null',
    dbiAuthChain: 'dbi:SQLite:dbname=/var/lib/lemonldap-ng/users.db',
    dbiAuthUser: '',
    dbiAuthPassword: '',
    dbiAuthTable: 'users',
    dbiUserTable: 'users',
    dbiAuthLoginCol: 'user',
    dbiAuthPasswordCol: 'password',
    dbiAuthPasswordHash: '',
    dbiDynamicHashEnabled: 0,
    dbiMailCol: 'mail',
    dbiExportedVars: { uid: 'user', cn: 'name', mail: 'mail' },
    exportedVars: {},
    whatToTrace: 'uid',
    macros: {},
    groups: {},
    // sessions in files, as Debian's default configuration keeps them
    globalStorage: 'Apache::Session::File',
    globalStorageOptions: {
      Directory: '/var/lib/lemonldap-ng/sessions',
      LockDirectory: '/var/lib/lemonldap-ng/sessions/lock',
      generateModule: 'Lemonldap::NG::Common::Apache::Session::Generate::SHA256',
    },
    persistentStorage: 'Apache::Session::File',
    persistentStorageOptions: { Directory: '/var/lib/lemonldap-ng/psessions', LockDirectory: '/var/lib/lemonldap-ng/psessions/lock' },
    localSessionStorage: 'Cache::FileCache',
    localSessionStorageOptions: {
      cache_depth: 3,
      cache_root: '/var/lib/lemonldap-ng/cache',
      default_expires_in: 600,
      directory_umask: '007',
      namespace: 'lemonldap-ng-sessions',
    },
    locationRules: { [new URL(portal).hostname]: { default: 'accept' } },
    // no CAPTCHA anywhere; lemonldap-ng-no-captcha.pm stands in for the default module, which needs Image::Magick
    captcha: '::Captcha::Disabled',
    captcha_login_enabled: 0,
    captcha_mail_enabled: 0,
    captcha_register_enabled: 0,
    loginHistoryEnabled: 0,
    notification: 0,
    portalSkin: 'bootstrap',
    applicationList: {},
    // the SSO session, which online refresh tokens (without offline_access) live as long as
    timeout: settings.ttl.refreshToken,
    // the OpenID Connect provider
    issuerDBOpenIDConnectActivation: 1,
    issuerDBOpenIDConnectPath: '^/oauth2/',
    issuerDBOpenIDConnectRule: 1,
    oidcServiceMetaDataIssuer: portal,
    oidcServicePrivateKeySig: key.privateKeyPem,
    oidcServicePublicKeySig: key.publicKeyPem,
    oidcServiceKeyIdSig: key.kid,
    oidcServiceAllowAuthorizationCodeFlow: 1,
    oidcServiceAllowImplicitFlow: 0,
    oidcServiceAllowHybridFlow: 0,
    oidcServiceAllowDynamicRegistration: 0,
    // scopes neither OpenID's nor in the scope rules are dropped from the grant
    oidcServiceAllowOnlyDeclaredScopes: 1,
    oidcServiceIgnoreScopeForClaims: 0,
    oidcRPMetaDataOptions: perRp((c) => relyingParty(c, settings)),
    oidcRPMetaDataExportedVars: perRp(() => EXPORTED_CLAIMS),
    // the extra scopes are granted when asked for (a rule of "1" would add them to every grant)
    oidcRPMetaDataScopeRules: perRp(() => Object.fromEntries(settings.extraScopes.map((s) => [s, '$requested']))),
    oidcRPMetaDataOptionsExtraClaims: perRp(() => ({})),
  };
}

/** The users, as lemonldap-ng-users.pl reads them (a JSON array). */
export function lemonldapUsersJson(users: readonly LemonldapUser[]): string {
  return JSON.stringify(users.map((u) => ({ user: u.username, password: u.password, name: u.name ?? u.username, mail: u.email ?? `${u.username}@example.test` })));
}
