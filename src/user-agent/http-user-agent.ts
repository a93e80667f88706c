/**
 * The harness's browser over plain HTTP: one cookie jar, requests sent through a
 * transport (verify's probe, which records and redacts; or a `fetch`, which the runner's
 * recorder wraps), and redirects followed as a browser follows them (RFC 9110 §15.4:
 * 301, 302 and 303 become a GET without a body, 307 and 308 keep the method and body)
 * while they stay where the caller allows. Login strategies (`form-login.ts`,
 * `playwright-login.ts`, a server's own in its folder) drive it; so does the web
 * client driver.
 */
import type { Exchange } from '../results/model.js';
import { CookieJar } from './cookie-jar.js';

/** One request as the user agent sends it. */
export interface UaRequest {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  /** Raw body (the caller sets `content-type`). */
  body?: string;
  /** JSON body (`application/json`). */
  json?: unknown;
  /** Logical endpoint name recorded with the exchange (`authorize`, `login`, …). */
  endpoint?: string;
  from?: Exchange['from'];
}

/** A response as the user agent reads it (verify's `ProbeResponse` has this shape). */
export interface UaResponse {
  url: string;
  status: number;
  headers: Headers;
  /** `Set-Cookie` values, one per cookie. */
  setCookies: string[];
  text: string;
  /** `Location` resolved against the request URL. */
  location?: string;
  /** `Location` exactly as sent. */
  rawLocation?: string;
}

/** Where the user agent's requests go; redirects are never followed by the transport. */
export interface UaTransport<R extends UaResponse = UaResponse> {
  send(req: UaRequest): Promise<R>;
  /** Records an exchange the transport did not send itself (the browser's, in `playwright-login.ts`). */
  record?(exchange: Omit<Exchange, 'seq'>): void;
}

/** A transport over a `fetch` (the runner's recording fetch, or the global one). */
export function fetchTransport(fetchFn: typeof fetch = fetch): UaTransport {
  return {
    async send(req) {
      const headers = { ...req.headers, ...(req.json !== undefined ? { 'content-type': 'application/json' } : {}) };
      const body = req.json !== undefined ? JSON.stringify(req.json) : req.body;
      const res = await fetchFn(req.url, { method: req.method ?? 'GET', headers, redirect: 'manual', ...(body !== undefined ? { body } : {}) });
      const raw = res.headers.get('location') ?? undefined;
      const location = raw === undefined ? undefined : resolveUrl(raw, req.url);
      const text = await res.text();
      return { url: req.url, status: res.status, headers: res.headers, setCookies: res.headers.getSetCookie(), text, ...(raw !== undefined ? { location: location!, rawLocation: raw } : {}) };
    },
  };
}

function resolveUrl(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

/** Is the response a redirect the browser would follow? */
export function isRedirect<R extends UaResponse>(res: R): res is R & { location: string } {
  return res.status >= 300 && res.status < 400 && res.location !== undefined;
}

/** Where a redirect-following walk ended. */
export interface FollowResult<R extends UaResponse = UaResponse> {
  /** The last response: a page, or the redirect that would leave (`left`). */
  res: R;
  /** Every response, in order. */
  hops: R[];
  /** The request that got `res`. */
  url: string;
  method: string;
  /** The redirect's target, when `stay` refused it. */
  left?: string;
  /** Redirects that answered a POST, in order (RFC 9110 §15.4: 303 turns it into a GET, 307 keeps it a POST). */
  postRedirects: Array<{ url: string; status: number }>;
}

export class HttpUserAgent<R extends UaResponse = UaResponse> {
  readonly jar = new CookieJar();

  /**
   * @param transport where requests go
   * @param headers sent with every request (`accept`, `x-forwarded-for`), under the request's own
   */
  constructor(
    private readonly transport: UaTransport<R>,
    private readonly headers: Record<string, string> = {},
  ) {}

  /**
   * One request with the jar's cookies (with `crossSite`, only those a browser sends on a
   * cross-site request); the response's cookies are stored.
   */
  async send(req: UaRequest & { crossSite?: boolean }): Promise<R> {
    const { crossSite, ...rest } = req;
    const cookie = this.jar.header(req.url, { crossSite: crossSite ?? false });
    const form = req.body !== undefined && !Object.keys(req.headers ?? {}).some((k) => k.toLowerCase() === 'content-type');
    const res = await this.transport.send({
      ...rest,
      headers: { ...this.headers, ...(cookie ? { cookie } : {}), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...req.headers },
    });
    this.jar.store(req.url, res.setCookies);
    return res;
  }

  /**
   * Sends `req` and follows its redirects while `stay(url)` allows, at most `maxRequests`
   * requests in all; ends on the first response that is not a redirect, or on a redirect
   * `stay` refuses (`left`).
   */
  async follow(req: UaRequest & { crossSite?: boolean }, o: { stay: (url: string) => boolean; maxRequests?: number; redirectEndpoint?: string }): Promise<FollowResult<R>> {
    let next: UaRequest & { crossSite?: boolean } = req;
    const postRedirects: FollowResult['postRedirects'] = [];
    const hops: R[] = [];
    for (let n = 1; ; n++) {
      const method = next.method ?? 'GET';
      const res = await this.send(next);
      hops.push(res);
      if (!isRedirect(res)) return { res, hops, url: next.url, method, postRedirects };
      if (method === 'POST') postRedirects.push({ url: next.url, status: res.status });
      if (!o.stay(res.location)) return { res, hops, url: next.url, method, left: res.location, postRedirects };
      if (n >= (o.maxRequests ?? 20)) return { res, hops, url: next.url, method, postRedirects };
      // the request's own headers (cross-site markers, accept) are not carried over
      const keep = res.status === 307 || res.status === 308;
      next = {
        url: res.location,
        ...(keep ? { method, ...(next.body !== undefined ? { body: next.body } : {}), ...(next.json !== undefined ? { json: next.json } : {}) } : {}),
        ...(next.from ? { from: next.from } : {}),
        ...((o.redirectEndpoint ?? next.endpoint) ? { endpoint: (o.redirectEndpoint ?? next.endpoint)! } : {}),
      };
    }
  }
}
