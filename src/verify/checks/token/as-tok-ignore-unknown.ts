import { defineCheck, pass } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { expectToken } from '../expect.js';

/** RFC 6749 §3.2: "Request and response parameters … unrecognized MUST be ignored." */
export default defineCheck({
  id: 'AS-TOK-IGNORE-UNKNOWN',
  specRef: 'RFC 6749 §3.2',
  level: 'MUST',
  mode: 'A',
  title: 'Unrecognized token request parameters are ignored.',
  requires: ['endpoint:token_endpoint', 'grant:client_credentials'],
  async run(ctx) {
    const r = await clientCredentials(ctx, { extra: [['foo', 'bar'], ['x_custom', '1']] });
    expectToken(r, 'client_credentials plus foo=bar&x_custom=1');
    return pass();
  },
});
