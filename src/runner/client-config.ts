/**
 * The reference client's configuration for a scenario: by default exactly what the
 * provider has registered (the integration set up correctly); the scenario's `client`
 * section overrides what it wants wrong or different.
 */
import type { Clock } from '../../mocks/provider/clock.js';
import type { MockProvider } from '../../mocks/provider/provider.js';
import type { ReferenceClientConfig } from '../client/reference-client.js';
import type { Scenario } from '../scenario/schema.js';

export function resolveClientConfig(scenario: Scenario, provider: MockProvider, clock: Clock): ReferenceClientConfig {
  const c = scenario.client;
  const issuer = provider.issuer;
  const paths = provider.context.switches.paths;
  const registered = [...provider.context.clients.values()][0]!;
  const sub = (u: string) => u.replace('{issuer}', issuer);
  return {
    issuer,
    clientId: c.clientId ?? registered.client_id,
    clientSecret: c.clientSecret ?? registered.client_secret ?? '',
    authorizationUrl: sub(c.authorizationUrl ?? `${issuer}${paths.authorize}`),
    tokenUrl: sub(c.tokenUrl ?? `${issuer}${paths.token}`),
    revokeUrl: c.revokeUrl === null ? null : c.revokeUrl !== undefined ? sub(c.revokeUrl) : provider.context.switches.revocation.enabled ? `${issuer}${paths.revocation}` : null,
    redirectUri: c.redirectUri ?? registered.redirect_uris[0] ?? 'https://client.example.test/callback',
    scopes: c.scopes,
    scopeDelimiter: c.scopeDelimiter,
    credentials: c.credentials,
    authorizationParams: c.authorizationParams,
    pkce: c.pkce,
    sourceAddress: c.sourceAddress,
    faults: c.faults,
    now: () => clock.now(),
  };
}
