/**
 * `oauth-harness/vitest`: a fixture and matchers for vitest.
 *
 * Importing this module registers the matchers (`expect.extend`) and their types.
 *
 * @example
 * import { expect } from 'vitest';
 * import { createOAuthTest } from 'oauth-harness/vitest';
 *
 * const test = createOAuthTest({ profile: 'docusign-like', msw: server });
 * test('sends Basic credentials', async ({ oauth }) => {
 *   await myClient.login(oauth.issuer);
 *   expect(oauth).toHaveReceivedCredentialsIn('basic');
 * });
 * @see https://vitest.dev/guide/test-context#extend-test-context
 * @packageDocumentation
 */
import { expect, test as base } from 'vitest';
import { createMockProvider, type CreateMockProviderOptions, type OAuthMockProvider } from './api/mock-provider.js';
import { oauthMatchers, type CredentialPlacement } from './api/matchers.js';
import type { VerdictOutcome } from './drivers/client-verdicts.js';

export { oauthMatchers, toHaveDiagnosis, toHaveReceivedCredentialsIn, toHaveVerdict, type CredentialPlacement, type Diagnosable, type Judgeable } from './api/matchers.js';

expect.extend(oauthMatchers);

/** The matchers' types, added to vitest's `expect(…)`. */
export interface OAuthMatchers<R = unknown> {
  /** Every token and revocation request the provider received had the client credentials in `placement` (RFC 6749 §2.3.1). */
  toHaveReceivedCredentialsIn(placement: CredentialPlacement): R;
  /** The recorded traffic shows diagnosis `id`, e.g. `credentials-wrong-placement`. */
  toHaveDiagnosis(id: string): R;
  /** Client verdict `id` (e.g. `state`, `pkce-s256`, `refreshed`) has `outcome` (default `pass`). */
  toHaveVerdict(id: string, outcome?: VerdictOutcome): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends OAuthMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends OAuthMatchers {}
}

/** Something msw's `setupServer()` or `setupWorker()` returned: only `use()` is needed. */
export interface MswServerLike {
  use(...handlers: never[]): void;
}

export interface OAuthTestOptions extends Omit<CreateMockProviderOptions, 'profile'> {
  /** The profile of the `oauth` fixture (default `rfc-strict`). */
  profile?: string;
  /**
   * Your msw server: each test's providers are added to it with `server.use(...)`
   * (call `server.resetHandlers()` in `afterEach`, as msw recommends).
   */
  msw?: MswServerLike;
}

/** The fixtures {@link createOAuthTest} adds to the test context. */
export interface OAuthFixtures {
  /** A fresh mock provider for this test, of the file's profile. */
  oauth: OAuthMockProvider;
  /** Makes another provider for this test (another profile or options), registered with msw like `oauth`. */
  mockProvider: (options?: CreateMockProviderOptions) => Promise<OAuthMockProvider>;
}

/**
 * A vitest `test` with the `oauth` and `mockProvider` fixtures: a fresh provider per test,
 * the profile chosen per file (here) or per test (`mockProvider({ profile })`).
 */
export function createOAuthTest(options: OAuthTestOptions = {}) {
  const { msw, profile, ...rest } = options;
  const make = async (o: CreateMockProviderOptions): Promise<OAuthMockProvider> => {
    const provider = createMockProvider(o);
    if (msw) {
      const { oauthHandlers } = await import('./msw.js');
      msw.use(...(oauthHandlers(provider) as never[]));
    }
    return provider;
  };
  return base.extend<OAuthFixtures>({
    // eslint-disable-next-line no-empty-pattern
    oauth: async ({}, use) => {
      await use(await make({ ...rest, profile: profile ?? 'rfc-strict' }));
    },
    // eslint-disable-next-line no-empty-pattern
    mockProvider: async ({}, use) => {
      await use((o = {}) => make({ ...rest, ...o }));
    },
  });
}

/** {@link createOAuthTest} with the defaults: `rfc-strict`, no msw server. */
export const oauthTest = createOAuthTest();
