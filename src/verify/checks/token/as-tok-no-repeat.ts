import { defineCheck, pass } from '../../check.js';
import { tokenRequest } from '../../flows/token.js';
import { expectError } from '../expect.js';

/** RFC 6749 §3.2 ("MUST NOT be included more than once") and §5.2 `invalid_request`. */
export default defineCheck({
  id: 'AS-TOK-NO-REPEAT',
  specRef: 'RFC 6749 §3.2, §5.2',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'A token request with a repeated parameter is refused with invalid_request.',
  requires: ['endpoint:token_endpoint', 'grant:client_credentials'],
  async run(ctx) {
    ctx.step('grant_type twice');
    const g = await tokenRequest(ctx, { params: [['grant_type', 'client_credentials'], ['grant_type', 'client_credentials']] });
    expectError(g, ['invalid_request'], 'grant_type repeated', [400]);
    ctx.step('scope twice');
    const [a = 'openid', b = a] = (ctx.config.scopes.clientCredentials ?? '').split(' ').filter(Boolean);
    const s = await tokenRequest(ctx, { params: [['grant_type', 'client_credentials'], ['scope', a], ['scope', b]] });
    expectError(s, ['invalid_request'], 'scope repeated', [400]);
    return pass();
  },
});
