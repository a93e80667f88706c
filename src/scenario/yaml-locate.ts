/**
 * Maps a path inside a parsed YAML document to `line:col`, so every validation error
 * names where it is (`file:line:col: field: message`).
 *
 * The yaml package is loaded on first use ({@link yamlModule}), not with this module:
 * `merge-reports` and the console recap import this file, and a run without failures
 * never needs a YAML parser (loading yaml's ~80 CommonJS files is a tenth of
 * merge-reports' time).
 */
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';

const require = createRequire(import.meta.url);
let yaml: typeof import('yaml') | undefined;

/** The yaml package, loaded on first use (its CommonJS build, the one Node's `import` gets too). */
export function yamlModule(): typeof import('yaml') {
  yaml ??= require('yaml') as typeof import('yaml');
  return yaml;
}

export interface Position {
  line: number;
  col: number;
}

type Key = string | number | symbol;

/** Position of the node at `path`, or of its nearest existing ancestor. With `key`, of that key in the map. */
export function locate(doc: Document, lc: LineCounter, path: readonly Key[], key?: string): Position {
  const { isMap, isPair, isScalar, isSeq } = yamlModule();
  let node: unknown = doc.contents;
  let best: unknown = node;
  for (const part of [...path, ...(key === undefined ? [] : [key])]) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      best = part === key ? pair.key : (pair.value ?? pair.key);
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number' && node.items[part]) {
      node = node.items[part];
      best = node;
    } else break;
  }
  const range = (best as Node | undefined)?.range;
  if (!range) return { line: 1, col: 1 };
  const pos = lc.linePos(range[0]);
  return { line: pos.line, col: pos.col };
}

/** Renders a zod-style path as `steps[2].expect.response.status`. */
export function formatPath(path: readonly Key[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(top level)';
}
