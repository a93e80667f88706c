import { defineCheck, pass } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { expectError } from '../expect.js';

/** RFC 6749 §3.2.1, §4.4.2: a confidential client must authenticate; its id alone is not enough. */
export default defineCheck({
  id: 'AS-CA-CONF-REQUIRED',
  specRef: 'RFC 6749 §3.2.1, §4.1.3, §4.4.2, §6',
  level: 'MUST',
  mode: 'A',
  title: 'A confidential client sending only its client_id (no secret) gets invalid_client, no token.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const r = await clientCredentials(ctx, { auth: 'none' });
    expectError(r, ['invalid_client'], 'client_credentials with client_id and no secret', [400, 401]);
    return pass();
  },
});
