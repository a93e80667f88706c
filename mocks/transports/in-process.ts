/**
 * In-process transport: a `fetch` function that hands requests for mounted issuers
 * straight to their provider, without a socket and without patching anything global.
 * The runner's reference client uses it, so `run` and `runScenarios()` never start an
 * msw server in the process they run in (a user's own msw setup stays untouched).
 *
 * Requests to loopback go to the network (a client program's own callback server);
 * anything else is refused like a failed connection: in a conformance run a request
 * nobody expected is a finding, as with msw's `onUnhandledRequest: 'error'`.
 */
import type { MockProvider } from '../provider/provider.js';
import { fetchHandler } from './fetch-adapter.js';

/** Where requests for the mounted issuers go. */
export interface InProcessTransport {
  /** A drop-in `fetch` that reaches the mounted providers (and loopback). */
  fetch: typeof fetch;
  /** Mounts a provider at its issuer; returns the unmount function. */
  mount(provider: MockProvider): () => void;
}

const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//i;
/** Redirects followed for `redirect: 'follow'` (the Fetch standard's limit). */
const MAX_REDIRECTS = 20;

/** True when `url` is the issuer or below it (`issuer/…` or `issuer?…`). */
export function underIssuer(url: string, issuer: string): boolean {
  return url === issuer || url.startsWith(`${issuer}/`) || url.startsWith(`${issuer}?`);
}

/** Creates a transport with no provider mounted. */
export function createInProcessTransport(network: typeof fetch = globalThis.fetch): InProcessTransport {
  const mounted = new Map<string, (request: Request) => Promise<Response>>();
  const find = (url: string) => {
    for (const [issuer, handle] of mounted) if (underIssuer(url, issuer)) return handle;
    return undefined;
  };
  const send = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const handle = find(request.url);
    if (handle) return handle(request);
    if (LOOPBACK.test(request.url)) return network(request);
    throw new TypeError(`fetch failed: no mock provider is mounted at ${new URL(request.url).origin} (in-process transport)`);
  };
  const fetchFn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let res = await send(input, init);
    const mode = init?.redirect ?? (input instanceof Request ? input.redirect : 'follow');
    let url = input instanceof Request ? input.url : String(input);
    for (let hops = 0; mode !== 'manual' && res.status >= 300 && res.status < 400 && res.headers.has('location'); hops++) {
      if (mode === 'error' || hops === MAX_REDIRECTS) throw new TypeError(`fetch failed: redirect from ${url} (${mode === 'error' ? "redirect: 'error'" : 'too many redirects'})`);
      url = new URL(res.headers.get('location')!, url).toString();
      res = await send(url, { method: 'GET', headers: init?.headers ?? {} });
    }
    return res;
  };
  return {
    fetch: fetchFn as typeof fetch,
    mount(provider) {
      mounted.set(provider.issuer, fetchHandler(provider));
      return () => void mounted.delete(provider.issuer);
    },
  };
}
