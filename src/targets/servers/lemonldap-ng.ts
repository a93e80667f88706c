/**
 * `container:lemonldap-ng`: Debian's LemonLDAP::NG 2.16 portal as OpenID Connect provider
 * in a container, configured with the imitated profile's client, scopes, lifetimes and
 * users (its DBI authentication over a SQLite table). It keeps its own ways where 2.16
 * has no setting (no refresh token rotation, either client secret placement for every
 * client): scenario failures and parity differences show them. Which switch values it
 * takes is the data of its definition (`containers/lemonldap-ng/definition.ts`).
 */
import { LemonldapContainer } from '../containers/lemonldap-ng/lemonldap-ng-container.js';
import { lemonldapServer } from '../containers/lemonldap-ng/definition.js';
import { lemonldapUserAgent, LEMONLDAP_LOGIN_FIELDS } from '../containers/lemonldap-ng/lemonldap-ng-login.js';
import { chooseProfile, imitationOf } from '../imitation.js';
import type { StartedTarget, StartTargetOptions } from '../started-target.js';
import { containerTarget } from './container-target.js';

/**
 * Extra relying parties for `verify` (docs/requirements.md's fixtures): F2 (a second
 * client), F3 (public, PKCE), F4 (special characters in the id and secret), F5 (two
 * redirect URIs, one with a query), F6 (native, loopback redirect URI), F7 (PKCE
 * optional), F8 (no client_credentials grant).
 */
const FIXTURE_CLIENTS = {
  second: { clientId: 'harness-client-2', clientSecret: 'second-client-secret-0123456789abcdef' },
  public: { clientId: 'harness-public', clientSecret: '', public: true },
  special: { clientId: '1PpG/Q 1', clientSecret: 'z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=' },
  multiRedirect: { clientId: 'harness-multi-redirect', clientSecret: 'multi-redirect-secret-0123456789abcdef' },
  native: { clientId: 'harness-native', clientSecret: '', public: true },
  pkceOptional: { clientId: 'harness-pkce-optional', clientSecret: 'pkce-optional-secret-0123456789abcdef', requirePkce: false },
  noClientCredentials: { clientId: 'harness-client-no-cc', clientSecret: 'no-cc-client-secret-0123456789abcdef' },
};

/** F6's redirect URI: a loopback one without a port (RFC 8252 §7.3). */
const NATIVE_REDIRECT_URI = 'http://127.0.0.1/cb';

export async function startLemonldapTarget(o: StartTargetOptions): Promise<StartedTarget> {
  const profile = chooseProfile('container:lemonldap-ng', lemonldapServer.imitates, o.profile);
  const im = imitationOf(profile, o.seed ?? 1, o.settings, o.changes);
  const multiRedirectUris = [im.client.redirectUri, `${im.client.redirectUri}?variant=2`];
  const builder = new LemonldapContainer()
    .withClient({ clientId: im.client.id, clientSecret: im.client.secret, redirectUris: im.client.redirectUris })
    .withExtraClient({ ...FIXTURE_CLIENTS.second, redirectUris: im.client.redirectUris })
    .withExtraClient({ ...FIXTURE_CLIENTS.public, redirectUris: im.client.redirectUris })
    .withExtraClient({ ...FIXTURE_CLIENTS.special, redirectUris: im.client.redirectUris })
    .withExtraClient({ ...FIXTURE_CLIENTS.multiRedirect, redirectUris: multiRedirectUris })
    .withExtraClient({ ...FIXTURE_CLIENTS.native, redirectUris: [NATIVE_REDIRECT_URI] })
    .withExtraClient({ ...FIXTURE_CLIENTS.pkceOptional, redirectUris: im.client.redirectUris })
    .withExtraClient({ ...FIXTURE_CLIENTS.noClientCredentials, redirectUris: im.client.redirectUris, clientCredentials: false })
    .withExtraScopes(im.scopes)
    .withTtl({ accessToken: im.lifetimes.accessToken, idToken: im.lifetimes.accessToken, code: im.lifetimes.code, refreshToken: im.lifetimes.refreshToken });
  for (const u of im.users) builder.withUser({ username: u.username, password: u.password, ...(u.name ? { name: u.name } : {}), ...(u.email ? { email: u.email } : {}) });
  if (o.baseImage) builder.withBaseImage(o.baseImage);
  const server = await builder.start();
  return containerTarget(server, ({ issuer, metadata, stop }) => {
    const user = im.users[0]!;
    const redirect = { redirect_uri: im.client.redirectUri };
    return {
      label: 'container:lemonldap-ng',
      issuer,
      metadata,
      client: im.client,
      users: new Map(im.users.map((u) => [u.username, u])),
      profileLike: [profile],
      capabilities: lemonldapServer.capabilities,
      userAgent: lemonldapUserAgent(),
      now: () => Date.now(),
      verifyConfig: () => ({
        issuer,
        client: { client_id: im.client.id, client_secret: im.client.secret, ...redirect },
        // OpenID requests: LL::NG's authorization endpoint serves OpenID Connect only
        scopes: { default: 'openid', refresh: 'openid profile', extra: 'email', clientCredentials: im.client.scopes.slice(0, 2).join(' ') },
        fixtures: {
          user: { username: user.username, password: user.password },
          secondClient: { client_id: FIXTURE_CLIENTS.second.clientId, client_secret: FIXTURE_CLIENTS.second.clientSecret, ...redirect },
          publicClient: { client_id: FIXTURE_CLIENTS.public.clientId, ...redirect },
          specialCharsClient: { client_id: FIXTURE_CLIENTS.special.clientId, client_secret: FIXTURE_CLIENTS.special.clientSecret },
          multiRedirectClient: { client_id: FIXTURE_CLIENTS.multiRedirect.clientId, client_secret: FIXTURE_CLIENTS.multiRedirect.clientSecret, redirect_uris: multiRedirectUris },
          nativeClient: { client_id: FIXTURE_CLIENTS.native.clientId, redirect_uri: NATIVE_REDIRECT_URI },
          pkceOptionalClient: { client_id: FIXTURE_CLIENTS.pkceOptional.clientId, client_secret: FIXTURE_CLIENTS.pkceOptional.clientSecret, ...redirect },
          noClientCredentialsClient: { client_id: FIXTURE_CLIENTS.noClientCredentials.clientId, client_secret: FIXTURE_CLIENTS.noClientCredentials.clientSecret, ...redirect },
        },
        login: { kind: 'form' as const, fields: { [LEMONLDAP_LOGIN_FIELDS.username]: '{{username}}', [LEMONLDAP_LOGIN_FIELDS.password]: '{{password}}' } },
        propagationSeconds: 2,
      }),
      stop,
    };
  });
}
