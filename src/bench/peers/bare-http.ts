/**
 * The practical limit: a bare node:http server that reads the POST body and answers
 * a fixed RFC 6749 §5.1 token response with the same headers the mock sends.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { announce, stopOnSignal } from './ready.js';

const BODY = JSON.stringify({ access_token: `at_${'x'.repeat(43)}`, token_type: 'Bearer', expires_in: 3600 });
const HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache', 'content-length': String(Buffer.byteLength(BODY)) };

const server = createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => {
    res.writeHead(200, HEADERS);
    res.end(BODY);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  announce({ token_endpoint: `http://127.0.0.1:${port}/token`, client_id: 'bench-client', client_secret: 'bench-secret' });
});
stopOnSignal(() => new Promise((r) => server.close(r)));
