/**
 * In-process transport: msw answers a client's `fetch` to the mock's `https://` issuer
 * without a socket. Requests no provider claims are errors (`onUnhandledRequest:
 * 'error'`): in a conformance run, an unexpected request is a finding.
 */
import { http, passthrough } from 'msw';
import { setupServer, type SetupServerApi } from 'msw/node';
import type { MockProvider } from '../provider/provider.js';
import { fromFetchRequest, toFetchResponse } from './fetch-adapter.js';

/** Routes requests to whichever providers are mounted, by issuer prefix. */
export interface MswMount {
  server: SetupServerApi;
  /** Mounts a provider; returns the unmount function. */
  mount(provider: MockProvider): () => void;
  close(): void;
}

/** Starts msw interception for the given issuer origins (e.g. `https://oauth-harness.test`). */
export function startMsw(origins: string[]): MswMount {
  const mounted = new Map<string, MockProvider>();
  const find = (url: string) => {
    for (const [issuer, p] of mounted) if (url === issuer || url.startsWith(`${issuer}/`) || url.startsWith(`${issuer}?`)) return p;
    return undefined;
  };
  const handlers = origins.map((origin) =>
    http.all(`${origin}/*`, async ({ request }) => {
      const provider = find(request.url);
      if (!provider) return new Response('no mock provider is mounted at this URL', { status: 404, headers: { 'content-type': 'text/plain' } });
      return toFetchResponse(await provider.handle(await fromFetchRequest(request, provider.issuer)));
    }),
  );
  handlers.push(http.all(/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//, () => passthrough()));
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  return {
    server,
    mount(provider) {
      mounted.set(provider.issuer, provider);
      return () => mounted.delete(provider.issuer);
    },
    close: () => server.close(),
  };
}
