import { defineCheck, pass } from '../../check.js';
import { tokenRequest } from '../../flows/token.js';
import { expectError } from '../expect.js';

/** RFC 6749 §5.2: a missing required parameter is `invalid_request`. */
export default defineCheck({
  id: 'AS-TOK-MISSING-GRANT',
  specRef: 'RFC 6749 §5.2',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'An authenticated token request without grant_type gets 400 invalid_request.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const r = await tokenRequest(ctx, { params: [] });
    expectError(r, ['invalid_request'], 'token request with an empty body', [400]);
    return pass();
  },
});
