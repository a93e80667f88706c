/**
 * A sequence diagram of one case's HTTP exchange, as inline SVG (no library, no network):
 * one lifeline per participant (user agent, client, authorization server, API), a solid
 * arrow per request and a dashed one per response, a band per scenario step, and the
 * browser's return to the client drawn from the redirect's `Location`. Every label is
 * escaped and links to the exchange's details below the diagram.
 */
import escapeHtml from 'escape-html';
import type { Exchange } from '../../results/model.js';

type Participant = Exchange['from'] | Exchange['to'];

const ORDER: Participant[] = ['user-agent', 'harness', 'client', 'authorization-server', 'resource-server', 'other'];
const LABEL: Record<Participant, [string, string]> = {
  'user-agent': ['User agent', 'browser'],
  harness: ['Harness', 'test driver'],
  client: ['Client', 'integration'],
  'authorization-server': ['Authorization', 'server'],
  'resource-server': ['API', 'resource server'],
  other: ['Other', ''],
};

export interface DiagramOptions {
  /** Prefix for element ids and links (unique per case on the page). */
  idPrefix: string;
  /** Exchange sequence numbers to highlight (a diagnosis's evidence). */
  highlight?: ReadonlySet<number>;
  /** Draw at most this many exchanges. */
  limit?: number;
}

const COL = 196;
const GUTTER = 38;
const MARGIN = 16;
/** Average width of a label character at 11.5px, for fitting labels between lifelines. */
const CHAR = 6.3;
const HEAD = 58;
const ROW = 26;
const BAND = 24;

function pathAndQuery(url: string): string {
  try {
    const u = new URL(url);
    const q = [...u.searchParams.keys()];
    return `${u.pathname}${q.length ? `?${q.slice(0, 3).join('&')}${q.length > 3 ? '…' : ''}` : ''}`;
  } catch {
    return url;
  }
}

/** `s` in at most `max` characters, cut after a whole word (never inside one), with `…`. */
function short(s: string, max: number): string {
  if (s.length <= max) return s;
  const words = s.split(' ');
  let out = words[0]!;
  for (const w of words.slice(1)) {
    if (`${out} ${w}`.length + 1 > max) break;
    out = `${out} ${w}`;
  }
  return `${out}…`;
}

const isWellKnown = (e: Exchange) => /\/\.well-known\/(openid-configuration|oauth-authorization-server)\b/.test(e.request.url);

/**
 * Discovery requests that found nothing where a later one found the metadata: a client
 * tries OpenID Connect Discovery, gets 404, and reads RFC 8414 metadata next (or the other
 * way round). That 404 is the expected path, not an error, and is drawn as such.
 */
export function discoveryFallbacks(exchanges: readonly Exchange[]): Set<number> {
  const out = new Set<number>();
  exchanges.forEach((e, i) => {
    if (e.request.method === 'GET' && e.response.status === 404 && isWellKnown(e) && exchanges.slice(i + 1).some((n) => isWellKnown(n) && n.response.status >= 200 && n.response.status < 300)) out.add(e.seq);
  });
  return out;
}

function header(h: Record<string, string>, name: string): string | undefined {
  return Object.entries(h).find(([k]) => k.toLowerCase() === name)?.[1];
}

/** `401 invalid_client`, `302 → callback (code)`, `200 JSON`. */
export function responseLabel(e: Exchange): string {
  const res = e.response;
  let error: string | undefined;
  try {
    const v = JSON.parse(res.body ?? '') as { error?: unknown };
    if (typeof v.error === 'string') error = v.error;
    else if (v.error && typeof v.error === 'object') error = String((v.error as { type?: unknown; code?: unknown }).type ?? (v.error as { code?: unknown }).code ?? '');
  } catch {
    const m = /(?:^|&)error=([^&]+)/.exec(res.body ?? '');
    if (m) error = decodeURIComponent(m[1]!);
  }
  const challenge = header(res.headers, 'www-authenticate');
  error ??= challenge ? /error="([^"]+)"/.exec(challenge)?.[1] : undefined;
  const location = header(res.headers, 'location');
  if (res.status >= 300 && res.status < 400 && location) {
    try {
      const u = new URL(location, e.request.url);
      const what = u.searchParams.get('error') ?? (u.searchParams.has('code') ? 'code' : undefined);
      return `${res.status} redirect${what ? ` (${what})` : ''}`;
    } catch {
      return `${res.status} redirect`;
    }
  }
  const type = header(res.headers, 'content-type') ?? '';
  const kind = /json/.test(type) ? 'JSON' : /html/.test(type) ? 'HTML page' : /x-www-form-urlencoded/.test(type) ? 'form' : type ? type.split(';')[0] : res.body ? 'text' : 'empty';
  return `${res.status} ${error ?? kind}`;
}

/** Where a redirect sends the browser, when it leaves the provider (back to the client). */
function returnsToClient(e: Exchange): string | undefined {
  const location = header(e.response.headers, 'location');
  if (e.from !== 'user-agent' || !location || e.response.status < 300 || e.response.status >= 400) return undefined;
  try {
    const to = new URL(location, e.request.url);
    return to.origin !== new URL(e.request.url).origin ? `${to.origin}${to.pathname}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `GET …/oauth/token` fitted into `max` characters: the query's names go first, then
 * whole leading path segments (`…/` stands for them); a segment is never cut. When even
 * the last segment is longer than the room, it is shown whole (the label overflows its
 * arrow rather than lose the name of the endpoint).
 */
export function requestLabel(method: string, url: string, max: number): string {
  const full = `${method} ${pathAndQuery(url)}`;
  if (full.length <= max) return full;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    /* keep it */
  }
  if (`${method} ${path}`.length <= max) return `${method} ${path}`;
  const segments = path.split('/').filter(Boolean);
  let tail = segments.at(-1) ?? path;
  for (const s of segments.slice(0, -1).reverse()) {
    if (`${method} …/${s}/${tail}`.length > max) break;
    tail = `${s}/${tail}`;
  }
  return `${method} …/${tail}`;
}

interface Arrow {
  kind: 'request' | 'response' | 'callback';
  from: Participant;
  to: Participant;
  label: string;
  /** For requests: the method and URL, fitted at drawing time. */
  request?: { method: string; url: string };
  title: string;
  seq: number;
  /** `probe`: an expected miss (a discovery URL that is not there, with the metadata found at the next). */
  tone: 'ok' | 'redirect' | 'error' | 'plain' | 'probe';
}

/** Renders the diagram; an empty string when there is nothing to draw. */
export function renderSequenceDiagram(exchanges: Exchange[], o: DiagramOptions): string {
  if (!exchanges.length) return '';
  const limit = o.limit ?? 80;
  const shown = exchanges.slice(0, limit);
  const present = new Set<Participant>();
  for (const e of shown) {
    present.add(e.from);
    present.add(e.to);
    if (returnsToClient(e)) present.add('client');
  }
  const cols = ORDER.filter((p) => present.has(p));
  const x = (p: Participant) => GUTTER + MARGIN + cols.indexOf(p) * COL + COL / 2;
  const width = GUTTER + MARGIN * 2 + cols.length * COL;

  type Row = { band: string } | { arrow: Arrow };
  const rows: Row[] = [];
  const probes = discoveryFallbacks(shown);
  let step: string | undefined;
  for (const e of shown) {
    if (e.step && e.step !== step) {
      step = e.step;
      rows.push({ band: e.step });
    }
    const status = e.response.status;
    const probe = probes.has(e.seq);
    const tone: Arrow['tone'] = probe ? 'probe' : status >= 400 || /\berror\b|invalid_/.test(responseLabel(e)) ? 'error' : status >= 300 ? 'redirect' : 'ok';
    const url = e.request.url;
    rows.push({ arrow: { kind: 'request', from: e.from, to: e.to, seq: e.seq, tone: 'plain', label: '', request: { method: e.request.method, url }, title: `#${e.seq} ${e.request.method} ${url}` } });
    const label = probe ? `${status} not here: tries the next` : responseLabel(e);
    rows.push({ arrow: { kind: 'response', from: e.to, to: e.from, seq: e.seq, tone, label, title: `#${e.seq} HTTP ${status}: ${probe ? 'no metadata at this URL; the client reads it from the next discovery URL (expected)' : responseLabel(e)}` } });
    const back = returnsToClient(e);
    if (back) rows.push({ arrow: { kind: 'callback', from: 'user-agent', to: 'client', seq: e.seq, tone: 'plain', label: `GET ${new URL(back).pathname} (redirect)`, title: `the browser follows the redirect to ${back}` } });
  }

  const height = HEAD + rows.reduce((h, r) => h + ('band' in r ? BAND : ROW), 0) + 20 + (exchanges.length > shown.length ? ROW : 0);
  const id = escapeHtml(o.idPrefix);
  const parts: string[] = [];
  parts.push(`<svg class="seq" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Sequence diagram of ${exchanges.length} HTTP exchange${exchanges.length === 1 ? '' : 's'}">`);
  parts.push(`<defs>${(['plain', 'ok', 'redirect', 'error', 'probe'] as const).map((t) => `<marker id="${id}-arrow-${t}" class="seq-head seq-${t}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>`).join('')}</defs>`);
  // participants and lifelines
  for (const p of cols) {
    const cx = x(p);
    const [name, sub] = LABEL[p];
    parts.push(`<line class="seq-life" x1="${cx}" y1="${HEAD - 8}" x2="${cx}" y2="${height - 8}"/>`);
    parts.push(`<g class="seq-actor seq-actor-${p}"><rect x="${cx - COL / 2 + 10}" y="6" width="${COL - 20}" height="${HEAD - 18}" rx="8"/><text x="${cx}" y="${sub ? 25 : 31}" class="seq-name">${escapeHtml(name)}</text>${sub ? `<text x="${cx}" y="40" class="seq-sub">${escapeHtml(sub)}</text>` : ''}</g>`);
  }
  let y = HEAD;
  for (const r of rows) {
    if ('band' in r) {
      parts.push(`<g class="seq-band"><rect x="${GUTTER}" y="${y + 3}" width="${width - GUTTER - 4}" height="${BAND - 6}" rx="4"/><text x="${GUTTER + 8}" y="${y + BAND / 2 + 4}">${escapeHtml(short(r.band, 90))}</text></g>`);
      y += BAND;
      continue;
    }
    const a = r.arrow;
    const x1 = x(a.from);
    const x2 = x(a.to);
    const yy = y + ROW - 8;
    const hot = o.highlight?.has(a.seq) && a.kind !== 'callback' ? ' seq-hot' : '';
    const dash = a.kind === 'response' ? ' seq-dashed' : a.kind === 'callback' ? ' seq-dotted' : '';
    const mid = (x1 + x2) / 2;
    const fit = Math.max(8, Math.floor((Math.abs(x2 - x1) - 12) / CHAR));
    const num = a.kind === 'request' ? `<text class="seq-num" x="${MARGIN}" y="${yy + 3}">#${a.seq}</text>` : '';
    parts.push(
      `<a href="#${id}-ex-${a.seq}" class="seq-link"><g class="seq-msg seq-${a.tone}${hot}${dash}"><title>${escapeHtml(a.title)}</title>` +
        `<rect class="seq-hit" x="${GUTTER}" y="${y}" width="${width - GUTTER - 4}" height="${ROW}"/>${num}` +
        `<line x1="${x1}" y1="${yy}" x2="${x2 + (x2 > x1 ? -1 : 1)}" y2="${yy}" marker-end="url(#${id}-arrow-${a.kind === 'response' ? a.tone : 'plain'})"/>` +
        `<text x="${mid}" y="${yy - 5}" class="seq-label">${escapeHtml(a.request ? requestLabel(a.request.method, a.request.url, fit) : short(a.label, fit))}</text></g></a>`,
    );
    y += ROW;
  }
  if (exchanges.length > shown.length) parts.push(`<text class="seq-more" x="${width / 2}" y="${y + ROW - 8}">… ${exchanges.length - shown.length} more exchanges, listed below</text>`);
  parts.push('</svg>');
  return parts.join('');
}
