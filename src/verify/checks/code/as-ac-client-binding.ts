import { defineCheck, pass } from '../../check.js';
import { obtainCode, redeemCode } from '../../flows/code-grant.js';
import { expectError } from '../expect.js';

/** RFC 6749 §4.1.3, §10.5: the code must have been issued to the authenticating client. */
export default defineCheck({
  id: 'AS-AC-CLIENT-BINDING',
  specRef: 'RFC 6749 §4.1.3, §10.5; RFC 6819 §5.2.4.4',
  level: 'MUST',
  mode: 'UA+CFG',
  title: "A code issued to client A cannot be redeemed with client B's credentials.",
  requires: ['endpoint:token_endpoint', 'user-agent', 'fixture:F2'],
  async run(ctx) {
    const grant = await obtainCode(ctx);
    const r = await redeemCode(ctx, grant, { client: ctx.clients.second! });
    expectError(r, ['invalid_grant'], `redeeming ${ctx.clients.primary.label}'s code as ${ctx.clients.second!.label}`, [400]);
    return pass();
  },
});
