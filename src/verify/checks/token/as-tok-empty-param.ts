import { defineCheck, fail, pass } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { expectError } from '../expect.js';
import { outcomeOf, sameOutcome } from './outcome.js';
import { authenticatedRaw } from './raw-token.js';
import { canUseClientCredentials } from './sample.js';

/** RFC 6749 §3.2: "Parameters sent without a value MUST be treated as if they were omitted". */
export default defineCheck({
  id: 'AS-TOK-EMPTY-PARAM',
  specRef: 'RFC 6749 §3.2',
  level: 'MUST',
  mode: 'A',
  title: 'Token request parameters with an empty value are treated as absent.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    if (canUseClientCredentials(ctx)) {
      ctx.step('scope omitted');
      const omitted = outcomeOf(await clientCredentials(ctx, { scope: null }));
      ctx.step('scope= (empty)');
      const empty = outcomeOf(await authenticatedRaw(ctx, 'grant_type=client_credentials&scope='));
      if (!sameOutcome(omitted, empty)) fail('an empty scope parameter was not treated like an omitted one', omitted, empty);
    }
    ctx.step('code= (empty)');
    const code = await authenticatedRaw(ctx, 'grant_type=authorization_code&code=');
    expectError(code, ['invalid_request'], 'grant_type=authorization_code&code= (empty code means a missing code)', [400]);
    return pass();
  },
});
