/**
 * The reference client's configuration for a scenario: by default exactly what the
 * provider has registered (the integration set up correctly); the scenario's `client`
 * section overrides what it wants wrong or different. The same rule serves the mock and
 * real servers: only where the registration comes from differs.
 */
import type { Clock } from '../../mocks/provider/clock.js';
import type { MockProvider } from '../../mocks/provider/provider.js';
import { loadProfile } from '../../mocks/profiles.js';
import type { ReferenceClientConfig } from './reference-client.js';
import type { Scenario } from '../scenario/schema.js';

/** What the provider has registered for the client, and where its endpoints are. */
export interface Registration {
  issuer: string;
  clientId: string;
  clientSecret: string;
  authorizationUrl: string;
  tokenUrl: string;
  revokeUrl: string | null;
  redirectUri: string;
}

/** The provider family the scenario declares, else its profile's (undefined for an unknown profile or none). */
export function providerFamilyOf(scenario: Pick<Scenario, 'provider'>): string | undefined {
  if (scenario.provider.family) return scenario.provider.family;
  try {
    return loadProfile(scenario.provider.profile).family;
  } catch {
    return undefined;
  }
}

/** The registration, overridden field by field by the scenario's `client` section (`{issuer}` expanded). */
export function clientConfigFor(scenario: Scenario, reg: Registration, now: () => number, fetchFn?: typeof fetch): ReferenceClientConfig {
  const c = scenario.client;
  const sub = (u: string) => u.replaceAll('{issuer}', reg.issuer);
  return {
    issuer: reg.issuer,
    clientId: c.clientId ?? reg.clientId,
    clientSecret: c.clientSecret ?? reg.clientSecret,
    authorizationUrl: sub(c.authorizationUrl ?? reg.authorizationUrl),
    tokenUrl: sub(c.tokenUrl ?? reg.tokenUrl),
    revokeUrl: c.revokeUrl === null ? null : c.revokeUrl !== undefined ? sub(c.revokeUrl) : reg.revokeUrl,
    redirectUri: c.redirectUri ?? reg.redirectUri,
    scopes: c.scopes,
    scopeDelimiter: c.scopeDelimiter,
    credentials: c.credentials,
    authorizationParams: c.authorizationParams,
    pkce: c.pkce,
    sourceAddress: c.sourceAddress,
    faults: c.faults,
    providerFamily: providerFamilyOf(scenario),
    now,
    ...(fetchFn ? { fetch: fetchFn } : {}),
  };
}

/** The configuration against an in-process mock provider. */
export function resolveClientConfig(scenario: Scenario, provider: MockProvider, clock: Clock, fetchFn?: typeof fetch): ReferenceClientConfig {
  const issuer = provider.issuer;
  const paths = provider.context.switches.paths;
  const registered = [...provider.context.clients.values()][0]!;
  return clientConfigFor(
    scenario,
    {
      issuer,
      clientId: registered.client_id,
      clientSecret: registered.client_secret ?? '',
      authorizationUrl: `${issuer}${paths.authorize}`,
      tokenUrl: `${issuer}${paths.token}`,
      revokeUrl: provider.context.switches.revocation.enabled ? `${issuer}${paths.revocation}` : null,
      redirectUri: registered.redirect_uris[0] ?? 'https://client.example.test/callback',
    },
    () => clock.now(),
    fetchFn,
  );
}
