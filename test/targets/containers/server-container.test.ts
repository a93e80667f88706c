/**
 * The shared base of the container builders (src/targets/containers/server-container.ts),
 * through the three real builders, without Docker: testcontainers' GenericContainer, the
 * image builds, Glewlwyd's admin API and the interrupt handler are fakes. Pinned: each
 * builder's defaults, `withPort` error and redirect URIs, what the start asks of testcontainers, and the
 * stop of a started container, by its id, once: on `stop()`, on an interrupt, or when
 * provisioning fails.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const cleanups = new Set<() => unknown>();
  const containers: { image: string; calls: [string, unknown][] }[] = [];
  const started = { id: 'abcdef0123456789abcdef', stops: 0 };
  const provision = { fail: undefined as Error | undefined };
  return { cleanups, containers, started, provision };
});

vi.mock('../../../src/interrupt/interrupt.js', () => ({
  onInterrupt: (cleanup: () => unknown) => {
    fake.cleanups.add(cleanup);
    return () => void fake.cleanups.delete(cleanup);
  },
}));

vi.mock('testcontainers', async (importOriginal) => {
  const actual = await importOriginal<typeof import('testcontainers')>();
  class GenericContainer {
    readonly calls: [string, unknown][] = [];
    constructor(readonly image: string) {
      fake.containers.push(this);
    }
    private record(name: string, value: unknown): this {
      this.calls.push([name, value]);
      return this;
    }
    withNetworkMode(v: unknown) { return this.record('withNetworkMode', v); }
    withCommand(v: unknown) { return this.record('withCommand', v); }
    withEnvironment(v: unknown) { return this.record('withEnvironment', v); }
    withCopyContentToContainer(v: unknown) { return this.record('withCopyContentToContainer', v); }
    withLabels(v: unknown) { return this.record('withLabels', v); }
    withWaitStrategy(v: unknown) { return this.record('withWaitStrategy', v); }
    withStartupTimeout(v: unknown) { return this.record('withStartupTimeout', v); }
    async start() {
      return { getId: () => fake.started.id, stop: async () => void fake.started.stops++ };
    }
  }
  return { ...actual, GenericContainer };
});

vi.mock('../../../src/targets/containers/glewlwyd/glewlwyd-image.js', () => ({ glewlwydImage: async (base: string) => ({ tag: `glewlwyd-on-${base}` }) }));
vi.mock('../../../src/targets/containers/lemonldap-ng/lemonldap-ng-image.js', () => ({ lemonldapImage: async (base: string) => ({ tag: `lemonldap-on-${base}` }) }));
vi.mock('../../../src/targets/containers/oidc-provider/oidc-provider-image.js', () => ({ oidcProviderImage: async (base: string) => ({ tag: `oidc-provider-on-${base}` }) }));
vi.mock('../../../src/targets/containers/glewlwyd/glewlwyd-admin.js', () => ({
  provisionGlewlwyd: async () => {
    if (fake.provision.fail) throw fake.provision.fail;
  },
}));

const { GlewlwydContainer } = await import('../../../src/targets/containers/glewlwyd/glewlwyd-container.js');
const { LemonldapContainer } = await import('../../../src/targets/containers/lemonldap-ng/lemonldap-ng-container.js');
const { OidcProviderContainer } = await import('../../../src/targets/containers/oidc-provider/oidc-provider-container.js');

const BUILDERS = [
  { Builder: GlewlwydContainer, name: 'GlewlwydContainer', tag: 'glewlwyd-on-', timeout: 60_000, ready: (port: number) => `http://127.0.0.1:${port}/config` },
  { Builder: LemonldapContainer, name: 'LemonldapContainer', tag: 'lemonldap-on-', timeout: 90_000, ready: (port: number) => `http://127.0.0.1:${port}/.well-known/openid-configuration` },
  { Builder: OidcProviderContainer, name: 'OidcProviderContainer', tag: 'oidc-provider-on-', timeout: 60_000, ready: (port: number) => `http://127.0.0.1:${port}/.well-known/openid-configuration` },
] as const;

/** What the last start asked of testcontainers, by setter. */
function lastRequest(): { image: string; calls: Map<string, unknown> } {
  const c = fake.containers.at(-1)!;
  return { image: c.image, calls: new Map(c.calls) };
}

async function interrupt(): Promise<void> {
  await Promise.all([...fake.cleanups].map(async (c) => c()));
}

let stderr: string[];
beforeEach(() => {
  fake.cleanups.clear();
  fake.containers.length = 0;
  fake.started.stops = 0;
  fake.provision.fail = undefined;
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe.each(BUILDERS)('$name (the shared ServerContainer base)', ({ Builder, name, tag, timeout, ready }) => {
  it('rejects a port out of range, naming the builder', () => {
    expect(() => new Builder().withPort(0)).toThrow(`${name}.withPort: port must be an integer from 1 to 65535, got 0`);
    expect(() => new Builder().withPort(1.5)).toThrow(`${name}.withPort: port must be an integer from 1 to 65535, got 1.5`);
    expect(() => new Builder().withPort(65536)).toThrow(`${name}.withPort`);
  });

  it('starts on the host network with the harness labels, its default base image and startup timeout', async () => {
    const server = await new Builder().withPort(4711).start();
    const { image, calls } = lastRequest();
    expect(image).toBe(`${tag}debian:bookworm-slim`);
    expect(calls.get('withNetworkMode')).toBe('host');
    expect(calls.get('withLabels')).toEqual({ 'oauth-harness': '1', 'oauth-harness.run': String(process.pid) });
    expect(calls.get('withStartupTimeout')).toBe(timeout);
    expect(calls.get('withWaitStrategy')).toMatchObject({ url: ready(4711) });
    expect(server.getIssuer()).toMatch(/^http:\/\/127\.0\.0\.1:4711(\/|$)/);
    await server.stop();
  });

  it('takes withBaseImage, withStartupTimeout and withPort, each returning the builder', async () => {
    const builder = new Builder();
    expect(builder.withBaseImage('local/base:1')).toBe(builder);
    expect(builder.withStartupTimeout(1234)).toBe(builder);
    expect(builder.withPort(4712)).toBe(builder);
    const server = await builder.start();
    const { image, calls } = lastRequest();
    expect(image).toBe(`${tag}local/base:1`);
    expect(calls.get('withStartupTimeout')).toBe(1234);
    expect(calls.get('withWaitStrategy')).toMatchObject({ url: ready(4712) });
    await server.stop();
  });

  it('gives the client withRedirectUri\'s URIs in place of its default one', async () => {
    const plain = await new Builder().start();
    expect(plain.getClient().redirectUris).toHaveLength(1);
    expect(plain.getClient().redirectUris[0]).not.toBe('http://127.0.0.1:9/a');
    await plain.stop();
    const builder = new Builder();
    expect(builder.withRedirectUri('http://127.0.0.1:9/a')).toBe(builder);
    const server = await builder.withRedirectUri('http://127.0.0.1:9/b').start();
    expect(server.getClient().redirectUris).toEqual(['http://127.0.0.1:9/a', 'http://127.0.0.1:9/b']);
    await server.stop();
  });

  it('listens on a free loopback port without withPort', async () => {
    const server = await new Builder().start();
    expect(server.getIssuer()).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(server.getIssuer()).not.toMatch(/^http:\/\/127\.0\.0\.1:(0|4711|4712)\b/);
    await server.stop();
  });

  it('stops the started container once, by its id, on an interrupt', async () => {
    await new Builder().start();
    expect(fake.cleanups.size).toBe(1);
    expect(fake.started.stops).toBe(0);
    await interrupt();
    expect(fake.started.stops).toBe(1);
    expect(stderr.join('')).toContain('stopping container abcdef012345…');
  });

  it('stops it once on stop(), and an interrupt after that stops nothing more', async () => {
    const server = await new Builder().start();
    await server.stop();
    expect(fake.started.stops).toBe(1);
    expect(fake.cleanups.size).toBe(0);
    await interrupt();
    expect(fake.started.stops).toBe(1);
  });
});

describe('GlewlwydContainer provisioning over its admin API', () => {
  it('stops the container once and passes the error on when provisioning fails', async () => {
    fake.provision.fail = new Error('admin API said 500');
    await expect(new GlewlwydContainer().start()).rejects.toThrow('admin API said 500');
    expect(fake.started.stops).toBe(1);
    expect(fake.cleanups.size).toBe(0);
  });

  it('passes its own command and environment through the shared start', async () => {
    const server = await new GlewlwydContainer().withPort(4713).start();
    const { calls } = lastRequest();
    expect(calls.get('withCommand')).toEqual(['--port=4713']);
    expect(calls.get('withEnvironment')).toEqual({ GLWD_EXTERNAL_URL: 'http://127.0.0.1:4713' });
    expect(server.getIssuer()).toBe('http://127.0.0.1:4713/api/oidc');
    await server.stop();
  });
});
