import { defineCheck, pass } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { expectToken } from '../expect.js';

/** RFC 6749 §2.3.1: HTTP Basic client authentication is mandatory to support. */
export default defineCheck({
  id: 'AS-CA-BASIC',
  specRef: 'RFC 6749 §2.3.1',
  level: 'MUST',
  mode: 'A',
  title: 'The token endpoint accepts HTTP Basic authentication for a client with a secret.',
  requires: ['endpoint:token_endpoint', 'grant:client_credentials'],
  async run(ctx) {
    const r = await clientCredentials(ctx, { auth: 'basic' });
    expectToken(r, 'client_credentials with Authorization: Basic');
    return pass();
  },
});
