/**
 * A small, tolerant HTML reader for the form-fill driver and page checks: forms and
 * their controls, links, sub-resources and `<meta>` tags. Not a DOM; enough for
 * login/consent pages and for finding third-party resources (RFC 9700 §4.2.4).
 */

export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  /** Text content (buttons, links, options). */
  text: string;
}

export interface HtmlControl extends HtmlElement {
  /** `type` attribute, lower-cased, with the HTML default (`text` for input, `submit` for button). */
  type: string;
  name?: string;
  value: string;
}

export interface HtmlForm extends HtmlElement {
  /** Resolved action URL. */
  action: string;
  method: 'GET' | 'POST';
  controls: HtmlControl[];
}

export interface HtmlPage {
  forms: HtmlForm[];
  links: Array<HtmlElement & { href: string }>;
  /** `script[src]`, `img[src]`, `iframe[src]`, `link[href]` with resolved URLs. */
  resources: Array<{ tag: string; url: string }>;
  metas: Array<Record<string, string>>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode HTML character references. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function parseAttrs(src: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const name = m[1]!.toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

function resolveUrl(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

function stripTags(s: string): string {
  return decodeEntities(s.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** Read `html` served at `baseUrl`. */
export function parseHtml(html: string, baseUrl: string): HtmlPage {
  const page: HtmlPage = { forms: [], links: [], resources: [], metas: [] };
  const source = html.replace(/<!--[\s\S]*?-->/g, '');
  const tagRe = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let form: HtmlForm | undefined;
  for (let m = tagRe.exec(source); m; m = tagRe.exec(source)) {
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (closing) {
      if (tag === 'form') form = undefined;
      continue;
    }
    const attrs = parseAttrs(m[3] ?? '');
    const innerText = (closeTag: string): string => {
      const end = source.toLowerCase().indexOf(`</${closeTag}`, tagRe.lastIndex);
      return end < 0 ? '' : stripTags(source.slice(tagRe.lastIndex, end));
    };
    switch (tag) {
      case 'form': {
        const method = (attrs.method ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET';
        form = { tag, attrs, text: '', action: resolveUrl(attrs.action ?? baseUrl, baseUrl), method, controls: [] };
        page.forms.push(form);
        break;
      }
      case 'input':
      case 'button':
      case 'textarea':
      case 'select': {
        const text = tag === 'button' || tag === 'textarea' ? innerText(tag) : '';
        const type = (attrs.type ?? (tag === 'button' ? 'submit' : tag === 'input' ? 'text' : tag)).toLowerCase();
        let value = attrs.value ?? (tag === 'textarea' ? text : '');
        if (tag === 'select') {
          const end = source.toLowerCase().indexOf('</select', tagRe.lastIndex);
          const inner = end < 0 ? '' : source.slice(tagRe.lastIndex, end);
          const opts = [...inner.matchAll(/<option((?:[^>"']|"[^"]*"|'[^']*')*)>([^<]*)/gi)];
          const chosen = opts.find((o) => /\bselected\b/i.test(o[1] ?? '')) ?? opts[0];
          value = chosen ? (parseAttrs(chosen[1] ?? '').value ?? chosen[2]!.trim()) : '';
        }
        const control: HtmlControl = { tag, attrs, text, type, value, ...(attrs.name !== undefined ? { name: attrs.name } : {}) };
        const owner = attrs.form ? page.forms.find((f) => f.attrs.id === attrs.form) : form;
        owner?.controls.push(control);
        break;
      }
      case 'a':
        if (attrs.href !== undefined) page.links.push({ tag, attrs, text: innerText('a'), href: resolveUrl(attrs.href, baseUrl) });
        break;
      case 'script':
      case 'img':
      case 'iframe':
        if (attrs.src) page.resources.push({ tag, url: resolveUrl(attrs.src, baseUrl) });
        break;
      case 'link':
        if (attrs.href) page.resources.push({ tag, url: resolveUrl(attrs.href, baseUrl) });
        break;
      case 'meta':
        page.metas.push(attrs);
        break;
      default:
    }
  }
  return page;
}

/** Is the control a submit control? */
export function isSubmit(c: HtmlControl): boolean {
  return (c.tag === 'button' && c.type === 'submit') || (c.tag === 'input' && (c.type === 'submit' || c.type === 'image'));
}

/** Successful controls of `form` (HTML §4.10.21.4), with `submitter` included when named. */
export function formData(form: HtmlForm, submitter?: HtmlControl): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const c of form.controls) {
    if (!c.name || 'disabled' in c.attrs) continue;
    if (isSubmit(c) || c.type === 'reset' || c.type === 'button' || c.type === 'file') {
      if (c === submitter) out.push([c.name, c.value]);
      continue;
    }
    if ((c.type === 'checkbox' || c.type === 'radio') && !('checked' in c.attrs)) continue;
    out.push([c.name, c.type === 'checkbox' && c.value === '' ? 'on' : c.value]);
  }
  return out;
}
