/**
 * Writing a generated file so that a reader never sees half of it: the text goes to a
 * temporary file next to the target, which is then renamed over it (rename is atomic
 * within a file system, POSIX rename(2)). An `--out` that cannot be written is a usage
 * error found before any work is done.
 */
import { accessSync, constants, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { HarnessError } from '../errors/harness-error.js';

/** Checks (and creates the folder of) an output file; throws a usage error naming it. */
export function prepareOutFile(file: string, flag = '--out'): void {
  try {
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    mkdirSync(dirname(file), { recursive: true });
    accessSync(dirname(file), constants.W_OK);
  } catch (e) {
    throw new HarnessError('USAGE', `${flag}: cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Writes `text` to `file` through a temporary file and a rename. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new HarnessError('USAGE', `cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
