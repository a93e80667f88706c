/**
 * `container:oidc-provider`: oidc-provider 9 in a container, set up to imitate a built-in
 * profile (and a scenario's changes to it) through its own settings: the client's
 * `scope`, `issueRefreshToken` (always, never, offline
 * scope, offline parameter, once per user), `rotateRefreshToken`, `ttl`, `routes`,
 * `pkce.required` and the optional endpoints. Which switch values it takes is the data
 * of its definition (`containers/oidc-provider/definition.ts`).
 */
import { OidcProviderContainer, type OidcProviderBehaviour } from '../containers/oidc-provider/oidc-provider-container.js';
import type { Switches } from '../../../mocks/provider/switches.js';
import { chooseProfile, imitationOf } from '../imitation.js';
import type { StartedTarget, StartTargetOptions } from '../started-target.js';
import { oidcProviderServer } from '../containers/oidc-provider/definition.js';
import { formUserAgent } from '../../user-agent/form-user-agent.js';
import { containerTarget } from './container-target.js';

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

/** The switches that map to oidc-provider options and hooks (server.mjs), by its own names. */
export function oidcProviderBehaviour(sw: Switches): OidcProviderBehaviour {
  const p = sw.paths;
  const r = sw.refresh;
  return {
    refresh: { policy: r.policy, offlineScope: r.offlineScope, offlineParam: r.offlineParam, oncePerUser: r.oncePerUser, forceConsentParam: r.forceConsentParam },
    rotatePublicClients: r.rotation === 'rotate' || r.rotatePublicClients,
    routes: {
      authorization: p.authorize,
      token: p.token,
      revocation: p.revocation,
      introspection: p.introspection,
      userinfo: p.userinfo,
      jwks: p.jwks,
      ...(p.endSession ? { end_session: p.endSession } : {}),
    },
    pkceRequired: sw.pkce.required,
    revocation: sw.revocation.enabled,
    introspection: sw.introspection.enabled,
    api: { readScope: sw.api.readScope, writeScope: sw.api.writeScope, records: sw.api.records },
  };
}

/** The user removes every app's access at their account (server.mjs: POST /account/revoke-grants, with their password). */
async function revokeAtAccount(issuer: string, user: { username: string; password: string }): Promise<void> {
  const res = await fetch(`${issuer}/account/revoke-grants`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}` } });
  if (!res.ok) throw new Error(`container:oidc-provider: revoking the grants of ${user.username} answered ${res.status}`);
}

export async function startOidcProviderTarget(o: StartTargetOptions): Promise<StartedTarget> {
  const profile = chooseProfile('container:oidc-provider', OIDC_PROVIDER_IMITATES, o.profile);
  const im = imitationOf(profile, o.seed ?? 1, o.settings, o.changes);
  const scope = im.client.scopes.join(' ');
  // `narrow`: the server knows only the registration's scopes and drops the others;
  // `reject`: it knows every scope asked for and refuses those outside the client's `scope`.
  const narrow = im.switches.scopes.onUnregistered === 'narrow';
  const builder = new OidcProviderContainer()
    .withScopes(narrow ? [...new Set([...im.client.scopes, 'openid', 'offline_access'])] : im.scopes)
    .withBehaviour(oidcProviderBehaviour(im.switches))
    .withClient({ clientId: im.client.id, clientSecret: im.client.secret, redirectUris: im.client.redirectUris, scope: narrow ? undefined : scope })
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
  return containerTarget(server, ({ issuer, metadata, stop }) => {
    const user = im.users[0]!;
    return {
      label: 'container:oidc-provider',
      issuer,
      metadata,
      client: im.client,
      users: new Map(im.users.map((u) => [u.username, u])),
      profileLike: [profile],
      imitation: oidcProviderServer.imitation,
      capabilities: OIDC_PROVIDER_CAPABILITIES,
      userAgent: formUserAgent({ usernameField: 'login', passwordField: 'password' }),
      now: () => Date.now(),
      revokeGrants: (username) => revokeAtAccount(issuer, im.users.find((u) => u.username === username)!),
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
  });
}
