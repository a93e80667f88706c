/**
 * `oauth-harness/msw`: mock providers as msw request handlers for your own
 * `setupServer(...)` or `setupWorker(...)`. Nothing is started here: the handlers live
 * beside your other handlers and under your `onUnhandledRequest` choice.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { createMockProvider } from 'oauth-harness';
 * import { oauthHandlers } from 'oauth-harness/msw';
 *
 * const google = createMockProvider({ profile: 'google-like' });
 * const server = setupServer(...oauthHandlers(google), ...myApiHandlers);
 * server.listen({ onUnhandledRequest: 'error' });
 * @see https://mswjs.io/docs/api/setup-server
 * @packageDocumentation
 */
import type { HttpHandler } from 'msw';
import type { OAuthMockProvider } from './api/mock-provider.js';
import { mswHandlers } from '../mocks/transports/msw.js';

/**
 * msw handlers answering requests under each provider's issuer, and only those: a
 * request to another origin, or to the same origin outside the issuer, falls through
 * to your other handlers.
 */
export function oauthHandlers(providers: OAuthMockProvider | readonly OAuthMockProvider[]): HttpHandler[] {
  return mswHandlers(Array.isArray(providers) ? (providers as readonly OAuthMockProvider[]) : [providers as OAuthMockProvider]);
}
