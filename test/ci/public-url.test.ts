/**
 * `serve --public-url`: the issuers are published under another origin than the one bound
 * (a container's published port, a compose service name), and a bad value is a one-line
 * usage error before anything listens.
 */
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';
import { serveCommand } from '../../src/cli/commands/serve.js';
import { HarnessError } from '../../src/errors/harness-error.js';
import { parsePublicUrl } from '../../src/serve/start-serve.js';

describe('serve --public-url', () => {
  let served: Awaited<ReturnType<typeof serveCommand>>;
  let bound: string;
  beforeAll(async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = s.address() as { port: number };
        s.close(() => resolve(p));
      });
    });
    bound = `http://127.0.0.1:${port}`;
    served = await serveCommand({ profile: ['rfc-strict'], port: String(port), host: '127.0.0.1', seed: '1', publicUrl: 'http://oauth-mock:8900' });
  });
  afterAll(async () => {
    await served?.close();
  });

  it('answers on the bound address with the public issuer, and issues tokens there', async () => {
    const metadata = (await (await fetch(`${bound}/rfc-strict/.well-known/oauth-authorization-server`)).json()) as { issuer: string; token_endpoint: string };
    expect(metadata.issuer).toBe('http://oauth-mock:8900/rfc-strict');
    expect(metadata.token_endpoint).toBe('http://oauth-mock:8900/rfc-strict/token');
    const i = served.info.issuers[0]!;
    const token = await fetch(`${bound}/rfc-strict/token`, { method: 'POST', headers: { authorization: `Basic ${btoa(`${i.client_id}:${i.client_secret}`)}`, 'content-type': 'application/x-www-form-urlencoded', host: 'oauth-mock:8900' }, body: 'grant_type=client_credentials&scope=read' });
    expect(token.status).toBe(200);
  });

  it('the admin API answers requests made to the public host, and still refuses other hosts', async () => {
    // fetch() sends its own Host header; node:http sends the one given, as a client in another container would
    const get = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${bound}/_admin`, { headers: { host } }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        req.end();
      });
    const asPublic = await get('oauth-mock:8900');
    expect(asPublic.status).toBe(200);
    expect((JSON.parse(asPublic.body) as { issuers: { issuer: string }[] }).issuers[0]!.issuer).toBe('http://oauth-mock:8900/rfc-strict');
    expect((await get('attacker.example:8900')).status).toBe(403);
  });

  it('publishes issuer, endpoints and the admin API under the public origin', () => {
    const i = served.info.issuers[0]!;
    expect(served.info.origin).toBe('http://oauth-mock:8900');
    expect(served.info.admin).toBe('http://oauth-mock:8900/_admin');
    expect(i.issuer).toBe('http://oauth-mock:8900/rfc-strict');
    expect(i.token_endpoint).toBe('http://oauth-mock:8900/rfc-strict/token');
  });

  it.each([
    ['http://localhost:8900', 'http://localhost:8900'],
    ['https://mock.example:443/', 'https://mock.example'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
  ])('%s is the origin %s', (value, origin) => {
    expect(parsePublicUrl(value)).toBe(origin);
  });

  it.each(['localhost:8900', 'ftp://x', 'http://x/path', 'http://x/?q', 'http://x/#f', 'http://u:p@x', '', 'http://'])('"%s" is refused', (value) => {
    expect(() => parsePublicUrl(value, '--')).toThrow(HarnessError);
    expect(() => parsePublicUrl(value, '--')).toThrow(/^--public-url: expected an origin such as http:\/\/localhost:8900/);
  });

  it('a bad value stops the command with one line and exit 2, nothing left listening', () => {
    const r = spawnSync(process.execPath, [join(packageRoot(), 'bin', 'oauth-harness.js'), 'serve', '--port', '0', '--public-url', 'http://x/path'], { encoding: 'utf8', timeout: 10_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('error: --public-url: expected an origin such as http://localhost:8900 (scheme, host, port; no path), got "http://x/path"');
  });

});
