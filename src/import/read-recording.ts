/**
 * Reading a recording for `oauth-harness import`: a HAR 1.2 file or an oauth-harness
 * results.json, bounded in size, with every kind of bad input (unreadable, too large,
 * not JSON, truncated, neither format) reported as one line naming the file.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { HarnessError } from '../errors/harness-error.js';
import type { Exchange } from '../results/model.js';
import { harExchanges, harSchema, looksLikeHar } from './har.js';
import { looksLikeResults, resultsExchanges, resultsSchema } from './results-json.js';

/** Recordings larger than this are refused before they are parsed (a HAR with every page's images can be huge). */
export const MAX_RECORDING_BYTES = 64 * 1024 * 1024;

/** Entries beyond this are refused: a recording of one OAuth flow has tens, not hundreds of thousands. */
export const MAX_ENTRIES = 50_000;

export interface Recording {
  format: 'har' | 'results';
  exchanges: Exchange[];
  /** For results.json: the case the exchanges come from. */
  caseId?: string;
  title?: string;
}

/** Reads at most `max + 1` bytes, so a file that grows while read is still bounded. */
function readBounded(file: string, display: string, max: number): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new HarnessError('FILE_NOT_FOUND', `${display}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new HarnessError('INPUT_INVALID', `${display}: not a file`);
    if (st.size > max) throw new HarnessError('INPUT_INVALID', `${display}: ${mb(st.size)} is more than the ${mb(max)} a recording may have`);
    const buf = Buffer.alloc(Math.min(st.size, max) + 1);
    let n = 0;
    for (;;) {
      const r = readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
      if (n > max) throw new HarnessError('INPUT_INVALID', `${display}: more than the ${mb(max)} a recording may have`);
      if (n === buf.length) break;
    }
    return buf.subarray(0, n).toString('utf8');
  } catch (e) {
    if (e instanceof HarnessError) throw e;
    throw new HarnessError('FILE_NOT_FOUND', `${display}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  } finally {
    closeSync(fd);
  }
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;

/** The first problem of a zod result, as `path: message`. */
function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const i = error.issues[0];
  return i ? `${i.path.map(String).join('.') || '(root)'}: ${i.message}` : 'invalid';
}

/**
 * Reads and parses a recording. Throws {@link HarnessError} (exit 2) for anything that is
 * not a readable HAR or results.json; `caseId` picks the case of a results.json.
 */
export function readRecording(file: string, display = file, o: { caseId?: string; maxBytes?: number } = {}): Recording {
  const text = readBounded(file, display, o.maxBytes ?? MAX_RECORDING_BYTES);
  if (!text.trim()) throw new HarnessError('INPUT_INVALID', `${display}: the file is empty`);
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const why = (e as Error).message.split('\n')[0];
    // cut off mid-way (a download or a copy that stopped): JSON that opens but never closes
    const t = text.trim();
    const truncated = /end of (JSON )?input|Unterminated/i.test(why ?? '') || (/^[{[]/.test(t) && !/[}\]]$/.test(t));
    throw new HarnessError('INPUT_INVALID', `${display}: ${truncated ? 'truncated JSON' : 'not JSON'} (${why}); expected a HAR 1.2 file or an oauth-harness results.json`);
  }
  if (looksLikeHar(data)) {
    const har = harSchema.safeParse(data);
    if (!har.success) throw new HarnessError('INPUT_INVALID', `${display}: not a valid HAR 1.2 file: log.${firstIssue(har.error).replace(/^log\./, '')}`);
    if (har.data.log.entries.length > MAX_ENTRIES) throw new HarnessError('INPUT_INVALID', `${display}: ${har.data.log.entries.length} entries, more than the ${MAX_ENTRIES} a recording may have`);
    return { format: 'har', exchanges: harExchanges(har.data.log.entries) };
  }
  if (looksLikeResults(data)) {
    const r = resultsSchema.safeParse(data);
    if (!r.success) throw new HarnessError('INPUT_INVALID', `${display}: not a valid oauth-harness results.json: ${firstIssue(r.error)}`);
    const picked = resultsExchanges(display, r.data, o.caseId);
    return { format: 'results', exchanges: picked.exchanges, caseId: picked.caseId, title: picked.title };
  }
  throw new HarnessError('INPUT_INVALID', `${display}: neither a HAR 1.2 file (no log.entries) nor an oauth-harness results.json (no tool/cases)`);
}
