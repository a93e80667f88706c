/**
 * `oidc-provider` (npm) with the client credentials feature on and one confidential
 * client (client_secret_basic or client_secret_post), default in-memory adapter,
 * opaque access tokens: its documented set-up for this grant.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { announce, stopOnSignal } from './ready.js';

/** The little of oidc-provider's API used here (the package ships no type declarations). */
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => { callback(): Parameters<typeof createServer>[1] & {} };
const moduleName = 'oidc-provider';
const { default: Provider } = (await import(moduleName)) as { default: ProviderClass };

const server = createServer();
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
server.keepAliveTimeout = 65_000;
const { port } = server.address() as AddressInfo;
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'bench-client',
      client_secret: 'bench-secret-bench-secret-bench-secret',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
      scope: 'read',
    },
  ],
  scopes: ['read'],
  features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
});
server.on('request', provider.callback());
announce({ token_endpoint: `${issuer}/token`, client_id: 'bench-client', client_secret: 'bench-secret-bench-secret-bench-secret' });
stopOnSignal(() => new Promise((r) => server.close(r)));
