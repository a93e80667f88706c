/**
 * Tiny request/response helpers for the broken AS (node:http, no framework).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Req {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  /** Raw body text. */
  body: string;
  /** Cookies by name. */
  cookies: Record<string, string>;
}

export type Res = ServerResponse;

export async function readReq(req: IncomingMessage, base: string): Promise<Req> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const cookies: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return { method: req.method ?? 'GET', url: new URL(req.url ?? '/', base), headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), cookies };
}

/** Form pairs, decoded per App. B (`+` is space) unless `plusLiteral`. */
export function formPairs(text: string, plusLiteral = false): Array<[string, string]> {
  if (!plusLiteral) return [...new URLSearchParams(text)];
  return text
    .split('&')
    .filter(Boolean)
    .map((p) => {
      const eq = p.indexOf('=');
      const k = eq < 0 ? p : p.slice(0, eq);
      const v = eq < 0 ? '' : p.slice(eq + 1);
      return [decodeURIComponent(k), decodeURIComponent(v)] as [string, string];
    });
}

export function send(res: Res, status: number, body: string, headers: Record<string, string | string[]> = {}): void {
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(body);
}

export function json(res: Res, status: number, value: unknown, headers: Record<string, string | string[]> = {}): void {
  send(res, status, typeof value === 'string' ? value : JSON.stringify(value), { 'content-type': 'application/json', ...headers });
}

export function html(res: Res, status: number, body: string, headers: Record<string, string | string[]> = {}): void {
  send(res, status, `<!DOCTYPE html><html><head><title>broken-as</title></head><body>${body}</body></html>`, {
    'content-type': 'text/html; charset=utf-8',
    ...headers,
  });
}

export function redirect(res: Res, status: number, location: string, headers: Record<string, string | string[]> = {}): void {
  send(res, status, '', { location, ...headers });
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
