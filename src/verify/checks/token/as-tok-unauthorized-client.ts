import { defineCheck, pass } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { expectError } from '../expect.js';

/** RFC 6749 §5.2: a client not allowed a grant type gets `unauthorized_client`. */
export default defineCheck({
  id: 'AS-TOK-UNAUTHORIZED-CLIENT',
  specRef: 'RFC 6749 §5.2',
  level: 'MUST',
  derived: true,
  mode: 'CFG',
  title: 'A client not allowed client_credentials gets unauthorized_client.',
  requires: ['endpoint:token_endpoint', 'fixture:F8'],
  async run(ctx) {
    const r = await clientCredentials(ctx, { client: ctx.clients.noClientCredentials! });
    expectError(r, ['unauthorized_client', 'invalid_grant'], `client_credentials with ${ctx.clients.noClientCredentials!.label}`, [400]);
    return pass(r.error === 'invalid_grant' ? 'answered invalid_grant (unauthorized_client is the defined code)' : undefined);
  },
});
