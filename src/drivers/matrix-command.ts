/**
 * `oauth-harness matrix [--out reports] [--client id…]`: runs the compatibility matrix
 * and writes `matrix.json` and `matrix.md`. Exit 2 when the machine lacks what the
 * matrix needs; otherwise 0 (the cells are the result, pinned by test/drivers/matrix.test.ts).
 */
import { HarnessError } from '../errors/harness-error.js';
import { matrixPrerequisites, MATRIX_CLIENTS, renderMatrixMarkdown, runMatrix, writeMatrix } from './matrix.js';
import { prepareOutDir } from '../reports/write-reports.js';

export interface MatrixCommandOptions {
  out: string;
  client?: string[];
  concurrency?: string;
}

export async function matrixCommand(o: MatrixCommandOptions): Promise<number> {
  const missing = matrixPrerequisites();
  if (missing.length) throw new HarnessError('USAGE', 'the compatibility matrix needs what is missing here', missing);
  const known = MATRIX_CLIENTS.map((c) => c.id);
  const unknown = (o.client ?? []).filter((c) => !known.includes(c));
  if (unknown.length) throw new HarnessError('USAGE', `--client: unknown client "${unknown.join(', ')}"; clients: ${known.join(', ')}`);
  const concurrency = Number(o.concurrency ?? 3);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new HarnessError('USAGE', `--concurrency: expected a whole number ≥ 1, got "${o.concurrency}"`);
  prepareOutDir(o.out);
  const m = await runMatrix({ concurrency, ...(o.client?.length ? { clients: o.client } : {}) });
  const written = writeMatrix(m, o.out);
  process.stdout.write(`${renderMatrixMarkdown(m)}\nreports: ${written.join(', ')}\n`);
  return 0;
}
