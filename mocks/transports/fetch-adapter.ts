/**
 * Fetch API ⇄ provider core: how msw (and anything else holding a `Request`) talks to
 * the mock. `Request` in, `Response` out.
 */
import type { ProviderRequest, ProviderResponse } from '../provider/http.js';
import type { MockProvider } from '../provider/provider.js';

/** Reads a Fetch `Request` into the core's request form. */
export async function fromFetchRequest(request: Request, issuer: string, remoteAddress = '127.0.0.1'): Promise<ProviderRequest> {
  const url = new URL(request.url);
  const base = new URL(issuer).pathname.replace(/\/+$/, '');
  const headers: Record<string, string> = {};
  request.headers.forEach((v, k) => (headers[k] = v));
  const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  return { method: request.method, url: request.url, path: url.pathname.slice(base.length) || '/', query: url.searchParams, headers, body, remoteAddress };
}

/** Writes the core's response as a Fetch `Response`. */
export function toFetchResponse(res: ProviderResponse): Response {
  const nullBody = res.status === 204 || res.status === 304 || (res.status >= 300 && res.status < 400 && res.body === '');
  return new Response(nullBody ? null : res.body, { status: res.status, headers: res.headers });
}

/** A Fetch-API handler for one provider: `(Request) => Promise<Response>`. */
export function fetchHandler(provider: MockProvider): (request: Request) => Promise<Response> {
  return async (request) => toFetchResponse(await provider.handle(await fromFetchRequest(request, provider.issuer)));
}

/** Anything that answers Fetch requests for one issuer: a core provider, or the public API's wrapper. */
export interface HandlesIssuer {
  readonly issuer: string;
  handle(request: Request): Promise<Response>;
}

/** The core provider as a {@link HandlesIssuer}. */
export function fetchIssuer(provider: MockProvider): HandlesIssuer {
  return { issuer: provider.issuer, handle: fetchHandler(provider) };
}
