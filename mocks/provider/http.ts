/**
 * The provider core's own request and response: the least a transport must supply.
 * msw hands the core a Fetch `Request`; node:http hands it an `IncomingMessage`. Both
 * are turned into a `ProviderRequest` by a thin adapter, so the core never pays for
 * building Fetch objects it does not need (see docs/decisions/001-provider-core-http.md).
 */

export interface ProviderRequest {
  method: string;
  /** Full URL as the client addressed it. */
  url: string;
  /** Path relative to the issuer (always starts with `/`). */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  /** Raw body text ('' when none). */
  body: string;
  /** Network peer address (transport-supplied). */
  remoteAddress: string;
}

export interface ProviderResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A JSON response with the given status and headers. */
export function json(status: number, value: unknown, headers?: Record<string, string>): ProviderResponse {
  // One headers object per response (callers may add to it), no spread of a default `{}`.
  const h: Record<string, string> = { 'content-type': 'application/json' };
  if (headers) Object.assign(h, headers);
  return { status, headers: h, body: JSON.stringify(value) };
}

/** An HTML page (login, consent, error pages). */
export function html(status: number, page: string, headers: Record<string, string> = {}): ProviderResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: page };
}

/** A 302 redirect. */
export function redirect(location: string): ProviderResponse {
  return { status: 302, headers: { location, 'cache-control': 'no-store' }, body: '' };
}

/** Parses an `application/x-www-form-urlencoded` body; repeated names are kept. */
export function formBody(req: ProviderRequest): URLSearchParams {
  return new URLSearchParams(req.body);
}

/** Whether the request body is declared `application/x-www-form-urlencoded` (RFC 6749 §3.2, RFC 7009 §2.1, RFC 7662 §2.1). */
export function isFormRequest(req: ProviderRequest): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/** The first parameter name that appears more than once (RFC 6749 §3.1, §3.2: parameters MUST NOT be repeated). */
export function repeatedParam(params: URLSearchParams): string | undefined {
  const seen = new Set<string>();
  for (const k of params.keys()) {
    if (seen.has(k)) return k;
    seen.add(k);
  }
  return undefined;
}
