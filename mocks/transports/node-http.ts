/**
 * Standalone transport: the same provider core on a node:http server, several issuers
 * at once (`http://127.0.0.1:PORT/<profile>/…`). Binds 127.0.0.1 unless told otherwise.
 *
 * Requests are read straight into the core's request form, without building Fetch
 * objects: see docs/decisions/001-provider-core-http.md.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { json, type ProviderRequest, type ProviderResponse } from '../provider/http.js';
import type { MockProvider } from '../provider/provider.js';

/** Something that answers requests under a path prefix (a provider, or the admin API). */
export type Mountable = (req: ProviderRequest) => Promise<ProviderResponse> | ProviderResponse;

export interface NodeHttpServer {
  server: Server;
  port: number;
  host: string;
  origin: string;
  /** Mounts a provider at its issuer's path (the first path segment). */
  mount(provider: MockProvider): void;
  /** Mounts a handler at `/<segment>` (e.g. the admin API at `/_admin`). */
  mountPath(segment: string, handler: Mountable): void;
  close(): Promise<void>;
}

/** Default for `maxBody`: the largest request body read (1 MiB). */
export const DEFAULT_MAX_BODY = 1024 * 1024;

/**
 * Reads the request body, then calls `done` once, or `fail` once on a stream error
 * before the end, or `tooLarge` once when the body passes `max` bytes (what arrived is
 * dropped, nothing more is kept). Listeners rather than a Promise: this runs on every
 * request.
 */
function readBody(req: IncomingMessage, max: number, done: (body: string) => void, fail: (err: Error) => void, tooLarge: () => void): void {
  let first: Buffer | undefined;
  let all: Buffer[] | undefined;
  let size = 0;
  let ended = false;
  req.on('data', (c: Buffer) => {
    if (ended) return;
    size += c.length;
    if (size > max) {
      ended = true;
      first = all = undefined;
      return tooLarge();
    }
    if (first === undefined) first = c;
    else (all ??= [first]).push(c);
  });
  req.on('end', () => {
    if (ended) return;
    ended = true;
    done(all ? Buffer.concat(all).toString('utf8') : first ? first.toString('utf8') : '');
  });
  req.on('error', (err) => {
    if (!ended) fail(err);
  });
}

/**
 * Writes a response with its Content-Length. Without one, `writeHead()` then
 * `end(body)` sends the body chunked: chunk size, body, CRLF and the last chunk, four
 * writes where one does. 1xx, 204 and 304 carry no body and no length (RFC 9110 §8.6).
 */
function send(res: ServerResponse, r: ProviderResponse): void {
  if (r.status < 200 || r.status === 204 || r.status === 304) {
    res.writeHead(r.status, r.headers);
    res.end(r.body);
    return;
  }
  // A copy: the response object is also the recorded exchange's, which holds the provider's headers only.
  // (Object.assign then one property: about five times cheaper here than a spread with it.)
  const headers: Record<string, string> = Object.assign({}, r.headers);
  headers['content-length'] = String(Buffer.byteLength(r.body));
  res.writeHead(r.status, headers);
  res.end(r.body);
}

const NOT_FOUND: ProviderResponse = { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'no issuer is mounted at this path\n' };

/** 413 with an RFC 6749 §5.2-shaped JSON error. */
function tooLarge(max: number): ProviderResponse {
  return json(413, { error: 'invalid_request', error_description: `the request body is larger than ${max} bytes (serve --max-body)` });
}

/** How much of a refused body is still read and dropped, and for how long, so the client can finish sending and read the 413. */
const DRAIN_BYTES = 64 * 1024 * 1024;
const DRAIN_MS = 10_000;

/**
 * Answers a request whose body is too large. The rest of the body is read and dropped
 * (nothing is kept), so a client still sending is not reset before it reads the 413
 * (closing a socket with unread data sends a TCP reset), and the connection can carry
 * the next request. Past {@link DRAIN_BYTES} or {@link DRAIN_MS} the socket is destroyed.
 */
function refuseBody(req: IncomingMessage, res: ServerResponse, max: number): void {
  if (res.headersSent) return;
  send(res, tooLarge(max));
  let drained = 0;
  const timer = setTimeout(() => req.socket.destroy(), DRAIN_MS).unref();
  req.on('data', (c: Buffer) => {
    drained += c.length;
    if (drained > DRAIN_BYTES) req.socket.destroy();
  });
  req.once('end', () => clearTimeout(timer));
  req.socket.once('close', () => clearTimeout(timer));
  req.resume();
}

/** An absolute-form request target (`POST http://127.0.0.1:8900/rfc-strict/token`, RFC 9112 §3.2.2) in origin form. */
function originForm(raw: string): string {
  if (raw.charCodeAt(0) === 47 /* / */) return raw;
  const m = /^https?:\/\/[^/?#]*([^#]*)/i.exec(raw);
  if (!m) return raw;
  const rest = m[1] ?? '';
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** A request node:http cannot parse (bad request line, header overflow): a JSON 400 or 431, then close. */
function clientErrorAnswer(err: NodeJS.ErrnoException): string {
  const [status, description] =
    err.code === 'HPE_HEADER_OVERFLOW' ? ['431 Request Header Fields Too Large', 'the request headers are too large'] : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? ['408 Request Timeout', 'the request took too long to arrive'] : ['400 Bad Request', 'the request is not valid HTTP/1.1'];
  const body = JSON.stringify({ error: 'invalid_request', error_description: description });
  return `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
}

/** A fault in a handler (or in writing its answer) as a 500 `server_error`. */
function sendFault(res: ServerResponse, err: unknown): void {
  send(res, json(500, { error: 'server_error', error_description: (err as Error).message }));
}

/** Hands the request to its handler and writes the answer, or a 500 when either throws. */
function answer(res: ServerResponse, mount: { handle: Mountable }, preq: ProviderRequest): void {
  let out: Promise<ProviderResponse> | ProviderResponse;
  try {
    out = mount.handle(preq);
  } catch (err) {
    sendFault(res, err);
    return;
  }
  if (!(out instanceof Promise)) return writeAnswer(res, out);
  out.then(
    (r) => writeAnswer(res, r),
    (err: unknown) => sendFault(res, err),
  );
}

function writeAnswer(res: ServerResponse, r: ProviderResponse): void {
  try {
    send(res, r);
  } catch (err) {
    sendFault(res, err);
  }
}

const WELL_KNOWN = /^\/\.well-known\/(oauth-authorization-server|openid-configuration)\/([^/]+)$/;

export interface NodeHttpServerOptions {
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The largest request body read, in bytes; a larger one is answered 413 (default 1 MiB). */
  maxBody?: number;
}

/** Starts the server on `host:port` (port 0 = any free port). */
export async function startNodeHttpServer(options: NodeHttpServerOptions = {}): Promise<NodeHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBody = options.maxBody ?? DEFAULT_MAX_BODY;
  const mounts = new Map<string, { prefix: string; handle: Mountable }>();

  // Per request: no async function or Promise until the handler's own (see readBody, answer).
  const server = createServer((req, res) => {
    try {
      const raw = originForm(req.url ?? '/');
      const q = raw.indexOf('?');
      const pathname = q < 0 ? raw : raw.slice(0, q);
      // The first path segment (`pathname.split('/', 2)[1] ?? ''`, without the array).
      const s1 = pathname.indexOf('/');
      const s2 = s1 < 0 ? -1 : pathname.indexOf('/', s1 + 1);
      let segment = s1 < 0 ? '' : s2 < 0 ? pathname.slice(s1 + 1) : pathname.slice(s1 + 1, s2);
      let rest = pathname.slice(segment.length + 1) || '/';
      // RFC 8414 §3: /.well-known/oauth-authorization-server/<issuer path>
      const wk = pathname.startsWith('/.well-known/') ? WELL_KNOWN.exec(pathname) : null;
      if (wk) {
        segment = wk[2]!;
        rest = `/.well-known/${wk[1]}`;
      }
      const mount = mounts.get(segment);
      if (!mount) return send(res, NOT_FOUND);
      const dispatch = (body: string) =>
        answer(res, mount, {
          method: req.method ?? 'GET',
          url: `${origin}${raw}`,
          path: rest,
          query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)),
          headers: req.headers as Record<string, string | undefined>,
          body,
          remoteAddress: req.socket.remoteAddress ?? '127.0.0.1',
        });
      if (req.method === 'GET' || req.method === 'HEAD') dispatch('');
      else if (Number(req.headers['content-length'] ?? 0) > maxBody) refuseBody(req, res, maxBody);
      else readBody(req, maxBody, dispatch, (err) => sendFault(res, err), () => refuseBody(req, res, maxBody));
    } catch (err) {
      sendFault(res, err);
    }
  });
  server.keepAliveTimeout = 65_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    // As node's own handler: answer only when nothing of a response was written yet.
    const current = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code !== 'ECONNRESET' && socket.writable && !current?.headersSent) socket.end(clientErrorAnswer(err));
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    server,
    port,
    host,
    origin,
    mount(provider) {
      const segment = new URL(provider.issuer).pathname.split('/')[1] ?? '';
      mounts.set(segment, { prefix: `/${segment}`, handle: (r) => provider.handle(r) });
    },
    mountPath(segment, handle) {
      mounts.set(segment, { prefix: `/${segment}`, handle });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
