/** The native client's loopback redirect URI with a request-time port (RFC 8252 §7.3). */
import type { CheckContext } from '../../context.js';
import { skipNow } from '../../check.js';

export function loopbackRedirect(ctx: CheckContext): { registered: URL; port: number; withPort: (u: URL) => string } {
  const registered = new URL(ctx.clients.native!.redirect_uri!);
  if (registered.protocol !== 'http:' || !['127.0.0.1', '[::1]', 'localhost'].includes(registered.hostname)) {
    skipNow(`${ctx.clients.native!.label} is not registered with a loopback http redirect URI`);
  }
  const port = 49152 + Math.floor(Math.random() * 16000);
  return {
    registered,
    port,
    withPort: (u) => {
      const c = new URL(u.href);
      c.port = String(port);
      return c.href;
    },
  };
}
