/**
 * A small strict XML reader for the JUnit tests: elements, attributes, text, the five
 * predefined entities and numeric references. It throws on what a CI parser would choke
 * on (an unescaped `<` or `&`, mismatched tags, control characters).
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string, where: number): string {
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s)) throw new Error(`control character at ${where}`);
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);|&/gi, (m, ref: string | undefined) => {
    if (!ref) throw new Error(`bare & at ${where}`);
    if (ref[0] === '#') return String.fromCodePoint(ref[1]?.toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    const v = ENTITIES[ref];
    if (v === undefined) throw new Error(`unknown entity &${ref}; at ${where}`);
    return v;
  });
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  xml = xml.replace(/^\uFEFF/, '');
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    stack[stack.length - 1]!.text += decode(text, i);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      i = xml.indexOf('-->', lt) + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new Error(`unclosed tag at ${lt}`);
    const tag = xml.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const open = stack.pop();
      if (!open || open.name !== tag.slice(1).trim()) throw new Error(`</${tag.slice(1)}> does not close <${open?.name}> at ${lt}`);
    } else {
      const self = tag.endsWith('/');
      const m = /^([A-Za-z_][\w.-]*)([\s\S]*?)\/?$/.exec(tag);
      if (!m) throw new Error(`bad tag <${tag}> at ${lt}`);
      const attrs: Record<string, string> = {};
      const rest = m[2]!.trim();
      const re = /([A-Za-z_][\w.:-]*)="([^"<]*)"/g;
      let consumed = '';
      for (const a of rest.matchAll(re)) {
        if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]} at ${lt}`);
        attrs[a[1]!] = decode(a[2]!, lt);
        consumed += a[0];
      }
      if (rest.replace(re, '').trim()) throw new Error(`malformed attributes in <${m[1]}> at ${lt}: ${rest.replace(re, '').trim().slice(0, 40)}`);
      const el: XmlElement = { name: m[1]!, attrs, children: [], text: '' };
      stack[stack.length - 1]!.children.push(el);
      if (!self) stack.push(el);
    }
    i = gt + 1;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (root.children.length !== 1) throw new Error('expected one root element');
  return root.children[0]!;
}

export function all(el: XmlElement, name: string): XmlElement[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
}
