/**
 * The `serve` container image, built and started as a user would: `bash
 * docker/serve/build.sh` (offline, FROM the local base image), then `docker run`. Every
 * container runs with host networking, bound to 127.0.0.1 (the image's own `--host
 * 0.0.0.0` is checked in its configuration, never opened on this machine's interfaces),
 * carries this run's label, and is stopped and removed by id.
 *
 * Skipped with one line without a Docker engine; fails under CI (src/targets/containers/runtime.ts).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';
import { containerTestsEnabled } from '../../src/targets/containers/runtime.js';

const run = await containerTestsEnabled('serve container image');
const exec = promisify(execFile);
const ROOT = packageRoot();
const TAG = 'oauth-harness/serve:test';
const LABEL = `org.oauth-harness.test=serve-image-${process.pid}`;
const started: string[] = [];

const docker = async (...args: string[]) => (await exec('docker', args, { maxBuffer: 16 * 1024 * 1024 })).stdout.trim();

/** A free port on 127.0.0.1. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** `docker run -d --network host` with this run's label; remembers the id to stop it. */
async function start(...args: string[]): Promise<string> {
  const id = await docker('run', '-d', '--network', 'host', '--label', LABEL, TAG, ...args);
  started.push(id);
  return id;
}

async function poll<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe.runIf(run)('the serve image', () => {
  beforeAll(async () => {
    const { stdout } = await exec('bash', [join(ROOT, 'docker/serve/build.sh'), TAG], { cwd: ROOT, timeout: 600_000, env: { ...process.env } });
    expect(stdout.trim().split('\n').at(-1)).toBe(TAG);
  }, 600_000);

  afterAll(async () => {
    for (const id of started) await docker('rm', '-f', id).catch(() => undefined);
  });

  it('is multi-stage, runs as a user that is not root, checks its health, binds 0.0.0.0 only by its explicit flag', async () => {
    expect(readFileSync(join(ROOT, 'docker/serve/Dockerfile'), 'utf8').match(/^FROM /gm)).toHaveLength(2);
    const config = JSON.parse(await docker('image', 'inspect', TAG, '--format', '{{json .Config}}')) as { User: string; Entrypoint: string[]; Cmd: string[]; Healthcheck?: { Test: string[] }; ExposedPorts: Record<string, unknown> };
    expect(config.User).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    const e = config.Entrypoint;
    expect(e.slice(e.indexOf('serve'))).toEqual(['serve', '--host', '0.0.0.0', '--port', '8900', '--public-url', 'http://localhost:8900']);
    expect(config.Cmd).toEqual(['--profile', 'rfc-strict']);
    expect(config.Healthcheck?.Test[0]).toBe('CMD');
    expect(Object.keys(config.ExposedPorts)).toEqual(['8900/tcp']);
    // outside a container serve still binds loopback unless told
    const help = await exec(process.execPath, [join(ROOT, 'bin/oauth-harness.js'), 'serve', '--help']);
    expect(help.stdout).toMatch(/--host <addr>\s+address to bind \(default: "127\.0\.0\.1"\)/);
  });

  it('started: discovery answers from the host on loopback, tokens are issued, the health check turns healthy, SIGTERM stops it', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const id = await start('--host', '127.0.0.1', '--port', String(port), '--public-url', base, '--profile', 'docusign-like', '--profile', 'rfc-strict', '--json');
    const discovery = await poll('discovery', async () => {
      const res = await fetch(`${base}/docusign-like/.well-known/oauth-authorization-server`);
      return res.status === 200 ? ((await res.json()) as { issuer: string; token_endpoint: string }) : undefined;
    });
    expect(discovery.issuer).toBe(`${base}/docusign-like`);
    expect(discovery.token_endpoint).toBe(`${base}/docusign-like/oauth/token`);
    const info = JSON.parse(await docker('logs', id)) as { issuers: { profile: string; token_endpoint: string; client_id: string; client_secret: string }[] };
    const strict = info.issuers.find((i) => i.profile === 'rfc-strict')!;
    expect(strict.token_endpoint).toBe(`${base}/rfc-strict/token`);
    const token = await fetch(strict.token_endpoint, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`${strict.client_id}:${strict.client_secret}`)}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=read',
    });
    expect(token.status).toBe(200);
    expect(((await token.json()) as { token_type: string }).token_type).toMatch(/^bearer$/i);
    expect(await docker('exec', id, 'id', '-u')).toBe('10001');
    const health = await poll('healthy', async () => ((await docker('inspect', id, '--format', '{{.State.Health.Status}}')) === 'healthy' ? true : undefined), 60_000);
    expect(health).toBe(true);
    await docker('stop', '-t', '5', id);
    expect(await docker('inspect', id, '--format', '{{.State.ExitCode}} {{.State.OOMKilled}}')).toBe('0 false');
  }, 120_000);

  it('a bad flag is a one-line usage error, exit 2, and nothing listens', async () => {
    const id = await start('--host', '127.0.0.1', '--port', String(await freePort()), '--public-url', 'http://localhost:8900/with/a/path');
    expect(await docker('wait', id)).toBe('2');
    const { stderr } = await exec('docker', ['logs', id]);
    expect(stderr.trim()).toBe('error: --public-url: expected an origin such as http://localhost:8900 (scheme, host, port; no path), got "http://localhost:8900/with/a/path"');
  }, 60_000);
});
