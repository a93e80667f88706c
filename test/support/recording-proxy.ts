/**
 * A small recording HTTP forward proxy for tests: a client program told to use it
 * (`HTTP_PROXY=http://127.0.0.1:PORT`, which Python's requests and everything built on
 * it honour) sends its requests here with absolute URIs (RFC 9112 §3.2.2); each is
 * forwarded as it is, and the exchange kept as a HAR 1.2 entry, the way mitmproxy or
 * Charles record a server-side client. Plain HTTP only (no CONNECT): the harness's
 * servers under test listen on loopback without TLS. Binds 127.0.0.1.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: { method: string; url: string; httpVersion: string; headers: { name: string; value: string }[]; postData?: { mimeType: string; text: string } };
  response: { status: number; statusText: string; httpVersion: string; headers: { name: string; value: string }[]; content: { size: number; mimeType: string; text: string }; redirectURL: string };
}

export interface RecordingProxy {
  /** `http://127.0.0.1:PORT`, for `HTTP_PROXY`. */
  url: string;
  entries: HarEntry[];
  /** The recording as a HAR 1.2 document. */
  har(): { log: { version: '1.2'; creator: { name: string; version: string }; entries: HarEntry[] } };
  close(): Promise<void>;
}

const pairs = (h: IncomingHttpHeaders) => Object.entries(h).flatMap(([name, v]) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((value) => ({ name, value: String(value) })));

/** Headers about the hop to the proxy, not the request (RFC 9110 §7.6.1). */
const HOP = new Set(['proxy-connection', 'proxy-authorization', 'connection', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const entries: HarEntry[] = [];
  const server = createServer((req, res) => {
    const started = new Date();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let target: URL;
      try {
        target = new URL(req.url ?? '');
        if (target.protocol !== 'http:') throw new Error('not http');
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('recording proxy: absolute http:// URIs only\n');
        return;
      }
      const body = Buffer.concat(chunks);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !HOP.has(k)));
      const upstream = httpRequest(target, { method: req.method, headers }, (up) => {
        const got: Buffer[] = [];
        up.on('data', (c: Buffer) => got.push(c));
        up.on('end', () => {
          const text = Buffer.concat(got).toString('utf8');
          const mime = String(up.headers['content-type'] ?? '');
          entries.push({
            startedDateTime: started.toISOString(),
            time: Date.now() - started.getTime(),
            request: {
              method: req.method ?? 'GET',
              url: target.href,
              httpVersion: 'HTTP/1.1',
              headers: pairs(headers),
              ...(body.length ? { postData: { mimeType: String(req.headers['content-type'] ?? ''), text: body.toString('utf8') } } : {}),
            },
            response: { status: up.statusCode ?? 0, statusText: up.statusMessage ?? '', httpVersion: 'HTTP/1.1', headers: pairs(up.headers), content: { size: Buffer.byteLength(text), mimeType: mime, text }, redirectURL: String(up.headers.location ?? '') },
          });
          const out = Object.fromEntries(Object.entries(up.headers).filter(([k]) => !HOP.has(k)));
          res.writeHead(up.statusCode ?? 502, out).end(Buffer.concat(got));
        });
      });
      upstream.on('error', (e) => res.writeHead(502, { 'content-type': 'text/plain' }).end(`recording proxy: ${e.message}\n`));
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    entries,
    har: () => ({ log: { version: '1.2', creator: { name: 'oauth-harness test recording proxy', version: '1' }, entries } }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
