/**
 * The environment every external client gets (command and web drivers): the provider's
 * endpoints and the client's configuration, as `OAUTH_HARNESS_*` variables. The
 * protocol is documented in clients/README.md.
 */
import type { MockProvider } from '../../mocks/provider/provider.js';
import type { ReferenceClientConfig } from '../client/reference-client.js';

const AUTH = { basic: 'client_secret_basic', body: 'client_secret_post', query: 'client_secret_query', auto: 'auto' } as const;

/** The variables that describe the provider and the client's configuration. */
export function protocolEnv(provider: MockProvider, c: ReferenceClientConfig, scenarioId: string): Record<string, string> {
  const sw = provider.context.switches;
  const issuer = provider.issuer;
  const discovery = !sw.discovery.enabled ? '' : `${issuer}/.well-known/${sw.discovery.kind === 'oidc' ? 'openid-configuration' : 'oauth-authorization-server'}`;
  return {
    OAUTH_HARNESS_SCENARIO: scenarioId,
    OAUTH_HARNESS_ISSUER: issuer,
    OAUTH_HARNESS_DISCOVERY_URL: discovery,
    OAUTH_HARNESS_AUTHORIZATION_ENDPOINT: c.authorizationUrl,
    OAUTH_HARNESS_TOKEN_ENDPOINT: c.tokenUrl,
    OAUTH_HARNESS_REVOCATION_ENDPOINT: c.revokeUrl ?? '',
    OAUTH_HARNESS_JWKS_URI: `${issuer}${sw.paths.jwks}`,
    OAUTH_HARNESS_CLIENT_ID: c.clientId,
    OAUTH_HARNESS_CLIENT_SECRET: c.clientSecret,
    OAUTH_HARNESS_CLIENT_AUTH: AUTH[c.credentials],
    OAUTH_HARNESS_TOKEN_REQUEST_METHOD: c.credentials === 'query' ? 'GET' : 'POST',
    OAUTH_HARNESS_REDIRECT_URI: c.redirectUri,
    OAUTH_HARNESS_SCOPE: c.scopes.join(c.scopeDelimiter),
    OAUTH_HARNESS_SCOPE_DELIMITER: c.scopeDelimiter,
    OAUTH_HARNESS_AUTHORIZATION_PARAMS: new URLSearchParams(c.authorizationParams).toString(),
    OAUTH_HARNESS_PKCE: c.pkce,
  };
}
