/**
 * The user agent's HTML reader, on parse5 (the WHATWG HTML parsing algorithm,
 * https://html.spec.whatwg.org/multipage/parsing.html): forms and their controls, links,
 * sub-resources and `<meta>` tags of a page, and its title and first paragraph for
 * messages. Character references (`&amp;`, `&#47;`, `&#x2F;`, `&eacute;`) are decoded by
 * the parser, as a browser decodes them. Not a DOM and no JavaScript: enough for login and
 * consent pages and for finding third-party resources (RFC 9700 §4.2.4).
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

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

const isElement = (n: Node): n is Element => 'tagName' in n;

function attrsOf(el: Element): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const a of el.attrs) if (!(a.name in attrs)) attrs[a.name] = a.value;
  return attrs;
}

/** Text of `node` and its descendants, white space folded; scripts and styles are not text. */
function textOf(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeName === '#text') parts.push((n as DefaultTreeAdapterTypes.TextNode).value);
    else if (isElement(n) && (n.tagName === 'script' || n.tagName === 'style')) return;
    if ('childNodes' in n) for (const c of n.childNodes) walk(c);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function elements(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node): void => {
    if (isElement(n)) out.push(n);
    if ('childNodes' in n) for (const c of n.childNodes) walk(c);
  };
  walk(root);
  return out;
}

function resolveUrl(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

function selectValue(select: Element): string {
  const options = elements(select).filter((e) => e.tagName === 'option');
  const chosen = options.find((o) => o.attrs.some((a) => a.name === 'selected')) ?? options[0];
  if (!chosen) return '';
  return attrsOf(chosen).value ?? textOf(chosen);
}

/** Read `html` served at `baseUrl`. */
export function parseHtml(html: string, baseUrl: string): HtmlPage {
  const page: HtmlPage = { forms: [], links: [], resources: [], metas: [] };
  const formOf = new Map<Element, HtmlForm>();
  const walk = (n: Node, form: HtmlForm | undefined): void => {
    if (!isElement(n)) {
      if ('childNodes' in n) for (const c of n.childNodes) walk(c, form);
      return;
    }
    const tag = n.tagName;
    const attrs = attrsOf(n);
    switch (tag) {
      case 'form': {
        const method = (attrs.method ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET';
        form = { tag, attrs, text: '', action: resolveUrl(attrs.action ?? baseUrl, baseUrl), method, controls: [] };
        page.forms.push(form);
        formOf.set(n, form);
        break;
      }
      case 'input':
      case 'button':
      case 'textarea':
      case 'select': {
        const text = tag === 'button' || tag === 'textarea' ? textOf(n) : '';
        const type = (attrs.type ?? (tag === 'button' ? 'submit' : tag === 'input' ? 'text' : tag)).toLowerCase();
        const value = tag === 'select' ? selectValue(n) : (attrs.value ?? (tag === 'textarea' ? text : ''));
        const control: HtmlControl = { tag, attrs, text, type, value, ...(attrs.name !== undefined ? { name: attrs.name } : {}) };
        const owner = attrs.form !== undefined ? page.forms.find((f) => f.attrs.id === attrs.form) : form;
        owner?.controls.push(control);
        break;
      }
      case 'a':
        if (attrs.href !== undefined) page.links.push({ tag, attrs, text: textOf(n), href: resolveUrl(attrs.href, baseUrl) });
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
    for (const c of n.childNodes) walk(c, form);
  };
  walk(parse(html), undefined);
  return page;
}

/** Every form control named `name` on the page, in document order (a consent form's `scope` boxes, a hidden `txn`). */
export function controlsNamed(html: string, name: string): HtmlControl[] {
  return parseHtml(html, 'http://localhost/').forms.flatMap((f) => f.controls.filter((c) => c.name === name));
}

/** Is the control a submit control? */
export function isSubmit(c: HtmlControl): boolean {
  return (c.tag === 'button' && c.type === 'submit') || (c.tag === 'input' && (c.type === 'submit' || c.type === 'image'));
}

/**
 * The form data set of `form` (HTML §4.10.21.4, "constructing the entry list"): its
 * successful controls, with `submitter` included when named.
 */
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

/**
 * Title and first paragraph of a page, for "the provider showed an error page" messages:
 * the first `<h1>` (else `<title>`, else "error page"), and the first `<p>` or `<pre>`
 * outside it (else the start of the page's text).
 */
export function pageText(html: string): { title: string; detail: string } {
  const all = elements(parse(html));
  const h1 = all.find((e) => e.tagName === 'h1');
  const title = (h1 && textOf(h1)) || textOf(all.find((e) => e.tagName === 'title') ?? parse('')) || 'error page';
  const body = all.find((e) => e.tagName === 'body');
  return { title, detail: paragraphOf(all) || (body ? textOf(body).slice(0, 200) : '') };
}

/** The first `<p>` or `<pre>` of a page outside its heading (a login page's error message), or ''. */
export function firstParagraph(html: string): string {
  return paragraphOf(elements(parse(html)));
}

function paragraphOf(all: Element[]): string {
  const h1 = all.find((e) => e.tagName === 'h1');
  const paragraph = all.find((e) => (e.tagName === 'p' || e.tagName === 'pre') && !(h1 && isInside(e, h1)));
  return paragraph ? textOf(paragraph) : '';
}

function isInside(node: Element, ancestor: Element): boolean {
  for (let p: Node | null = node.parentNode; p; p = 'parentNode' in p ? p.parentNode : null) if (p === ancestor) return true;
  return false;
}
