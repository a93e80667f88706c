import { defineCheck, pass } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { expectInvalidClientBasic } from '../expect.js';

/** RFC 6749 §5.2: failed Basic authentication → 401 with `WWW-Authenticate` for the same scheme. */
export default defineCheck({
  id: 'AS-CA-INVALID-CLIENT-401',
  specRef: 'RFC 6749 §5.2',
  level: 'MUST',
  mode: 'A',
  title: 'A wrong secret sent with Basic gets 401 invalid_client with a WWW-Authenticate: Basic challenge.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const wrong = { ...ctx.clients.primary, client_secret: 'WRONG-secret-value' };
    const r = await clientCredentials(ctx, { client: wrong, auth: 'basic' });
    expectInvalidClientBasic(r, 'Basic with a wrong secret');
    return pass();
  },
});
