/** The least cookie jar a browser needs to keep one web client's session: name → value per origin. */
export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  /** Stores the `Set-Cookie` headers of a response to `url`. */
  store(url: string, res: Response): void {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      if (eq <= 0) continue;
      const name = pair!.slice(0, eq).trim();
      const expired = attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a) || /^\s*expires\s*=\s*thu, 01 jan 1970/i.test(a));
      if (expired) jar.delete(name);
      else jar.set(name, pair!.slice(eq + 1).trim());
    }
    this.jars.set(origin, jar);
  }

  /** The `Cookie` header for a request to `url`, if any. */
  header(url: string): string | undefined {
    const jar = this.jars.get(new URL(url).origin);
    return jar?.size ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }

  clear(): void {
    this.jars.clear();
  }
}
