import { defineCheck, fail, pass, skip } from '../../check.js';
import { outcomeOf, sameOutcome } from './outcome.js';
import { authenticatedRaw } from './raw-token.js';

/** RFC 6749 App. B: form bodies decode `+` as space, exactly like `%20`. */
export default defineCheck({
  id: 'AS-TOK-FORM-BODY',
  specRef: 'RFC 6749 §4.1.3, §4.4.2, §6, App. B',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'Form bodies are decoded per Appendix B: scope=a+b and scope=a%20b mean the same.',
  requires: ['endpoint:token_endpoint', 'grant:client_credentials'],
  async run(ctx) {
    const scopes = (ctx.config.scopes.clientCredentials ?? '').split(' ').filter(Boolean);
    if (scopes.length < 2) return skip('needs scopes.clientCredentials with at least two scope values');
    const [a, b] = scopes.map(encodeURIComponent) as [string, string];
    ctx.step('scope with %20');
    const pct = outcomeOf(await authenticatedRaw(ctx, `grant_type=client_credentials&scope=${a}%20${b}`));
    ctx.step('scope with +');
    const plus = outcomeOf(await authenticatedRaw(ctx, `grant_type=client_credentials&scope=${a}+${b}`));
    if (!sameOutcome(pct, plus)) {
      fail('scope=a+b and scope=a%20b gave different results: "+" is not decoded as a space', pct, plus);
    }
    return pass();
  },
});
