/**
 * Client registrations of the oidc-provider fixture, one per fixture of the requirements
 * doc (F1–F8, F10), plus the matching `verify` fixture configuration.
 */
import type { VerifyConfigInput } from '../../../src/verify/config.js';

export const REDIRECT = 'https://client.example/cb';
export const API = 'https://api.example';
export const OTHER_API = 'https://other.example';
export const USER = { username: 'alice', password: 'correct horse battery staple' };
const SPECIAL = { client_id: '1PpG/Q 1', client_secret: 'z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=' };

const confidential = (client_id: string, client_secret: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  client_id,
  client_secret,
  redirect_uris: [REDIRECT],
  grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
  response_types: ['code', 'code id_token'],
  token_endpoint_auth_method: 'client_secret_basic',
  ...extra,
});

/** oidc-provider `clients` configuration. */
export function providerClients(): Array<Record<string, unknown>> {
  return [
    confidential('client-1', 'secret-1'),
    confidential('client-2', 'secret-2'),
    {
      client_id: 'public-1',
      token_endpoint_auth_method: 'none',
      redirect_uris: ['https://spa.example/cb'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
    { ...SPECIAL, grant_types: ['client_credentials'], response_types: [], redirect_uris: [] },
    confidential('multi-1', 'secret-multi', { redirect_uris: ['https://client.example/cb1', 'https://client.example/cb2?tenant=1'] }),
    {
      client_id: 'native-1',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      redirect_uris: ['http://127.0.0.1/cb'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
    confidential('pkce-optional', 'secret-po'),
    confidential('no-cc', 'secret-nocc', { grant_types: ['authorization_code', 'refresh_token'] }),
    { client_id: 'rs-1', client_secret: 'secret-rs', grant_types: ['client_credentials'], response_types: [], redirect_uris: [] },
  ];
}

/**
 * The fixture clients (F2–F8) as `verify` options: the same registrations here and in
 * the deliberately broken test server (test/verify/broken-as.ts).
 */
export const FIXTURE_CLIENTS = {
  secondClient: { client_id: 'client-2', client_secret: 'secret-2' },
  publicClient: { client_id: 'public-1', redirect_uri: 'https://spa.example/cb', pkceRequired: true },
  specialCharsClient: SPECIAL,
  multiRedirectClient: { client_id: 'multi-1', client_secret: 'secret-multi', redirect_uris: ['https://client.example/cb1', 'https://client.example/cb2?tenant=1'] },
  nativeClient: { client_id: 'native-1', redirect_uri: 'http://127.0.0.1/cb' },
  pkceOptionalClient: { client_id: 'pkce-optional', client_secret: 'secret-po' },
  noClientCredentialsClient: { client_id: 'no-cc', client_secret: 'secret-nocc' },
};

/** The `verify` options describing those clients (everything except the issuer). */
export function verifyFixtures(issuer: string, lifetimes: { code: number; accessToken: number }): Omit<VerifyConfigInput, 'issuer'> {
  return {
    plan: 'bcp',
    client: { client_id: 'client-1', client_secret: 'secret-1', redirect_uri: REDIRECT },
    scopes: { default: 'openid', refresh: 'openid offline_access profile', extra: 'email', clientCredentials: 'api a' },
    authorizationParams: { prompt: 'consent' },
    fixtures: {
      ...FIXTURE_CLIENTS,
      user: USER,
      resourceServer: {
        url: `${issuer}/api/resource`,
        scope: 'api',
        insufficientScope: 'a',
        foreignResource: OTHER_API,
        introspectionClient: { client_id: 'rs-1', client_secret: 'secret-rs' },
      },
      registration: {},
    },
    login: { kind: 'form', fields: { login: '{{username}}', password: '{{password}}' } },
    lifetimes: { code: lifetimes.code, accessToken: lifetimes.accessToken, leeway: 1 },
    propagationSeconds: 2,
  };
}
