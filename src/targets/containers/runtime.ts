/**
 * Is a Docker engine reachable, and what container tests do when it is not.
 *
 * Container tests skip with one line locally when no engine runs, and fail
 * in CI (`CI` set), where a skipped container suite would hide a broken setup.
 * `bash .ci/setup-docker.sh` (as root) installs and starts the engine.
 */
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { onInterrupt } from '../../interrupt/interrupt.js';

/** Outcome of {@link containerRuntimeAvailable}. */
export type RuntimeStatus = { ok: true } | { ok: false; reason: string };

const DEFAULT_SOCKET = '/var/run/docker.sock';
const SETUP_HINT = 'run `bash .ci/setup-docker.sh` as root to install and start Docker';

/** Where the engine listens, from `DOCKER_HOST` or the default unix socket. */
function engineEndpoint(): { socketPath: string } | { host: string; port: number } | { error: string } {
  const dockerHost = process.env.DOCKER_HOST;
  if (!dockerHost) return { socketPath: DEFAULT_SOCKET };
  if (dockerHost.startsWith('unix://')) return { socketPath: dockerHost.slice('unix://'.length) };
  if (dockerHost.startsWith('tcp://')) {
    const url = new URL(dockerHost.replace(/^tcp:/, 'http:'));
    return { host: url.hostname, port: Number(url.port || 2375) };
  }
  return { error: `DOCKER_HOST=${dockerHost} is not a unix:// or tcp:// address` };
}

/**
 * Checks that a Docker engine answers `GET /_ping` within two seconds.
 * Never throws: the reason says what is missing.
 */
export async function containerRuntimeAvailable(): Promise<RuntimeStatus> {
  const endpoint = engineEndpoint();
  if ('error' in endpoint) return { ok: false, reason: endpoint.error };
  if ('socketPath' in endpoint && !existsSync(endpoint.socketPath)) {
    return { ok: false, reason: `no Docker socket at ${endpoint.socketPath}` };
  }
  return new Promise<RuntimeStatus>((resolve) => {
    const req = request({ ...endpoint, path: '/_ping', method: 'GET', timeout: 2_000 }, (res) => {
      res.resume();
      resolve(
        res.statusCode === 200
          ? { ok: true }
          : { ok: false, reason: `Docker engine answered /_ping with HTTP ${res.statusCode}` },
      );
    });
    req.on('timeout', () => req.destroy(new Error('timed out after 2 s')));
    req.on('error', (err) => resolve({ ok: false, reason: `Docker engine not reachable: ${err.message}` }));
    req.end();
  });
}

/**
 * Labels on every container the harness starts: `oauth-harness=1`, so the cleanup
 * command removes only the harness's containers (`docker ps -aq --filter
 * label=oauth-harness | xargs -r docker rm -f`), and `oauth-harness.run=<pid>`, this
 * process's.
 */
export function harnessLabels(): Record<string, string> {
  return { 'oauth-harness': '1', 'oauth-harness.run': String(process.pid) };
}

/** Stops a started container (by its id) if the harness is interrupted; call the returned function once it is stopped. */
export function stopOnInterrupt(container: { getId(): string; stop(): Promise<unknown> }): () => void {
  return onInterrupt(async () => {
    process.stderr.write(`stopping container ${container.getId().slice(0, 12)}…\n`);
    await container.stop();
  });
}

/** `CI` set to anything but an empty string, `0` or `false`. */
export function runningInCi(): boolean {
  const ci = process.env.CI?.trim().toLowerCase();
  return Boolean(ci) && ci !== '0' && ci !== 'false';
}

/**
 * Sets testcontainers' environment for this machine, keeping values the
 * caller chose: `TESTCONTAINERS_RYUK_DISABLED=true` (Ryuk's image cannot be
 * pulled offline, so containers are stopped explicitly) and
 * `TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1` (inside a sandbox with
 * `/.dockerenv`, testcontainers would otherwise look up the `bridge` network,
 * which `dockerd --bridge=none` does not have, and fail). Call it before the
 * first testcontainers call; the modules here do.
 */
export function configureTestcontainers(): void {
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  process.env.TESTCONTAINERS_HOST_OVERRIDE ??= '127.0.0.1';
}

/**
 * Decides whether a container test suite runs. Resolves `true` when an engine
 * answers; otherwise prints one line and resolves `false`, or, when `CI` is
 * set, rejects so the suite fails instead of skipping.
 *
 * Also calls {@link configureTestcontainers}.
 *
 * @example
 * const run = await containerTestsEnabled('glewlwyd');
 * describe.runIf(run)('GlewlwydContainer', () => { ... });
 */
export async function containerTestsEnabled(suite: string): Promise<boolean> {
  configureTestcontainers();
  const status = await containerRuntimeAvailable();
  if (status.ok) return true;
  if (runningInCi()) {
    throw new Error(`container tests "${suite}" cannot run in CI: ${status.reason}; ${SETUP_HINT}`);
  }
  console.warn(`[containers] skipping "${suite}": ${status.reason}; ${SETUP_HINT}`);
  return false;
}
