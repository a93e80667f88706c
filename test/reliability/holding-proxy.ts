/**
 * `serve` behind a small proxy that never answers requests whose path matches `hold`:
 * a server that hangs at one endpoint, so a command can be interrupted in the middle
 * (some cases done, one waiting). The issuers are published under the proxy's origin.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServe, type ServeInfo } from '../../src/serve/start-serve.js';

export interface HoldingProxy {
  info: ServeInfo;
  /** Requests held so far. */
  held: () => number;
  close: () => Promise<void>;
}

const HOP = ['host', 'connection', 'content-length', 'transfer-encoding', 'content-encoding'];

async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

export async function startHoldingProxy(profiles: string[], hold: RegExp): Promise<HoldingProxy> {
  let upstream = '';
  let held = 0;
  const proxy = createServer((req, res) => {
    if (hold.test(req.url ?? '')) return void held++; // never answered
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      try {
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !HOP.includes(k)).map(([k, v]) => [k, String(v)]));
        const r = await fetch(`${upstream}${req.url}`, { method: req.method, headers, redirect: 'manual', ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) });
        const out: Record<string, string> = {};
        r.headers.forEach((v, k) => {
          if (!HOP.includes(k)) out[k] = v;
        });
        res.writeHead(r.status, out).end(Buffer.from(await r.arrayBuffer()));
      } catch {
        res.destroy();
      }
    });
  });
  const origin = `http://127.0.0.1:${await listen(proxy)}`;
  // serve listens on a port of its own and publishes its issuers under the proxy's origin
  const free = createServer();
  const port = await listen(free);
  await new Promise((r) => free.close(r));
  const served = await startServe({ profiles, port, seed: 1, publicUrl: origin });
  upstream = `http://127.0.0.1:${port}`;
  return {
    info: served.info,
    held: () => held,
    close: async () => {
      proxy.closeAllConnections();
      proxy.close();
      await served.close();
    },
  };
}
