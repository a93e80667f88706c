/**
 * oidc-provider (OpenID Certified) started in-process on 127.0.0.1 with every fixture of
 * `docs/requirements.md`: the "real, certified server" `verify` is proven against.
 *
 * Features on: client credentials, introspection, revocation, registration (open DCR),
 * resource indicators (for the F10 resource server at `/api/resource`); devInteractions
 * off (login/consent are the plain HTML forms of `oidc-provider/interactions.ts`).
 * Short TTLs make the time-dependent rows runnable.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import type { VerifyOptions } from '../../src/verify/run-verify.js';
import { API, OTHER_API, providerClients, USER, verifyFixtures } from './oidc-provider/clients.js';
import { interactionRoutes } from './oidc-provider/interactions.js';
import { resourceServer } from './oidc-provider/resource-server.js';
import { loadProvider } from './oidc-provider/types.js';

export interface OidcProviderFixture {
  issuer: string;
  /** `runVerify` options with all fixtures of this server configured. */
  verifyOptions(overrides?: Partial<VerifyOptions>): VerifyOptions;
  close(): Promise<void>;
}

export interface OidcProviderFixtureOptions {
  /** Seconds; oidc-provider's AuthorizationCode TTL (default 2). */
  codeTtl?: number;
  /** Seconds; AccessToken and ClientCredentials TTL (default 4). */
  accessTokenTtl?: number;
}

/** Start the fixture on a random loopback port. */
export async function startOidcProviderFixture(options: OidcProviderFixtureOptions = {}): Promise<OidcProviderFixture> {
  const codeTtl = options.codeTtl ?? 2;
  const accessTokenTtl = options.accessTokenTtl ?? 4;
  let handler: ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | undefined;
  const server: Server = createServer((req, res) => handler!(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const Provider = await loadProvider();
  const { errors } = (await import('oidc-provider' as string)) as { errors: { InvalidTarget: new () => Error } };
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'fixture-rs256', use: 'sig', alg: 'RS256' };
  const resourceInfo = (indicator: string): Record<string, unknown> => {
    if (indicator === API) return { scope: 'api a b', audience: API, accessTokenTTL: accessTokenTtl, accessTokenFormat: 'opaque' };
    if (indicator === OTHER_API) return { scope: 'api a b', audience: OTHER_API, accessTokenTTL: accessTokenTtl, accessTokenFormat: 'opaque' };
    throw new errors.InvalidTarget();
  };

  const provider = new Provider(issuer, {
    clients: providerClients(),
    jwks: { keys: [jwk] },
    cookies: { keys: ['oauth-harness-fixture-cookie-key'] },
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub, name: 'Alice', email: 'alice@example.com' }) }),
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: {
        enabled: true,
        // documented hook: only the resource-server client (or the token's own client) may introspect
        allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId?: string }) =>
          client.clientId === 'rs-1' || token.clientId === client.clientId,
      },
      revocation: { enabled: true },
      registration: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (ctx: { oidc: { params?: { grant_type?: string } } }) =>
          ctx.oidc.params?.grant_type === 'client_credentials' ? API : undefined,
        getResourceServerInfo: async (_ctx: unknown, indicator: string) => resourceInfo(indicator),
        useGrantedResource: async () => false,
      },
    },
    ttl: {
      AuthorizationCode: codeTtl,
      AccessToken: accessTokenTtl,
      ClientCredentials: accessTokenTtl,
      IdToken: 3600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      RefreshToken: 3600,
    },
  });
  provider.use(interactionRoutes(provider, USER));
  provider.use(resourceServer(provider, { path: '/api/resource', audience: API, requiredScope: 'api' }));
  handler = provider.callback();

  return {
    issuer,
    verifyOptions(overrides = {}) {
      return { issuer, ...verifyFixtures(issuer, { code: codeTtl, accessToken: accessTokenTtl }), ...overrides };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
