/**
 * JSON parsing that notices what `JSON.parse` hides: duplicate member names
 * (RFC 6749 §3.2 forbids repeated response parameters; RFC 8259 §4 leaves them undefined).
 */

export interface StrictJson {
  value: unknown;
  /** Member names seen more than once in the same object, as `path.name`. */
  duplicates: string[];
}

/** Parse `text`; returns `undefined` when it is not JSON. */
export function parseJsonStrict(text: string): StrictJson | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return { value, duplicates: findDuplicateMembers(text) };
}

/** Scan raw JSON text for duplicate names within one object. */
export function findDuplicateMembers(text: string): string[] {
  const duplicates: string[] = [];
  const stack: Array<{ names: Set<string>; isObject: boolean; expectName: boolean }> = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.isObject && top.expectName) {
        const name = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.names.has(name)) duplicates.push(name);
        top.names.add(name);
        top.expectName = false;
      }
      i = j + 1;
      continue;
    }
    if (ch === '{') stack.push({ names: new Set(), isObject: true, expectName: true });
    else if (ch === '[') stack.push({ names: new Set(), isObject: false, expectName: false });
    else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.isObject) top.expectName = true;
    }
    i += 1;
  }
  return duplicates;
}

/** A plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
