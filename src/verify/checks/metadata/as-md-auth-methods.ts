import { defineCheck, fail, pass, skip } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { tokenAuthMethods } from '../../metadata.js';

/** RFC 8414 §2 (default `client_secret_basic`): the advertised secret-based methods work. */
export default defineCheck({
  id: 'AS-MD-AUTH-METHODS',
  specRef: 'RFC 8414 §2; RFC 6749 §2.3.1',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'Each advertised client_secret_basic / client_secret_post method (default: basic) works.',
  requires: ['endpoint:token_endpoint', 'grant:client_credentials'],
  async run(ctx) {
    const advertised = tokenAuthMethods(ctx.metadata).filter((m) => m === 'client_secret_basic' || m === 'client_secret_post');
    if (!advertised.length) return skip('no secret-based method is advertised');
    // a client registered for one method is refused the other by design: only its own is tried
    const own = ctx.clients.primary.authMethod;
    const methods = own ? advertised.filter((m) => m === (own === 'post' ? 'client_secret_post' : 'client_secret_basic')) : advertised;
    if (!methods.length) return skip(`${ctx.clients.primary.label} is registered for client_secret_${own}, which is not advertised`);
    for (const m of methods) {
      ctx.step(m);
      const r = await clientCredentials(ctx, { auth: m === 'client_secret_basic' ? 'basic' : 'post' });
      if (!r.ok) fail(`${m} is advertised but failed for ${ctx.clients.primary.label} (HTTP ${r.res.status}${r.error ? ` ${r.error}` : ''})`, 200, r.res.status);
    }
    const untried = advertised.filter((m) => !methods.includes(m));
    return pass(`works: ${methods.join(', ')}${untried.length ? `; ${untried.join(', ')} not tried (${ctx.clients.primary.label} is registered for client_secret_${own} only)` : ''}`);
  },
});
