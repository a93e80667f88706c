/**
 * Reading the forms of a login page well enough to fill them: action, method, inputs and
 * buttons. Regular expressions suffice for the plain pages real servers render for
 * scripted logins; a page that needs JavaScript needs another user agent.
 */

export interface PageInput {
  name: string;
  value: string;
  type: string;
}

export interface PageForm {
  action: string;
  method: 'GET' | 'POST';
  inputs: PageInput[];
  /** Submit buttons: the name and value sent when pressed, and the label. */
  submits: { name: string | undefined; value: string; label: string }[];
}

function attr(tag: string, name: string): string | undefined {
  const raw = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const v = raw?.[1] ?? raw?.[2] ?? raw?.[3];
  return v?.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#(\d+);/g, (_m, d: string) => String.fromCharCode(Number(d)));
}

/** The forms of a page, their actions resolved against `pageUrl`. */
export function parseForms(html: string, pageUrl: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const [, open = '', inner = ''] = m;
    const inputs: PageInput[] = [];
    const submits: PageForm['submits'] = [];
    for (const tag of inner.match(/<input\b[^>]*>/gi) ?? []) {
      const name = attr(tag, 'name');
      const type = (attr(tag, 'type') ?? 'text').toLowerCase();
      const value = attr(tag, 'value') ?? '';
      if (type === 'submit') submits.push({ name, value, label: value });
      else if (name) inputs.push({ name, value, type });
    }
    for (const b of inner.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)) {
      const type = (attr(b[1]!, 'type') ?? 'submit').toLowerCase();
      if (type === 'submit') submits.push({ name: attr(b[1]!, 'name'), value: attr(b[1]!, 'value') ?? '', label: b[2]!.replace(/<[^>]+>/g, '').trim() });
    }
    forms.push({
      action: new URL(attr(open, 'action') ?? pageUrl, pageUrl).toString(),
      method: (attr(open, 'method') ?? 'GET').toUpperCase() === 'POST' ? 'POST' : 'GET',
      inputs,
      submits,
    });
  }
  return forms;
}

/** Title and first paragraph of a page, for "the provider showed an error page" messages. */
export function pageText(html: string): { title: string; detail: string } {
  const strip = (s: string | undefined) => (s ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  const title = strip(/<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1]) || strip(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]) || 'error page';
  const detail = strip(/<(?:p|pre)[^>]*>([\s\S]*?)<\/(?:p|pre)>/i.exec(html)?.[1]) || strip(html).slice(0, 200);
  return { title, detail };
}
