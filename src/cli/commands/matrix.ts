/**
 * `oauth-harness matrix [--out reports] [--client id…]`: runs the compatibility matrix
 * and writes `matrix.json` and `matrix.md`. Exit 2 when the machine lacks what the
 * matrix needs; otherwise 0 (the cells are the result, pinned by test/runner/matrix.test.ts).
 */
import { dim, green, red } from '../console-output.js';
import { HarnessError } from '../../errors/harness-error.js';
import { interruptedLine } from '../../reports/partial-reports.js';
import { onInterrupt } from '../../interrupt/interrupt.js';
import { matrixPrerequisites, MATRIX_CLIENTS, renderMatrixMarkdown, runMatrix, writeMatrix, type Matrix, type MatrixCell } from '../../runner/matrix.js';
import { prepareOutDir } from '../../reports/write-reports.js';
import { parseShard } from '../../results/shard.js';

export interface MatrixCommandOptions {
  out: string;
  client?: string[];
  concurrency?: string;
  /** `i/n`: run only part i of n of the cells (a stable split by `client×scenario`); merge with merge-reports. */
  shard?: string;
}

/** A finished cell, with the count so far: `[ 5/78] ✗ authlib × facebook-get-token (412 ms) credentials-placement`. */
function cellLine(cell: MatrixCell, done: number, total: number): string {
  const count = dim(`[${String(done).padStart(String(total).length)}/${total}]`);
  const mark = cell.verdict === 'passed' ? green('✓') : red('✗');
  return `${count} ${mark} ${cell.client} × ${cell.scenario.replace(/^client-/, '')} ${dim(`(${cell.durationMs} ms)`)}${cell.reason ? ` ${cell.reason}` : ''}\n`;
}

export async function matrixCommand(o: MatrixCommandOptions): Promise<number> {
  const missing = matrixPrerequisites();
  if (missing.length) throw new HarnessError('USAGE', 'the compatibility matrix needs what is missing here', missing);
  const known = MATRIX_CLIENTS.map((c) => c.id);
  const unknown = (o.client ?? []).filter((c) => !known.includes(c));
  if (unknown.length) throw new HarnessError('USAGE', `--client: unknown client "${unknown.join(', ')}"; clients: ${known.join(', ')}`);
  const concurrency = Number(o.concurrency ?? 3);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new HarnessError('USAGE', `--concurrency: expected a whole number ≥ 1, got "${o.concurrency}"`);
  const shard = o.shard === undefined ? undefined : parseShard(o.shard);
  prepareOutDir(o.out);
  let done = 0;
  // On Ctrl-C or SIGTERM: the cells finished so far, as matrix.json and matrix.md marked interrupted.
  let forget = () => {};
  const onStart = (total: number, sofar: () => Matrix) => {
    forget = onInterrupt(() => {
      const m = { ...sofar(), interrupted: true };
      process.stderr.write(interruptedLine(m.cells.length, total, 'cell', writeMatrix(m, o.out)));
    });
  };
  const onCell = (cell: MatrixCell, _r: unknown, total: number) => process.stdout.write(cellLine(cell, ++done, total));
  const m = await runMatrix({ concurrency, ...(o.client?.length ? { clients: o.client } : {}), ...(shard ? { shard } : {}), onStart, onCell });
  forget();
  const written = writeMatrix(m, o.out);
  process.stdout.write(`\n${renderMatrixMarkdown(m)}\nreports: ${written.join(', ')}\n`);
  return 0;
}
