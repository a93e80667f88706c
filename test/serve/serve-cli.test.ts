/**
 * `oauth-harness serve` as a process (the built CLI: `npm test` builds first): it prints
 * the issuers as JSON, and stops with exit code 0 on SIGINT and SIGTERM at once, even
 * with a keep-alive connection open.
 */
import { spawn } from 'node:child_process';
import { Agent, get } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'oauth-harness.js');

function start(args: string[]) {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c));
  child.stderr.on('data', (c: Buffer) => (err += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
  const info = new Promise<any>((resolve, reject) => {
    child.stdout.on('data', () => out.includes('\n') && resolve(JSON.parse(out.split('\n')[0]!)));
    void exited.then(() => reject(new Error(`serve exited: ${err}`)));
  });
  info.catch(() => undefined); // awaited only by the tests that expect serve to start
  return { child, info, exited, stderr: () => err };
}

describe('oauth-harness serve', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`prints the issuers and exits 0 promptly on ${signal} with a keep-alive connection open`, async () => {
      const s = start(['--port', '0', '--json', '--profile', 'rfc-strict', '--profile', 'google-like']);
      const info = await s.info;
      expect(info.issuers.map((i: { issuer: string }) => new URL(i.issuer).pathname)).toEqual(['/rfc-strict', '/google-like']);
      expect(info.issuers[1]).toMatchObject({ client_id: 'harness-client.apps.googleusercontent.com', token_endpoint: `${info.origin}/google-like/token` });
      expect(info.issuers[1].client_secret).toHaveLength(32);
      const agent = new Agent({ keepAlive: true });
      const status = await new Promise<number>((r) => get(`${info.issuers[0].discovery}`, { agent }, (res) => (res.resume(), res.on('end', () => r(res.statusCode!)))));
      expect(status).toBe(200);
      const t = Date.now();
      s.child.kill(signal);
      expect(await s.exited).toEqual({ code: 0, signal: null });
      expect(Date.now() - t).toBeLessThan(2000);
      agent.destroy();
    });
  }

  it('a port in use is a one-line usage error (exit 2)', async () => {
    const a = start(['--port', '0', '--json']);
    const port = new URL((await a.info).origin).port;
    const b = start(['--port', port, '--json']);
    expect((await b.exited).code).toBe(2);
    expect(b.stderr()).toMatch(/cannot listen on 127\.0\.0\.1:\d+: EADDRINUSE/);
    a.child.kill('SIGTERM');
    await a.exited;
  });
});
