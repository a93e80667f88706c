/**
 * The harness's user agent: it opens the authorization URL, signs in on the provider's
 * login-and-consent form (ticking or unticking scopes, or denying), and returns where
 * the provider sent the browser: back to the client's redirect URI, or nowhere.
 */

export interface ConsentChoice {
  username: string;
  password: string;
  deny?: boolean;
  /** Scopes to untick on the consent form. */
  untick?: string[];
  /** The browser's address (sent as X-Forwarded-For). */
  from?: string | undefined;
}

export type UserAgentResult =
  | { kind: 'callback'; url: string }
  | { kind: 'no-redirect'; status: number; title: string; detail: string }
  | { kind: 'login-failed'; detail: string };

type Fetch = typeof fetch;

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1]?.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

function pageText(html: string): { title: string; detail: string } {
  const strip = (s: string | undefined) => (s ?? '').replace(/<[^>]+>/g, '').trim();
  return { title: strip(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]) || 'error page', detail: strip(/<p[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1]) };
}

function isCallback(location: string, redirectUri: string): boolean {
  const a = new URL(location);
  const b = new URL(redirectUri);
  return a.origin === b.origin && a.pathname === b.pathname;
}

/** Drives one authorization through the provider's pages. */
export async function authorizeInBrowser(authorizationUrl: string, redirectUri: string, choice: ConsentChoice, fetchFn: Fetch = fetch): Promise<UserAgentResult> {
  const headers: Record<string, string> = { accept: 'text/html' };
  if (choice.from) headers['x-forwarded-for'] = choice.from;
  let res = await fetchFn(authorizationUrl, { redirect: 'manual', headers });
  let html = await res.text();
  for (let round = 0; round < 2; round++) {
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const absolute = new URL(location, res.url || authorizationUrl).toString();
      if (isCallback(absolute, redirectUri)) return { kind: 'callback', url: absolute };
      return { kind: 'no-redirect', status: res.status, title: 'redirected elsewhere', detail: absolute };
    }
    const form = /<form[^>]*id="login"[^>]*>([\s\S]*?)<\/form>/.exec(html);
    if (!form) return { kind: 'no-redirect', status: res.status, ...pageText(html) };
    if (round === 1) return { kind: 'login-failed', detail: pageText(html.replace(/<h1[\s\S]*?<\/h1>/, '')).detail || 'the login page was shown again' };
    const action = attr(form[0], 'action') ?? authorizationUrl;
    const body = new URLSearchParams();
    for (const input of form[1]!.match(/<input[^>]*>/g) ?? []) {
      const name = attr(input, 'name');
      const value = attr(input, 'value') ?? '';
      if (!name) continue;
      if (name === 'scope' && /type="checkbox"/.test(input)) {
        if (!/ disabled/.test(input) && !(choice.untick ?? []).includes(value)) body.append('scope', value);
      } else if (name === 'username') body.set('username', choice.username);
      else if (name === 'password') body.set('password', choice.password);
      else body.append(name, value);
    }
    body.set('decision', choice.deny ? 'deny' : 'allow');
    res = await fetchFn(action, { method: 'POST', redirect: 'manual', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
    html = await res.text();
  }
  return { kind: 'no-redirect', status: res.status, ...pageText(html) };
}
