import { serveCommand, type ServeInfo } from '../../src/cli/commands/serve.js';

export interface Served {
  info: ServeInfo;
  close: () => Promise<void>;
  admin: (path: string, init?: { method?: string; body?: unknown; text?: string }) => Promise<{ status: number; json: any }>;
}

/** `serve` in-process on a free port. */
export async function serve(profile: string[], redirectUri: string[] = []): Promise<Served> {
  const { info, close } = await serveCommand({ profile, port: '0', host: '127.0.0.1', seed: '1', redirectUri });
  const admin: Served['admin'] = async (path, init = {}) => {
    const body = init.text ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    const res = await fetch(`${info.admin}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), ...(body ? { body, headers: { 'content-type': 'application/json' } } : {}) });
    return { status: res.status, json: await res.json() };
  };
  return { info, close, admin };
}

/** The login-and-consent form of an authorization URL, as a browser would read it. */
export async function openLoginForm(url: string): Promise<{ action: string; hidden: Record<string, string>; scopes: string[]; html: string }> {
  const res = await fetch(url, { redirect: 'manual' });
  const html = await res.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '';
  const hidden = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
  const scopes = [...html.matchAll(/<input type="checkbox" name="scope" value="([^"]+)" checked>/g)].map((m) => m[1]!);
  return { action: action.replace(/&amp;/g, '&'), hidden, scopes, html };
}

export const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
