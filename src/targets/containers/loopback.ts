/**
 * Host-network helpers: free loopback ports and an HTTP readiness check.
 *
 * Containers run with `--network host` and bind 127.0.0.1, so testcontainers'
 * port mapping (and `Wait.forHttp`, which asks for a mapped port) does not
 * apply: readiness is polled from the host on 127.0.0.1 instead.
 */
import { createServer } from 'node:net';
import type { WaitStrategy } from 'testcontainers';

/** Asks the kernel for a free TCP port on 127.0.0.1. */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free loopback port'))));
    });
  });
}

/** Rejects a port that is not an integer from 1 to 65535, naming the caller. */
export function assertPort(port: number, where: string): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${where}: port must be an integer from 1 to 65535, got ${port}`);
  }
  return port;
}

/** The part of a dockerode container this wait strategy uses. */
interface InspectableContainer {
  inspect(): Promise<{ State: { Running: boolean; ExitCode: number } }>;
  logs(opts: { stdout: boolean; stderr: boolean; tail: number }): Promise<Buffer>;
}

/** Strips Docker's 8-byte stream headers from a non-TTY log buffer. */
function demuxLogs(raw: Buffer): string {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= raw.length && raw[offset]! <= 2 && raw[offset + 1] === 0) {
    const size = raw.readUInt32BE(offset + 4);
    parts.push(raw.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return (offset === 0 ? raw : Buffer.concat(parts)).toString('utf8');
}

/**
 * Waits until `GET url` (on the host) answers 200. Fails early when the
 * container exits, and puts the container's last log lines in the error.
 */
export class LoopbackHttpWait implements WaitStrategy {
  private startupTimeoutMs = 60_000;
  private timeoutSet = false;

  constructor(private readonly url: string) {}

  async waitUntilReady(container: InspectableContainer): Promise<void> {
    const deadline = Date.now() + this.startupTimeoutMs;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      const state = (await container.inspect()).State;
      if (!state.Running) {
        throw new Error(`container exited (code ${state.ExitCode}) before ${this.url} answered${await tail(container)}`);
      }
      try {
        const res = await fetch(this.url, { signal: AbortSignal.timeout(2_000) });
        await res.body?.cancel();
        if (res.status === 200) return;
        last = `HTTP ${res.status}`;
      } catch (err) {
        last = err instanceof Error ? err.message : String(err);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${this.url} not ready after ${this.startupTimeoutMs} ms (${last})${await tail(container)}`);
  }

  withStartupTimeout(startupTimeoutMs: number): this {
    this.startupTimeoutMs = startupTimeoutMs;
    this.timeoutSet = true;
    return this;
  }

  isStartupTimeoutSet(): boolean {
    return this.timeoutSet;
  }

  getStartupTimeout(): number {
    return this.startupTimeoutMs;
  }
}

async function tail(container: InspectableContainer): Promise<string> {
  try {
    const text = demuxLogs(await container.logs({ stdout: true, stderr: true, tail: 20 })).trimEnd();
    return text ? `\n--- container log (last 20 lines) ---\n${text}` : '';
  } catch {
    return '';
  }
}
