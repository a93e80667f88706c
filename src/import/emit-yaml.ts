/**
 * Writing a generated file (a scenario, a profile) as YAML with comments, through the
 * `yaml` package's Document API: a comment block on top, comments above chosen keys
 * and list items, and short maps and lists in flow style so a file reads like the
 * hand-written ones under `scenarios/` and `mocks/profiles/`.
 */
import { Document, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';

export interface Annotated {
  /** The data to write (plain JSON-like values). */
  data: Record<string, unknown>;
  /** Lines of the comment block on top of the file. */
  header: string[];
  /** Comment lines above a key or a list item, by path (`provider.switches.clientAuth.methods`, `steps.2`). */
  notes: Map<string, string[]>;
  /** Paths whose value is written in flow style (`{ a: 1 }`, `[a, b]`) however deep. */
  flow?: (path: string[], value: unknown) => boolean;
}

const commentText = (lines: string[]) => lines.map((l) => ` ${l.replace(/\s*\n\s*/g, ' ')}`).join('\n');

/** The YAML text of an annotated document. */
export function toYaml(a: Annotated): string {
  const doc = new Document(a.data);
  if (a.header.length) doc.commentBefore = commentText(a.header);
  const wants = a.flow ?? defaultFlow;
  const keys = [...a.notes.keys()];
  // a comment cannot sit inside a one-line collection: a collection with notes inside stays in block style
  const flow = (path: string[], value: unknown) => !keys.some((k) => k.startsWith(`${path.join('.')}.`)) && wants(path, value);
  const walk = (node: unknown, path: string[]) => {
    if (isMap(node)) {
      if (path.length && flow(path, node.toJSON())) node.flow = true;
      for (const item of node.items as Pair[]) {
        if (!isPair(item) || !isScalar(item.key)) continue;
        const p = [...path, String(item.key.value)];
        const note = a.notes.get(p.join('.'));
        if (note?.length) item.key.commentBefore = commentText(note);
        walk(item.value, p);
      }
    } else if (isSeq(node)) {
      if (path.length && flow(path, node.toJSON())) node.flow = true;
      node.items.forEach((item, i) => {
        const p = [...path, String(i)];
        const note = a.notes.get(p.join('.'));
        if (note?.length && item && typeof item === 'object') (item as Node).commentBefore = commentText(note);
        walk(item, p);
      });
    }
  };
  walk(doc.contents, []);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Lists of scalars, and maps of scalars (or of short lists), are short enough for one line. */
export function defaultFlow(_path: string[], value: unknown): boolean {
  if (Array.isArray(value)) return value.every((v) => v === null || typeof v !== 'object') && JSON.stringify(value).length <= 120;
  if (value && typeof value === 'object') {
    const entries = Object.values(value as Record<string, unknown>);
    return entries.length <= 6 && entries.every((v) => v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => typeof x !== 'object')) || (typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every((x) => x === null || typeof x !== 'object')));
  }
  return false;
}
