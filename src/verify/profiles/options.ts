/**
 * `runVerify` options for a mock provider profile (`mocks/profiles/*.yaml`) served on
 * loopback: the profile's own client as F1, and the fixtures the mock can offer
 * registered through `buildProvider({ clients })` (see {@link profileFixtureClients}).
 *
 * Used by `test/verify-profiles/profile-matrix.test.ts` to prove that every deliberate
 * deviation of a quirk profile is caught by the check that names it.
 */
import { defaultUsers, loadProfile } from '../../../mocks/profiles.js';
import type { MockProvider } from '../../../mocks/provider/provider.js';
import type { RegisteredClient } from '../../../mocks/provider/switches.js';
import type { VerifyOptions } from '../run-verify.js';

/** Fixture client ids and secrets registered at the mock (F2–F8, F10's introspection client). */
export const PROFILE_FIXTURES = {
  second: { client_id: 'verify-second', client_secret: 'verify-second-secret' },
  publicClient: { client_id: 'verify-public', redirect_uri: 'https://client.example.test/spa-cb' },
  special: { client_id: '1PpG/Q 1', client_secret: 'z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=' },
  multi: { client_id: 'verify-multi', client_secret: 'verify-multi-secret', redirect_uris: ['https://client.example.test/cb1', 'https://client.example.test/cb2?tenant=1'] },
  native: { client_id: 'verify-native', redirect_uri: 'http://127.0.0.1/cb' },
  pkceOptional: { client_id: 'verify-po', client_secret: 'verify-po-secret' },
  noCc: { client_id: 'verify-nocc', client_secret: 'verify-nocc-secret' },
  rs: { client_id: 'verify-rs', client_secret: 'verify-rs-secret' },
} as const;

/** Short lifetimes (seconds) given to the mock so the time-dependent rows run quickly. */
export const SHORT_LIFETIMES = { code: 2, accessToken: 4 } as const;

/** Switch overrides that make the T rows runnable (merged under the test's own overrides). */
export function shortLifetimeSwitches(profileName: string): Record<string, unknown> {
  const lifetimes = (loadProfile(profileName).switches['lifetimes'] ?? {}) as Record<string, unknown>;
  // a profile whose access tokens never expire keeps that deviation (no expires_in)
  const at = lifetimes['accessToken'] === null ? null : SHORT_LIFETIMES.accessToken;
  return { lifetimes: { code: SHORT_LIFETIMES.code, accessToken: at, clientCredentialsToken: at } };
}

/**
 * Clients to pass to `buildProvider({ clients })` so that the fixtures of
 * {@link verifyOptionsForProfile} exist at the mock. Scopes and redirect URIs follow the
 * profile's first client.
 */
export function profileFixtureClients(profileName: string): Partial<RegisteredClient>[] {
  const profile = loadProfile(profileName);
  const primary = profile.clients[0];
  const scopes = primary?.scopes ?? [];
  const redirects = primary?.redirect_uris.length ? primary.redirect_uris : ['https://client.example.test/callback'];
  const f = PROFILE_FIXTURES;
  return [
    { client_id: f.second.client_id, client_secret: f.second.client_secret, redirect_uris: [...redirects], scopes },
    { client_id: f.publicClient.client_id, public: true, redirect_uris: [f.publicClient.redirect_uri], scopes },
    { client_id: f.special.client_id, client_secret: f.special.client_secret, redirect_uris: [...redirects], scopes },
    { client_id: f.multi.client_id, client_secret: f.multi.client_secret, redirect_uris: [...f.multi.redirect_uris], scopes },
    { client_id: f.native.client_id, public: true, redirect_uris: [f.native.redirect_uri], scopes },
    { client_id: f.pkceOptional.client_id, client_secret: f.pkceOptional.client_secret, redirect_uris: [...redirects], scopes },
    { client_id: f.noCc.client_id, client_secret: f.noCc.client_secret, redirect_uris: [...redirects], scopes, grant_types: ['authorization_code', 'refresh_token'] },
    { client_id: f.rs.client_id, client_secret: f.rs.client_secret, redirect_uris: [], scopes, grant_types: ['client_credentials'] },
  ];
}

/** Scopes per profile: what the verify config's `scopes` and `authorizationParams` need. */
function scopesFor(provider: MockProvider): { scopes: VerifyOptions['scopes']; authorizationParams: Record<string, string> } {
  const sw = provider.context.switches;
  const client = [...provider.context.clients.values()][0]!;
  const all = client.scopes;
  const read = sw.api.readScope ?? all[0];
  const d = sw.scopes.delimiter;
  const authorizationParams: Record<string, string> = {};
  let refresh: string[] | undefined;
  if (sw.refresh.policy === 'always') refresh = all.slice(0, 2);
  else if (sw.refresh.policy === 'offline-scope') refresh = [read!, sw.refresh.offlineScope].filter((s, i, a) => s && a.indexOf(s) === i) as string[];
  else if (sw.refresh.policy === 'offline-param') {
    refresh = all.slice(0, 2);
    authorizationParams[sw.refresh.offlineParam.name] = sw.refresh.offlineParam.value;
    if (sw.refresh.forceConsentParam) authorizationParams[sw.refresh.forceConsentParam.name] = sw.refresh.forceConsentParam.value;
  }
  const extra = all.find((s) => !(refresh ?? []).includes(s) && s !== read);
  const join = (xs: readonly string[]) => xs.join(d);
  return {
    scopes: {
      ...(read ? { default: read } : {}),
      ...(refresh && refresh.length >= 2 ? { refresh: join(refresh) } : {}),
      ...(extra ? { extra } : {}),
      ...(all.length >= 2 ? { clientCredentials: join(all.slice(0, 2)) } : read ? { clientCredentials: read } : {}),
    },
    authorizationParams,
  };
}

/**
 * `runVerify` options for `provider` (built with {@link profileFixtureClients} and,
 * for the T rows, {@link shortLifetimeSwitches}). `seed` must be the provider's seed
 * (user passwords come from it); `overrides` replace top-level options.
 */
export function verifyOptionsForProfile(provider: MockProvider, overrides: Partial<VerifyOptions> = {}, seed = 1): VerifyOptions {
  const ctx = provider.context;
  const clients = [...ctx.clients.values()];
  const primary = clients[0]!;
  const users = [...ctx.users.values()];
  const user = users[0] ?? defaultUsers(seed)[0]!;
  const sw = ctx.switches;
  const f = PROFILE_FIXTURES;
  const has = (id: string) => ctx.clients.has(id);
  const { scopes, authorizationParams } = scopesFor(provider);
  const rsScope = sw.api.readScope;
  const insufficient = primary.scopes.find((s) => s !== rsScope);
  return {
    issuer: provider.issuer,
    plan: 'bcp',
    client: { client_id: primary.client_id, client_secret: primary.client_secret ?? '', redirect_uri: primary.redirect_uris[0]! },
    scopes,
    authorizationParams,
    fixtures: {
      ...(has(f.second.client_id) ? { secondClient: { ...f.second } } : {}),
      ...(has(f.publicClient.client_id) ? { publicClient: { ...f.publicClient, pkceRequired: true } } : {}),
      ...(has(f.special.client_id) ? { specialCharsClient: { ...f.special } } : {}),
      ...(has(f.multi.client_id) ? { multiRedirectClient: { ...f.multi, redirect_uris: [...f.multi.redirect_uris] } } : {}),
      ...(has(f.native.client_id) ? { nativeClient: { ...f.native } } : {}),
      ...(has(f.pkceOptional.client_id) ? { pkceOptionalClient: { ...f.pkceOptional } } : {}),
      ...(has(f.noCc.client_id) ? { noClientCredentialsClient: { ...f.noCc } } : {}),
      user: { username: user.username, password: user.password },
      resourceServer: {
        url: `${provider.issuer}/api/0/odata/Account`,
        ...(rsScope ? { scope: rsScope } : {}),
        ...(rsScope && insufficient ? { insufficientScope: insufficient } : {}),
        ...(has(f.rs.client_id) && sw.introspection.enabled ? { introspectionClient: { ...f.rs } } : {}),
      },
    },
    login: { kind: 'form', fields: { username: '{{username}}', password: '{{password}}' } },
    lifetimes: { code: sw.lifetimes.code, ...(sw.lifetimes.accessToken !== null ? { accessToken: sw.lifetimes.accessToken } : {}), leeway: 1 },
    propagationSeconds: 2,
    timeoutMs: 10_000,
    ...overrides,
  };
}
