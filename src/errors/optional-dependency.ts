/**
 * Optional packages (peer dependencies a user installs only for the features that need
 * them): testcontainers for `--target container:…`, playwright-core for browser logins.
 * Checked before first use, so a missing one is a one-line error naming the install
 * command, never a stack trace from deep inside an import.
 */
import { createRequire } from 'node:module';
import { HarnessError } from './harness-error.js';

const require = createRequire(import.meta.url);

/** Is `pkg` resolvable from the harness's own location (the user's node_modules when installed)? */
export function hasOptional(pkg: string, resolve: (id: string) => string = require.resolve): boolean {
  try {
    resolve(`${pkg}/package.json`);
    return true;
  } catch {
    try {
      resolve(pkg);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * Throws a `DEPENDENCY_MISSING` {@link HarnessError} (exit 2) when `pkg` is not installed.
 * @param purpose what needs it, e.g. `--target container:glewlwyd`.
 */
export function requireOptional(pkg: string, purpose: string, resolve?: (id: string) => string): void {
  if (!hasOptional(pkg, resolve)) throw new HarnessError('DEPENDENCY_MISSING', `install ${pkg} to use ${purpose}: npm i -D ${pkg}`);
}
