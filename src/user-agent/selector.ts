/**
 * Simple CSS selectors for the form-fill driver: compound selectors
 * (`tag#id.class[attr=value]`, operators `=`, `^=`, `$=`, `*=`), comma-separated.
 * No combinators: login configs name one control.
 */
import type { HtmlElement } from './html.js';

interface Compound {
  tag?: string;
  id?: string;
  classes: string[];
  attrs: Array<{ name: string; op?: '=' | '^=' | '$=' | '*='; value?: string }>;
}

/** Thrown for a selector this subset cannot express. */
export class SelectorError extends Error {}

function parseCompound(src: string): Compound {
  const out: Compound = { classes: [], attrs: [] };
  const re = /^([a-zA-Z][\w-]*|\*)|#([\w-]+)|\.([\w-]+)|\[\s*([\w-]+)\s*(?:([\^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+)))?\s*\]/gy;
  let i = 0;
  const s = src.trim();
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m || m.index !== i) throw new SelectorError(`unsupported selector "${src}" (only tag#id.class[attr=value] compounds)`);
    if (m[1]) out.tag = m[1] === '*' ? undefined : m[1].toLowerCase();
    else if (m[2]) out.id = m[2];
    else if (m[3]) out.classes.push(m[3]);
    else if (m[4]) {
      const value = m[6] ?? m[7] ?? m[8];
      out.attrs.push({ name: m[4].toLowerCase(), ...(m[5] ? { op: m[5] as '=', value: value ?? '' } : {}) });
    }
    i = re.lastIndex;
  }
  return out;
}

/** Does `el` match `selector`? Throws {@link SelectorError} for unsupported syntax. */
export function matchesSelector(el: HtmlElement, selector: string): boolean {
  return selector.split(',').some((part) => {
    const c = parseCompound(part);
    if (c.tag && c.tag !== el.tag) return false;
    if (c.id && el.attrs.id !== c.id) return false;
    const classes = (el.attrs.class ?? '').split(/\s+/);
    if (!c.classes.every((k) => classes.includes(k))) return false;
    return c.attrs.every(({ name, op, value }) => {
      const v = el.attrs[name];
      if (v === undefined) return false;
      if (!op) return true;
      const want = value ?? '';
      if (op === '=') return v === want;
      if (op === '^=') return v.startsWith(want);
      if (op === '$=') return v.endsWith(want);
      return v.includes(want);
    });
  });
}
