/**
 * The user agent's cookie jar, on tough-cookie (RFC 6265,
 * https://www.rfc-editor.org/rfc/rfc6265): domain and path matching, expiry, and the
 * `SameSite` attribute (RFC 6265bis §5.4.7), so a cross-site request can be sent the way
 * a browser would send it (AS-AZ-CSRF). Cookies ignore ports (RFC 6265 §8.5), as in a
 * browser. Loopback hosts count as secure contexts, as browsers treat them, so `Secure`
 * cookies of a server on http://127.0.0.1 are sent back.
 */
import { CookieJar as ToughJar } from 'tough-cookie';

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function isSecureContext(u: URL): boolean {
  return u.protocol === 'https:' || isLoopback(u.hostname);
}

export class CookieJar {
  private jar = new ToughJar();

  /** Stores the `Set-Cookie` values of a response to `url`; cookies a browser would refuse are left out. */
  store(url: string, setCookies: readonly string[]): void {
    for (const line of setCookies) this.jar.setCookieSync(line, url, { ignoreError: true });
  }

  /**
   * The `Cookie` header for a request to `url`, or undefined. With `crossSite`, only
   * `SameSite=None` cookies are sent (an absent attribute counts as `Lax`, as current
   * browsers default), as a browser does for a cross-site POST.
   */
  header(url: string, options: { crossSite?: boolean } = {}): string | undefined {
    const cookies = this.jar.getCookiesSync(url, { secure: isSecureContext(new URL(url)) }).filter((c) => !options.crossSite || c.sameSite === 'none');
    return cookies.length ? cookies.map((c) => c.cookieString()).join('; ') : undefined;
  }

  /** Forgets every cookie (the browser's session is gone). */
  clear(): void {
    this.jar = new ToughJar();
  }
}
