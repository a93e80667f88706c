import { defineCheck, pass } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { expectError } from '../expect.js';

/** RFC 6749 §5.2: failed body authentication → `invalid_client` (400, or 401). */
export default defineCheck({
  id: 'AS-CA-INVALID-CLIENT-BODY',
  specRef: 'RFC 6749 §5.2',
  level: 'MUST',
  mode: 'A',
  title: 'A wrong client_secret in the body gets error invalid_client (status 400 or 401).',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const wrong = { ...ctx.clients.primary, client_secret: 'WRONG-secret-value' };
    const r = await clientCredentials(ctx, { client: wrong, auth: 'post' });
    expectError(r, ['invalid_client'], 'client_id + wrong client_secret in the body', [400, 401]);
    return pass();
  },
});
