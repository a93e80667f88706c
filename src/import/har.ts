/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/, the W3C Web Performance
 * draft) as browsers' devtools ("Save all as HAR"), Playwright's `recordHar`, mitmproxy
 * and Charles write it, read into the result model's {@link Exchange}s.
 *
 * Validation is deliberately lenient: a recording from a tool nobody here wrote has
 * extra members and omits optional ones. What the import needs is a method, a URL, a
 * status, headers and bodies; everything else is ignored.
 */
import { z } from 'zod';
import type { Exchange } from '../results/model.js';

const header = z.object({ name: z.string(), value: z.string().default('') }).loose();

const harEntry = z
  .object({
    startedDateTime: z.string().optional(),
    request: z
      .object({
        method: z.string().min(1),
        url: z.string().min(1),
        headers: z.array(header).default([]),
        postData: z
          .object({
            mimeType: z.string().optional(),
            text: z.string().optional(),
            params: z.array(z.object({ name: z.string(), value: z.string().optional() }).loose()).optional(),
          })
          .loose()
          .optional(),
      })
      .loose(),
    response: z
      .object({
        status: z.number().int(),
        headers: z.array(header).default([]),
        content: z.object({ text: z.string().optional(), encoding: z.string().optional(), mimeType: z.string().optional() }).loose().optional(),
        redirectURL: z.string().optional(),
      })
      .loose(),
  })
  .loose();

/** The part of a HAR document the import reads. */
export const harSchema = z.object({ log: z.object({ version: z.string().optional(), entries: z.array(harEntry) }).loose() }).loose();
export type HarEntry = z.infer<typeof harEntry>;

/** Whether a parsed JSON value looks like a HAR document (has `log.entries`). */
export function looksLikeHar(v: unknown): boolean {
  const log = (v as { log?: { entries?: unknown } } | null)?.log;
  return typeof log === 'object' && log !== null && Array.isArray(log.entries);
}

/** Bodies longer than this are cut for analysis (token responses are small; pages are not needed whole). */
export const MAX_BODY_CHARS = 256 * 1024;

function headersOf(list: { name: string; value: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of list) {
    // HTTP/2 pseudo-headers (`:authority`, `:path`…) are not headers of the request
    if (name.startsWith(':')) continue;
    const key = name.toLowerCase();
    // repeated headers (Set-Cookie, Vary…) are joined as HTTP/1.1 would fold them (RFC 9110 §5.3)
    out[key] = key in out ? `${out[key]}${key === 'set-cookie' ? '\n' : ', '}${value}` : value;
  }
  return out;
}

const cut = (s: string) => (s.length > MAX_BODY_CHARS ? s.slice(0, MAX_BODY_CHARS) : s);

function requestBody(e: HarEntry): string | undefined {
  const p = e.request.postData;
  if (!p) return undefined;
  if (p.text !== undefined) return cut(p.text);
  // some tools give only the parsed form parameters
  if (p.params?.length) return cut(new URLSearchParams(p.params.map((x) => [x.name, x.value ?? ''])).toString());
  return undefined;
}

function responseBody(e: HarEntry): string | undefined {
  const c = e.response.content;
  if (c?.text === undefined || c.text === '') return undefined;
  if (c.encoding === 'base64') {
    const bytes = Buffer.from(c.text.slice(0, Math.ceil((MAX_BODY_CHARS * 4) / 3)), 'base64');
    return bytes.toString('utf8');
  }
  return cut(c.text);
}

/**
 * The entries as exchanges, in the order they started (HAR 1.2 §entries: "sorted by
 * startedDateTime"; not every tool sorts them). `at` is milliseconds since the first one.
 * `from`, `to` and `endpoint` are left for {@link recognise} to fill.
 */
export function harExchanges(entries: HarEntry[]): Exchange[] {
  const time = (e: HarEntry) => {
    const t = e.startedDateTime ? Date.parse(e.startedDateTime) : Number.NaN;
    return Number.isFinite(t) ? t : undefined;
  };
  const indexed = entries.map((e, i) => ({ e, i, t: time(e) }));
  indexed.sort((a, b) => (a.t !== undefined && b.t !== undefined && a.t !== b.t ? a.t - b.t : a.i - b.i));
  const t0 = indexed.find((x) => x.t !== undefined)?.t;
  return indexed.map(({ e, t }, n) => {
    const reqBody = requestBody(e);
    const resBody = responseBody(e);
    const resHeaders = headersOf(e.response.headers);
    // some tools keep the redirect target only in `redirectURL`
    if (e.response.redirectURL && !resHeaders['location']) resHeaders['location'] = e.response.redirectURL;
    return {
      seq: n + 1,
      from: 'client',
      to: 'other',
      request: { method: e.request.method.toUpperCase(), url: e.request.url, headers: headersOf(e.request.headers), ...(reqBody !== undefined ? { body: reqBody } : {}) },
      response: { status: e.response.status, headers: resHeaders, ...(resBody !== undefined ? { body: resBody } : {}) },
      ...(t !== undefined && t0 !== undefined ? { at: t - t0 } : {}),
    } satisfies Exchange;
  });
}
