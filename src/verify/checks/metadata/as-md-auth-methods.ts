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
    const methods = tokenAuthMethods(ctx.metadata).filter((m) => m === 'client_secret_basic' || m === 'client_secret_post');
    if (!methods.length) return skip('no secret-based method is advertised');
    for (const m of methods) {
      ctx.step(m);
      const r = await clientCredentials(ctx, { auth: m === 'client_secret_basic' ? 'basic' : 'post' });
      if (!r.ok) fail(`${m} is advertised but failed for ${ctx.clients.primary.label} (HTTP ${r.res.status}${r.error ? ` ${r.error}` : ''})`, 200, r.res.status);
    }
    return pass(`works: ${methods.join(', ')}`);
  },
});
