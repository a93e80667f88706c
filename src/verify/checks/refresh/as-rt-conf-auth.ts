import { defineCheck, pass } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { refresh } from '../../flows/grants.js';
import { expectError } from '../expect.js';

/** RFC 6749 §6: confidential clients authenticate on refresh. */
export default defineCheck({
  id: 'AS-RT-CONF-AUTH',
  specRef: 'RFC 6749 §6',
  level: 'MUST',
  mode: 'UA',
  title: 'A confidential client cannot refresh with only its client_id.',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    const t = await obtainRefreshable(ctx);
    expectError(await refresh(ctx, t.refreshToken, { auth: 'none' }), ['invalid_client'], 'refresh with client_id and no secret', [400, 401]);
    return pass();
  },
});
