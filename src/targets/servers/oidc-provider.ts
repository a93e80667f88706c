/**
 * `container:oidc-provider`: oidc-provider 9 in a container, set up to imitate
 * `rfc-strict` (refresh tokens kept) or `rotating-refresh` (rotated on every use, reuse
 * revokes the grant, as oidc-provider does with `rotateRefreshToken`).
 */
import { OidcProviderContainer } from '../containers/oidc-provider/oidc-provider-container.js';
import { discoverTarget } from '../discovery.js';
import { chooseProfile, imitationOf } from '../imitation.js';
import type { StartedTarget, StartTargetOptions } from '../started-target.js';
import { oidcProviderServer } from '../containers/oidc-provider/definition.js';
import { formUserAgent } from '../user-agents/form-user-agent.js';
import { stopOnce } from '../started-target.js';

const OIDC_PROVIDER_IMITATES = oidcProviderServer.imitates;

const OIDC_PROVIDER_CAPABILITIES = oidcProviderServer.capabilities;

/**
 * Extra registrations for `verify`: its primary client F1 (one redirect URI, as the
 * in-process fixture registers it: oidc-provider then lets the token request omit
 * redirect_uri, the expected failure AS-AC-REDIRECT-PRESENT), F2 (second client), F4
 * (special characters), F8 (no client_credentials).
 */
const FIXTURE_CLIENTS = {
  primary: { clientId: 'harness-verify', clientSecret: 'verify-client-secret-0123456789abcdef' },
  second: { clientId: 'harness-client-2', clientSecret: 'second-client-secret-0123456789abcdef' },
  special: { clientId: '1PpG/Q 1', clientSecret: 'z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=' },
  noClientCredentials: { clientId: 'harness-client-no-cc', clientSecret: 'no-cc-client-secret-0123456789abcdef' },
};

export async function startOidcProviderTarget(o: StartTargetOptions): Promise<StartedTarget> {
  const profile = chooseProfile('container:oidc-provider', OIDC_PROVIDER_IMITATES, o.profile);
  const im = imitationOf(profile, o.seed ?? 1, o.settings);
  const scope = im.client.scopes.join(' ');
  const builder = new OidcProviderContainer()
    .withScopes(im.scopes)
    .withClient({ clientId: im.client.id, clientSecret: im.client.secret, redirectUris: im.client.redirectUris, scope })
    .withClient({ ...FIXTURE_CLIENTS.primary, redirectUris: [im.client.redirectUri], scope })
    .withClient({ ...FIXTURE_CLIENTS.second, redirectUris: im.client.redirectUris, scope })
    .withClient({ ...FIXTURE_CLIENTS.special, redirectUris: im.client.redirectUris, scope, grantTypes: ['client_credentials'] })
    .withClient({ ...FIXTURE_CLIENTS.noClientCredentials, redirectUris: im.client.redirectUris, scope, grantTypes: ['authorization_code', 'refresh_token'] })
    .withRotation(im.rotateRefreshTokens)
    .withTtl({
      AccessToken: im.lifetimes.accessToken,
      IdToken: im.lifetimes.accessToken,
      ClientCredentials: o.settings?.accessTokenTtl ?? im.lifetimes.clientCredentials,
      RefreshToken: im.lifetimes.refreshToken,
      AuthorizationCode: im.lifetimes.code,
    });
  if (o.baseImage) builder.withBaseImage(o.baseImage);
  for (const u of im.users) builder.withUser({ username: u.username, password: u.password, claims: { ...(u.name ? { name: u.name } : {}), ...(u.email ? { email: u.email, email_verified: true } : {}) } });
  const server = await builder.start();
  const stop = stopOnce(server);
  try {
    const issuer = server.getIssuer();
    const metadata = await discoverTarget(issuer);
    const user = im.users[0]!;
    return {
      label: 'container:oidc-provider',
      issuer,
      metadata,
      client: im.client,
      users: new Map(im.users.map((u) => [u.username, u])),
      profileLike: [profile],
      capabilities: OIDC_PROVIDER_CAPABILITIES,
      userAgent: formUserAgent({ usernameField: 'login', passwordField: 'password' }),
      now: () => Date.now(),
      verifyConfig: () => ({
        issuer,
        client: { client_id: FIXTURE_CLIENTS.primary.clientId, client_secret: FIXTURE_CLIENTS.primary.clientSecret, redirect_uri: im.client.redirectUri },
        scopes: { default: 'openid', refresh: 'openid profile', extra: 'email', clientCredentials: im.client.scopes[0] },
        fixtures: {
          user: { username: user.username, password: user.password },
          secondClient: { client_id: FIXTURE_CLIENTS.second.clientId, client_secret: FIXTURE_CLIENTS.second.clientSecret, redirect_uri: im.client.redirectUri },
          specialCharsClient: { client_id: FIXTURE_CLIENTS.special.clientId, client_secret: FIXTURE_CLIENTS.special.clientSecret },
          noClientCredentialsClient: { client_id: FIXTURE_CLIENTS.noClientCredentials.clientId, client_secret: FIXTURE_CLIENTS.noClientCredentials.clientSecret, redirect_uri: im.client.redirectUri },
        },
        login: { kind: 'form', fields: { login: '{{username}}', password: '{{password}}' } },
        propagationSeconds: 2,
      }),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
