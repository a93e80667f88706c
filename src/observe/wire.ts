/**
 * Reading facts off recorded HTTP traffic: where the client put its credentials,
 * which parameters it sent, what OAuth error came back. Shared by expectations,
 * diagnoses and client verdicts; works on any traffic, mock or live.
 */

export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
  body?: string | undefined;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body?: string | undefined;
}

export type Placement = 'basic' | 'body' | 'query' | 'none' | 'multiple';

function header(h: Record<string, string | undefined>, name: string): string | undefined {
  return h[name] ?? Object.entries(h).find(([k]) => k.toLowerCase() === name)?.[1];
}

/** Form parameters of the body (when form-encoded) merged after the query parameters. */
export function requestParams(req: WireRequest): URLSearchParams {
  const out = new URLSearchParams(new URL(req.url).search);
  const type = header(req.headers, 'content-type') ?? '';
  if (req.body && (type.includes('x-www-form-urlencoded') || type === '')) for (const [k, v] of new URLSearchParams(req.body)) out.append(k, v);
  return out;
}

/** Where the client put its client secret (RFC 6749 §2.3.1). */
export function credentialPlacement(req: WireRequest): Placement {
  const found: Placement[] = [];
  if (/^basic /i.test(header(req.headers, 'authorization') ?? '')) found.push('basic');
  const type = header(req.headers, 'content-type') ?? '';
  if (req.body && type.includes('x-www-form-urlencoded') && new URLSearchParams(req.body).has('client_secret')) found.push('body');
  if (new URL(req.url).searchParams.has('client_secret')) found.push('query');
  return found.length === 0 ? 'none' : found.length === 1 ? found[0]! : 'multiple';
}

/** Decodes a Basic header into its raw id and secret parts (before any form-decoding). */
export function basicParts(req: WireRequest): { id: string; secret: string } | undefined {
  const h = header(req.headers, 'authorization');
  if (!h || !/^basic /i.test(h)) return undefined;
  const text = Buffer.from(h.slice(6).trim(), 'base64').toString('utf8');
  const i = text.indexOf(':');
  return i < 0 ? undefined : { id: text.slice(0, i), secret: text.slice(i + 1) };
}

/** Parses a response body as JSON, a form, or nothing. */
export function responseFields(res: WireResponse): Record<string, unknown> | undefined {
  const body = res.body ?? '';
  const type = header(res.headers, 'content-type') ?? '';
  if (type.includes('json') || /^\s*[{[]/.test(body)) {
    try {
      const v = JSON.parse(body);
      return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  if (type.includes('x-www-form-urlencoded') || (type.includes('text/plain') && /^[\w.-]+=/.test(body))) return Object.fromEntries(new URLSearchParams(body));
  return undefined;
}

/** The OAuth error code of a response: body `error` (RFC or Facebook shape), or a Bearer challenge. */
export function oauthErrorCode(res: WireResponse): string | undefined {
  const fields = responseFields(res);
  const e = fields?.error;
  if (typeof e === 'string') return e;
  if (e && typeof e === 'object' && typeof (e as { type?: unknown }).type === 'string') {
    const challenge = /"Facebook Platform" "([^"]+)"/.exec(header(res.headers, 'www-authenticate') ?? '');
    return challenge?.[1] ?? String((e as { type: string }).type);
  }
  return /error="([^"]+)"/.exec(header(res.headers, 'www-authenticate') ?? '')?.[1];
}

/** Lower-cased header lookup. */
export function getHeader(h: Record<string, string | undefined>, name: string): string | undefined {
  return header(h, name.toLowerCase());
}
