/**
 * Standalone transport: the same provider core on a node:http server, several issuers
 * at once (`http://127.0.0.1:PORT/<profile>/…`). Binds 127.0.0.1 unless told otherwise.
 *
 * Requests are read straight into the core's request form, without building Fetch
 * objects: see docs/decisions/001-provider-core-http.md.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderRequest, ProviderResponse } from '../provider/http.js';
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

function readBody(req: IncomingMessage): Promise<string> {
  if (req.method === 'GET' || req.method === 'HEAD') return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, r: ProviderResponse): void {
  res.writeHead(r.status, r.headers);
  res.end(r.body);
}

const NOT_FOUND: ProviderResponse = { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'no issuer is mounted at this path\n' };

/** Starts the server on `host:port` (port 0 = any free port). */
export async function startNodeHttpServer(options: { port?: number; host?: string } = {}): Promise<NodeHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const mounts = new Map<string, { prefix: string; handle: Mountable }>();

  const server = createServer(async (req, res) => {
    try {
      const raw = req.url ?? '/';
      const q = raw.indexOf('?');
      const pathname = q < 0 ? raw : raw.slice(0, q);
      let segment = pathname.split('/', 2)[1] ?? '';
      let rest = pathname.slice(segment.length + 1) || '/';
      // RFC 8414 §3: /.well-known/oauth-authorization-server/<issuer path>
      const wk = /^\/\.well-known\/(oauth-authorization-server|openid-configuration)\/([^/]+)$/.exec(pathname);
      if (wk) {
        segment = wk[2]!;
        rest = `/.well-known/${wk[1]}`;
      }
      const mount = mounts.get(segment);
      if (!mount) return send(res, NOT_FOUND);
      const body = await readBody(req);
      const headers = req.headers as Record<string, string | undefined>;
      const preq: ProviderRequest = {
        method: req.method ?? 'GET',
        url: `${origin}${raw}`,
        path: rest,
        query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)),
        headers,
        body,
        remoteAddress: req.socket.remoteAddress ?? '127.0.0.1',
      };
      send(res, await mount.handle(preq));
    } catch (err) {
      send(res, { status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: 'server_error', error_description: (err as Error).message }) });
    }
  });
  server.keepAliveTimeout = 65_000;
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
