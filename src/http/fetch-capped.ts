/**
 * Outgoing HTTP with limits, for every part of the harness that talks to a server it does
 * not control (verify's probe, fingerprint through it, targets' discovery): a time limit
 * on the whole exchange (`AbortSignal.timeout`) and a cap on the bytes read of a body, so
 * a hanging or flooding server ends the request instead of the run.
 */

/** The limits of one request. */
export interface HttpLimits {
  /** No complete answer within this many milliseconds aborts the request. */
  timeoutMs: number;
  /** At most this many bytes of the body are read. */
  maxBytes: number;
}

/** Is `e` the abort of a request's time limit? */
export function isTimeout(e: unknown): boolean {
  return e instanceof Error && (e.name === 'TimeoutError' || (e.name === 'AbortError' && /timeout/i.test(e.message)));
}

/** Sends a request that is aborted after `timeoutMs` (the body read included). */
export function fetchWithin(url: string, init: RequestInit, timeoutMs: number, fetchFn: typeof fetch = fetch): Promise<Response> {
  return fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

/** Reads at most `limit` bytes of a body; `undefined` when it is larger (the rest is not read). */
export async function readCapped(res: Response, limit: number): Promise<string | undefined> {
  if (!res.body) return '';
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await res.body.cancel().catch(() => {});
    return undefined;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** One request within `limits`: the response and its body text (`undefined` when larger than `maxBytes`). */
export async function fetchCapped(url: string, init: RequestInit, limits: HttpLimits, fetchFn: typeof fetch = fetch): Promise<{ response: Response; text: string | undefined }> {
  const response = await fetchWithin(url, init, limits.timeoutMs, fetchFn);
  return { response, text: await readCapped(response, limits.maxBytes) };
}

/** `1048576` → `1 MiB`. */
export function formatBytes(n: number): string {
  if (n >= 1_048_576 && n % 1_048_576 === 0) return `${n / 1_048_576} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/** The most any part of the harness reads of one response body. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1_048_576;
