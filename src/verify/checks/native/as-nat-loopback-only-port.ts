import { defineCheck, fail, pass } from '../../check.js';
import { attemptAuthorization } from '../../flows/attempt.js';
import { loopbackRedirect } from './loopback.js';

/** RFC 8252 §7.3; RFC 9700 §4.1.3: only the port may vary; scheme, host, path and query match exactly. */
export default defineCheck({
  id: 'AS-NAT-LOOPBACK-ONLY-PORT',
  specRef: 'RFC 8252 §7.3; RFC 9700 §4.1.3',
  level: 'MUST',
  mode: 'UA+CFG',
  title: 'For a loopback redirect URI only the port may vary: other path, host name or scheme are refused.',
  requires: ['endpoint:authorization_endpoint', 'user-agent', 'fixture:F6'],
  async run(ctx) {
    const { registered, withPort } = loopbackRedirect(ctx);
    const base = new URL(withPort(registered));
    const variants: Array<[string, string]> = [];
    const other = new URL(base.href);
    other.pathname = `${registered.pathname.replace(/\/$/, '')}-other`;
    variants.push(['other path', other.href]);
    const host = new URL(base.href);
    host.hostname = registered.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    variants.push(['other loopback host name', host.href]);
    variants.push(['https scheme', base.href.replace(/^http:/, 'https:')]);
    const accepted: string[] = [];
    for (const [name, uri] of variants) {
      ctx.step(name);
      const o = await attemptAuthorization(ctx, { client: ctx.clients.native!, redirectUri: uri });
      if (o.redirect && o.redirect.url.startsWith(uri)) accepted.push(`${name} (${uri})`);
    }
    if (accepted.length) fail(`loopback variants were redirected to: ${accepted.join('; ')}`, 'only the port may differ', accepted);
    return pass();
  },
});
