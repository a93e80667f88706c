/**
 * `oauth-harness merge-reports` for the compatibility matrix: the matrix.json of each
 * shard (`matrix --shard i/n`) made into one matrix (cells in the order of a whole run),
 * written as matrix.json and matrix.md as `matrix` writes them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkShardParts, mergeError } from '../results/merge.js';
import { cellId, renderMatrixMarkdown, writeMatrix, type Matrix } from './matrix.js';

/** `DIR` (its matrix.json) or a matrix.json file. */
export function readMatrixFile(arg: string): { path: string; matrix: Matrix } {
  const path = (existsSync(arg) && statSync(arg).isDirectory()) || !arg.endsWith('.json') ? join(arg, 'matrix.json') : arg;
  let m: Matrix;
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as Matrix;
  } catch (e) {
    return mergeError(`${path}: ${(e as NodeJS.ErrnoException).code ?? `not JSON: ${(e as Error).message}`}`);
  }
  if (!Array.isArray(m?.cells) || !Array.isArray(m.clients) || !Array.isArray(m.scenarios)) mergeError(`${path}: not a matrix.json of oauth-harness matrix`);
  return { path, matrix: m };
}

/** The shards' matrices as one. */
export function mergeMatrices(files: { path: string; matrix: Matrix }[]): Matrix {
  const order = checkShardParts(files.map((f) => ({ path: f.path, shard: f.matrix.shard, ids: f.matrix.cells.map((c) => cellId(c.client, c.scenario)) })));
  const rank = new Map(order.map((id, i) => [id, i]));
  const cells = files.flatMap((f) => f.matrix.cells).sort((a, b) => rank.get(cellId(a.client, a.scenario))! - rank.get(cellId(b.client, b.scenario))!);
  const first = files[0]!.matrix;
  return { generatedAt: files.map((f) => f.matrix.generatedAt).sort().at(-1)!, clients: first.clients, scenarios: first.scenarios, cells };
}

/** merge-reports on matrix.json files: writes the merged matrix, prints its table; exit 0 (the cells are the result). */
export function mergeMatrixFiles(inputs: string[], out: string): number {
  const merged = mergeMatrices(inputs.map(readMatrixFile));
  const written = writeMatrix(merged, out);
  process.stdout.write(`oauth-harness merge-reports: ${inputs.length} matrix shards, ${merged.cells.length} cells\n\n${renderMatrixMarkdown(merged)}\nreports: ${written.join(', ')}\n`);
  return 0;
}
