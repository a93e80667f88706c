/**
 * The smallest cookie jar a scripted browser needs on loopback servers: name=value pairs
 * per host (cookies ignore ports, RFC 6265 §8.5), no expiry, no path scoping.
 */
export class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  /** Stores the `Set-Cookie` headers of a response to `url`. */
  store(url: string, res: Response): void {
    const host = new URL(url).hostname;
    const jar = this.byHost.get(host) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';', 1)[0]!;
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/;\s*max-age=0\b/i.test(line) || /;\s*expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    this.byHost.set(host, jar);
  }

  /** The `Cookie` header for a request to `url`, or undefined. */
  header(url: string): string | undefined {
    const jar = this.byHost.get(new URL(url).hostname);
    if (!jar?.size) return undefined;
    return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}
