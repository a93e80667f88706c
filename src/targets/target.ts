/**
 * Targets: where a scenario or `verify` runs. `mock` (the mock provider over HTTP on
 * 127.0.0.1), `container:oidc-provider` and `container:glewlwyd` (real servers started in
 * containers), or `http://…` (a server the user runs).
 *
 * @example
 * const target = await startTarget(parseTarget('container:oidc-provider'), { profile: 'rotating-refresh' });
 * try {
 *   console.log(target.issuer, target.profileLike);
 * } finally {
 *   await target.stop();
 * }
 */
import { HarnessError } from '../errors/harness-error.js';
import { configureTestcontainers, containerRuntimeAvailable } from './containers/runtime.js';
import { requireOptional } from '../errors/optional-dependency.js';
import { startMockTarget } from './servers/mock.js';
import { CONTAINER_SERVERS, containerTargetList, serverNamed, type ContainerServer } from './servers/registry.js';
import { connectUrlTarget } from './servers/url.js';
import type { StartedTarget, StartTargetOptions } from './started-target.js';

export type { StartedTarget, StartTargetOptions, TargetCapabilities, TargetClient, ServerSettingsOverride, UrlTargetSettings } from './started-target.js';
export type { TargetUserAgent } from '../user-agent/scenario-user-agent.js';

export { CONTAINER_SERVERS, SERVERS, type ContainerServer } from './servers/registry.js';

export type TargetSpec = { kind: 'mock' } | { kind: 'container'; server: ContainerServer } | { kind: 'url'; issuer: string };

const SYNTAX = `mock, ${containerTargetList()}, or an issuer URL (http://… or https://…)`;

/** Parses `--target`. Throws a `USAGE` {@link HarnessError} naming what is accepted. */
export function parseTarget(text: string): TargetSpec {
  const t = text.trim();
  if (t === 'mock') return { kind: 'mock' };
  if (t.startsWith('container:')) {
    const server = t.slice('container:'.length);
    if ((CONTAINER_SERVERS as readonly string[]).includes(server)) {
      requireOptional('testcontainers', `--target container:${server}`);
      return { kind: 'container', server: server as ContainerServer };
    }
    throw new HarnessError('USAGE', `--target: unknown container "${server}"; expected ${SYNTAX}`);
  }
  if (/^https?:\/\//i.test(t) && URL.canParse(t)) return { kind: 'url', issuer: t.replace(/\/+$/, '') };
  throw new HarnessError('USAGE', `--target: "${text}" is not a target; expected ${SYNTAX}`);
}

/** `mock`, `container:oidc-provider`, or the issuer URL. */
export function targetName(spec: TargetSpec): string {
  return spec.kind === 'mock' ? 'mock' : spec.kind === 'container' ? `container:${spec.server}` : spec.issuer;
}

/** The built-in profiles a target can be started to imitate (all of them for `mock`). */
export function imitableProfiles(spec: TargetSpec): readonly string[] | 'any' {
  if (spec.kind === 'mock') return 'any';
  if (spec.kind === 'url') return [];
  return serverNamed(spec.server).imitates;
}

/**
 * Starts (or, for a URL, connects to) the target. Containers build on the local base image
 * `options.baseImage`, `$OAUTH_HARNESS_BASE_IMAGE` or `debian:bookworm-slim`, and need a Docker engine: when
 * none answers, this throws a `TARGET_UNREACHABLE` {@link HarnessError} saying why and
 * how to start one, and nothing else is attempted.
 */
export async function startTarget(spec: TargetSpec, options: StartTargetOptions = {}): Promise<StartedTarget> {
  if (spec.kind === 'mock') return startMockTarget(options);
  if (spec.kind === 'url') return connectUrlTarget(spec.issuer, options);
  requireOptional('testcontainers', `--target container:${spec.server}`);
  configureTestcontainers();
  const status = await containerRuntimeAvailable();
  if (!status.ok) {
    throw new HarnessError(
      'TARGET_UNREACHABLE',
      `container:${spec.server} needs a container runtime: ${status.reason}. Start Docker (offline: run \`bash .ci/setup-docker.sh\` as root) or set DOCKER_HOST.`,
    );
  }
  const baseImage = options.baseImage ?? process.env.OAUTH_HARNESS_BASE_IMAGE;
  const o = baseImage ? { ...options, baseImage } : options;
  try {
    return await (await serverNamed(spec.server).load())(o);
  } catch (e) {
    if (e instanceof HarnessError) throw e;
    const first = ((e as Error).message ?? String(e)).split('\n');
    throw new HarnessError('TARGET_UNREACHABLE', `container:${spec.server} did not start: ${first[0]}`, first.slice(1).filter(Boolean));
  }
}
