// The command line as one bundle (dist/cli/), built by `npm run build` after tsc:
// `node rolldown.config.mjs` (the rolldown CLI takes the same config: `rolldown -c`).
//
// Why: `oauth-harness` loads ~340 ES modules (zod and jose alone are 140 files), about a
// quarter of a second of every command's start, paid again by each `--shard` process. The
// bundle loads a few chunks. The library entries (`oauth-harness`, `/msw`, `/vitest`) stay
// as tsc builds them, for users' own bundlers and tools.
//
// Left outside the bundle, found at run time in node_modules: the peers (vitest, msw,
// testcontainers, playwright-core), loaded only when a command needs them, and yaml,
// which src/scenario/yaml-locate.ts loads on first use. Files the command line reads or
// hands to other processes (profiles, scenarios, container image files, the Glewlwyd login
// script) are found from the package root, never beside a module.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A path of this package, wherever the build is started from. */
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** `vendor-<package>` for a module under node_modules (the last package in its path). */
const vendorOf = (id) => `vendor-${/.*[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id)[1].replace(/[\\/]/, '-').replace('@', '')}`;

const config = {
  input: { 'oauth-harness': here('./dist/src/cli/main.js') },
  platform: 'node',
  external: [/^node:/, /^(vitest|msw|testcontainers|playwright-core|yaml)(\/|$)/],
  output: {
    dir: here('./dist/cli'),
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    minify: false,
    // each dependency in a chunk named after it, so what a command loads can be read (and tested)
    codeSplitting: { groups: [{ name: (id) => vendorOf(id), debugName: 'vendor', test: /[\\/]node_modules[\\/]/ }] },
  },
  logLevel: 'warn',
};
export default config;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // chunk names carry a hash: a stale chunk of an earlier build must not stay (and ship)
  rmSync(here('./dist/cli'), { recursive: true, force: true });
  const { build } = await import('rolldown');
  await build(config);
}
