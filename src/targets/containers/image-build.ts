/**
 * Builds a project image from a Dockerfile once, offline, and reuses its tag.
 *
 * Builds run with host networking (`docker build --network host`), the only
 * network this machine gives containers, and never pull: the base image must
 * already exist (`.ci/setup-docker.sh` makes `debian:bookworm-slim` with
 * debootstrap). testcontainers' own `GenericContainer.fromDockerfile()` can
 * set neither the build network nor report why a build failed, so this talks
 * to the engine through testcontainers' runtime client instead.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getContainerRuntimeClient, ImageName } from 'testcontainers';
import { packageRoot } from '../../../mocks/package-root.js';
import { configureTestcontainers } from './runtime.js';

/** The default base image, built locally by `.ci/setup-docker.sh`. */
export const DEFAULT_BASE_IMAGE = 'debian:bookworm-slim';

/**
 * The folder of a server's image files (`Dockerfile`, scripts, configuration):
 * `src/targets/containers/<server>/` of the package, which ships them (`tsc` copies
 * no assets, and the bundled command line has no folder per server).
 */
export function serverAssetDir(server: string, requiredFile = 'Dockerfile'): string {
  const dir = join(packageRoot(), 'src', 'targets', 'containers', server);
  if (existsSync(join(dir, requiredFile))) return dir;
  throw new Error(`${requiredFile} not found in ${dir}`);
}

/** What to build: a build context staged into a fresh temporary directory. */
export interface ImageBuildRequest {
  /** Tag to build and reuse, e.g. `oauth-harness/glewlwyd:2.7.5-3`. */
  tag: string;
  /**
   * Writes the `Dockerfile` and every file it copies into `dir`; only called
   * when the tag must be built. The directory is removed afterwards.
   */
  stage: (dir: string) => Promise<void>;
  /** Passed as the `BASE_IMAGE` build argument; must exist locally. */
  baseImage: string;
  /** Further build arguments. */
  buildArgs?: Record<string, string>;
}

/** What {@link ensureImage} did. */
export interface ImageBuildResult {
  tag: string;
  /** False when the tag already existed and was reused. */
  built: boolean;
  /** Wall-clock seconds spent building (0 when reused). */
  seconds: number;
}

interface BuildEvent {
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
}

/**
 * Returns the tag, building it first when the engine does not have it.
 * Rejects with the engine's error and the last lines of build output.
 */
export async function ensureImage(request: ImageBuildRequest): Promise<ImageBuildResult> {
  configureTestcontainers();
  const client = await getContainerRuntimeClient();
  if (await client.image.exists(ImageName.fromString(request.tag))) {
    return { tag: request.tag, built: false, seconds: 0 };
  }
  if (!(await client.image.exists(ImageName.fromString(request.baseImage)))) {
    throw new Error(
      `base image "${request.baseImage}" is not present and cannot be pulled offline; ` +
        'run `bash .ci/setup-docker.sh` as root to build debian:bookworm-slim with debootstrap',
    );
  }
  const started = Date.now();
  const context = await mkdtemp(join(tmpdir(), 'oauth-harness-image-'));
  try {
    await request.stage(context);
    await build(client.container.dockerode, context, request);
  } finally {
    await rm(context, { recursive: true, force: true });
  }
  return { tag: request.tag, built: true, seconds: (Date.now() - started) / 1000 };
}

type Dockerode = Awaited<ReturnType<typeof getContainerRuntimeClient>>['container']['dockerode'];

async function build(dockerode: Dockerode, context: string, request: ImageBuildRequest): Promise<void> {
  const stream = await dockerode.buildImage(
    { context, src: await readdir(context) },
    {
      t: request.tag,
      buildargs: { ...request.buildArgs, BASE_IMAGE: request.baseImage },
      networkmode: 'host',
      rm: true,
      forcerm: true,
      labels: { 'org.oauth-harness.image': request.tag },
    },
  );
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    dockerode.modem.followProgress(
      stream,
      (err: Error | null) => (err ? reject(err) : resolve()),
      (event: BuildEvent) => {
        if (event.stream) output.push(...event.stream.split('\n').filter(Boolean));
        if (event.error) reject(new Error(event.errorDetail?.message ?? event.error));
      },
    );
  }).catch((err: unknown) => {
    const tail = output.slice(-25).join('\n');
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`building image "${request.tag}" failed: ${reason}\n--- last build output ---\n${tail}`);
  });
}
