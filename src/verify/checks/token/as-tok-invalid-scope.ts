import { defineCheck, fail, pass } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { bogus } from '../../flows/random.js';

/** RFC 6749 §3.3, §5.2: an unknown scope is rejected (`invalid_scope`) or dropped and the granted scope reported. */
export default defineCheck({
  id: 'AS-TOK-INVALID-SCOPE',
  specRef: 'RFC 6749 §3.3, §5.2',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'An unknown scope is refused with invalid_scope, or left out of a granted scope that the response states.',
  requires: ['endpoint:token_endpoint', 'grant:client_credentials'],
  async run(ctx) {
    const unknown = bogus('no-such-scope');
    const r = await clientCredentials(ctx, { scope: unknown });
    if (r.res.status === 400 && r.error === 'invalid_scope') return pass();
    if (r.ok) {
      const scope = r.body?.scope;
      if (typeof scope === 'string' && !scope.split(' ').includes(unknown)) return pass('the unknown scope was dropped and the granted scope stated');
      fail(
        typeof scope === 'string' ? `the unknown scope ${unknown} was granted` : 'a token was issued for an unknown scope without a scope member stating what was granted',
        `400 invalid_scope, or 200 with a scope not containing ${unknown}`,
        { status: r.res.status, scope: scope ?? null },
      );
    }
    fail(`scope=${unknown}: expected 400 invalid_scope, got HTTP ${r.res.status}${r.error ? ` error=${r.error}` : ''}`, { status: 400, error: 'invalid_scope' }, { status: r.res.status, error: r.error });
  },
});
