/**
 * A minimal cookie jar (RFC 6265 subset) for the form-fill driver: host/path matching,
 * expiry, and the `SameSite` attribute, so a cross-site request can be simulated the way
 * a browser would send it (AS-AZ-CSRF).
 */

interface StoredCookie {
  name: string;
  value: string;
  host: string;
  domain?: string;
  path: string;
  secure: boolean;
  /** `lax` when the attribute is absent, as current browsers default. */
  sameSite: 'strict' | 'lax' | 'none';
  expires?: number;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export class CookieJar {
  private cookies: StoredCookie[] = [];

  /** Store the `Set-Cookie` values of a response to `url`. */
  store(url: string, setCookies: readonly string[]): void {
    const u = new URL(url);
    for (const line of setCookies) {
      const [pair = '', ...attrParts] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const cookie: StoredCookie = {
        name: pair.slice(0, eq).trim(),
        value: pair.slice(eq + 1).trim(),
        host: u.hostname,
        path: u.pathname.replace(/\/[^/]*$/, '') || '/',
        secure: false,
        sameSite: 'lax',
      };
      for (const part of attrParts) {
        const [k = '', ...rest] = part.split('=');
        const key = k.trim().toLowerCase();
        const val = rest.join('=').trim();
        if (key === 'path' && val.startsWith('/')) cookie.path = val;
        else if (key === 'domain' && val) cookie.domain = val.replace(/^\./, '').toLowerCase();
        else if (key === 'secure') cookie.secure = true;
        else if (key === 'samesite') cookie.sameSite = (['strict', 'none'].includes(val.toLowerCase()) ? val.toLowerCase() : 'lax') as StoredCookie['sameSite'];
        else if (key === 'max-age' && /^-?\d+$/.test(val)) cookie.expires = Date.now() + Number(val) * 1000;
        else if (key === 'expires' && cookie.expires === undefined && !Number.isNaN(Date.parse(val))) cookie.expires = Date.parse(val);
      }
      this.cookies = this.cookies.filter(
        (c) => !(c.name === cookie.name && c.path === cookie.path && (c.domain ?? c.host) === (cookie.domain ?? cookie.host)),
      );
      if (cookie.expires === undefined || cookie.expires > Date.now()) this.cookies.push(cookie);
    }
  }

  /**
   * The `Cookie` header for a request to `url`. With `crossSite`, only `SameSite=None`
   * cookies are sent, as a browser does for a cross-site POST.
   */
  header(url: string, options: { crossSite?: boolean } = {}): string | undefined {
    const u = new URL(url);
    const now = Date.now();
    const secureOk = u.protocol === 'https:' || isLoopback(u.hostname);
    const list = this.cookies.filter((c) => {
      if (c.expires !== undefined && c.expires <= now) return false;
      const hostOk = c.domain ? u.hostname === c.domain || u.hostname.endsWith(`.${c.domain}`) : u.hostname === c.host;
      const pathOk = u.pathname === c.path || u.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`);
      if (!hostOk || !pathOk || (c.secure && !secureOk)) return false;
      return !options.crossSite || c.sameSite === 'none';
    });
    return list.length ? list.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }
}
