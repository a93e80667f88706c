/**
 * msw transport: the mock provider as msw request handlers, for a user's own
 * `setupServer(...)` (Node) or `setupWorker(...)` (browser). The handlers are plain
 * values: this module starts nothing, so the user's other handlers and their
 * `onUnhandledRequest` choice stay in charge of every request that is not addressed to
 * one of the given issuers.
 *
 * @example
 * const provider = createMockProvider({ profile: 'google-like' });
 * const server = setupServer(...oauthHandlers(provider), ...myApiHandlers);
 * server.listen({ onUnhandledRequest: 'error' });
 * @see https://mswjs.io/docs/api/setup-server
 */
import { http, type HttpHandler } from 'msw';
import type { HandlesIssuer } from './fetch-adapter.js';

/**
 * msw handlers answering requests under each provider's issuer, one handler per issuer
 * (the longest issuer first, so `…/a/b` wins over `…/a`). A handler matches only URLs
 * under its issuer: every other request, on any origin, stays unmatched and goes to the
 * user's other handlers or their `onUnhandledRequest`.
 */
export function mswHandlers(providers: readonly HandlesIssuer[]): HttpHandler[] {
  return [...providers]
    .sort((a, b) => b.issuer.length - a.issuer.length)
    .map((p) => http.all(new RegExp(`^${p.issuer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[/?#]|$)`), ({ request }) => p.handle(request)));
}
