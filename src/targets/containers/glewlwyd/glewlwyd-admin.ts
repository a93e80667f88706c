/**
 * Provisions a fresh Glewlwyd over its admin API (docs: API.md in Debian's
 * glewlwyd package) as the default administrator `admin` / `password`:
 * a scope, an OpenID Connect plugin instance, confidential clients and users.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { GlewlwydClient, GlewlwydSettings } from './glewlwyd-config.js';

/** A cookie-authenticated JSON client for Glewlwyd's `/api` routes. */
class AdminSession {
  private constructor(
    private readonly api: string,
    private readonly cookie: string,
  ) {}

  static async login(api: string, username: string, password: string): Promise<AdminSession> {
    const res = await fetch(`${api}/auth/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    if (res.status !== 200 || !cookie) {
      throw new Error(`glewlwyd admin login as "${username}" failed: HTTP ${res.status}`);
    }
    return new AdminSession(api, cookie);
  }

  async exists(path: string): Promise<boolean> {
    const res = await fetch(`${this.api}${path}`, { headers: { cookie: this.cookie } });
    await res.body?.cancel();
    if (res.status === 200) return true;
    if (res.status === 404) return false;
    throw new Error(`glewlwyd admin API GET ${path} answered HTTP ${res.status}`);
  }

  /** POST to create, or PUT to `path + id` when it already exists. */
  async upsert(path: string, id: string, body: unknown): Promise<void> {
    const existing = await this.exists(`${path}${encodeURIComponent(id)}`);
    const url = existing ? `${this.api}${path}${encodeURIComponent(id)}` : `${this.api}${path}`;
    const res = await fetch(url, {
      method: existing ? 'PUT' : 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) {
      const detail = (await res.text()).slice(0, 500);
      throw new Error(`glewlwyd admin API ${existing ? 'PUT' : 'POST'} ${path}${existing ? id : ''} answered HTTP ${res.status}: ${detail}`);
    }
  }
}

/** OIDC plugin parameters (names from the plugin's own parameter check). */
function pluginParameters(settings: GlewlwydSettings, issuer: string): Record<string, unknown> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    iss: issuer,
    'jwt-type': 'rsa',
    'jwt-key-size': '256',
    key: privateKey.export({ type: 'pkcs1', format: 'pem' }),
    cert: publicKey.export({ type: 'spki', format: 'pem' }),
    'access-token-duration': settings.ttl.accessToken,
    'refresh-token-duration': settings.ttl.refreshToken,
    'code-duration': settings.ttl.code,
    'refresh-token-rolling': false,
    // "always": every refresh returns a new refresh token and disables the old one.
    'refresh-token-one-use': settings.rotateRefreshTokens ? 'always' : 'never',
    'allow-non-oidc': true,
    'auth-type-code-enabled': true,
    'auth-type-token-enabled': false,
    'auth-type-id-token-enabled': true,
    'auth-type-none-enabled': false,
    'auth-type-password-enabled': false,
    'auth-type-client-enabled': true,
    'auth-type-device-enabled': false,
    'auth-type-refresh-enabled': true,
    'subject-type': 'public',
    'allowed-scope': ['openid', settings.scope, ...settings.extraScopes],
    scope: [],
    'jwks-show': true,
    'pkce-allowed': true,
    'pkce-method-plain-allowed': false,
    'introspection-revocation-allowed': true,
    'introspection-revocation-allow-target-client': true,
  };
}

/**
 * The scopes `client` is registered with: its own list (plus the container's scope, for
 * client credentials) when it has one, else every scope the server is provisioned with.
 */
export function clientScopes(client: GlewlwydClient, settings: Pick<GlewlwydSettings, 'scope' | 'extraScopes'>): string[] {
  return client.scopes ? [...new Set([...client.scopes, settings.scope])] : ['openid', settings.scope, ...settings.extraScopes];
}

/** Creates (or updates) the scopes, plugin `settings.pluginName`, clients and users. */
export async function provisionGlewlwyd(baseUrl: string, settings: GlewlwydSettings): Promise<void> {
  const api = `${baseUrl}/api`;
  const admin = await AdminSession.login(api, 'admin', 'password');
  for (const scope of [settings.scope, ...settings.extraScopes]) {
    await admin.upsert('/scope/', scope, {
      name: scope,
      display_name: 'oauth-harness',
      description: 'Scope granted to the oauth-harness test client',
      password_required: true,
      password_max_age: 0,
      scheme: {},
    });
  }
  await admin.upsert('/mod/plugin/', settings.pluginName, {
    module: 'oidc',
    name: settings.pluginName,
    display_name: 'OpenID Connect (oauth-harness)',
    enabled: true,
    parameters: pluginParameters(settings, `${api}/${settings.pluginName}`),
  });
  const scopes = ['openid', settings.scope, ...settings.extraScopes];
  for (const client of [settings.client, ...settings.extraClients]) {
    await admin.upsert('/client/', client.clientId, {
      client_id: client.clientId,
      name: 'oauth-harness client',
      confidential: true,
      client_secret: client.clientSecret,
      redirect_uri: client.redirectUris,
      scope: clientScopes(client, settings),
      authorization_type: ['code', 'client_credentials', 'refresh_token'],
      token_endpoint_auth_method: ['client_secret_basic', 'client_secret_post'],
      enabled: true,
    });
  }
  for (const user of [settings.user, ...settings.extraUsers]) {
    await admin.upsert('/user/', user.username, {
      username: user.username,
      password: user.password,
      name: user.name,
      email: user.email,
      // g_profile lets the user grant scopes to the client through /api/auth/grant.
      scope: [...scopes, 'g_profile'],
      enabled: true,
    });
  }
}
