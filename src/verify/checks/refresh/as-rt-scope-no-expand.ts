import { defineCheck, fail, pass, skip } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { refresh } from '../../flows/grants.js';
import { grantedScope } from '../token/granted-scope.js';
import { s0 } from './scopes.js';

/** RFC 6749 §6, §5.2 (`invalid_scope`): refresh cannot add scopes beyond the original grant. */
export default defineCheck({
  id: 'AS-RT-SCOPE-NO-EXPAND',
  specRef: 'RFC 6749 §6, §5.2 (invalid_scope)',
  level: 'MUST',
  derived: true,
  mode: 'UA',
  title: 'A refresh asking for a scope outside the original grant gets invalid_scope.',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    const extra = ctx.config.scopes.extra;
    if (!extra) return skip('needs scopes.extra: a scope the client may obtain that is not in scopes.refresh');
    const t = await obtainRefreshable(ctx);
    const r = await refresh(ctx, t.refreshToken, { scope: [...s0(ctx), extra].join(' ') });
    if (!r.ok) return pass(r.error === 'invalid_scope' ? undefined : `refused with ${r.error ?? r.res.status}`);
    const granted = await grantedScope(ctx, r.body);
    if (!granted || granted.scopes.includes(extra)) {
      fail(`refresh granted the scope "${extra}" that was not in the original grant`, 'invalid_scope', granted ? granted.scopes.join(' ') : 'scope not stated (means: as requested)');
    }
    return pass('the extra scope was dropped and the granted scope stated');
  },
});
