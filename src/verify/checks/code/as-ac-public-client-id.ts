import { defineCheck, fail, pass } from '../../check.js';
import { obtainCode, redeemCode } from '../../flows/code-grant.js';
import { expectError } from '../expect.js';

/** RFC 6749 §3.2.1, §4.1.3: a public client identifies itself with client_id; the code is bound to it. */
export default defineCheck({
  id: 'AS-AC-PUBLIC-CLIENT-ID',
  specRef: 'RFC 6749 §3.2.1, §4.1.3',
  level: 'MUST',
  derived: true,
  mode: 'UA+CFG',
  title: "A public client's code needs its client_id, and another public client's id does not work.",
  requires: ['endpoint:token_endpoint', 'user-agent', 'fixture:F3'],
  async run(ctx) {
    const client = ctx.clients.public!;
    ctx.step('without client_id');
    const a = await obtainCode(ctx, { client });
    const r = await redeemCode(ctx, a, { auth: 'omit' });
    if (r.ok || r.res.status < 400) fail('a public client redeemed its code without client_id', '400 invalid_request or invalid_client', r.res.status);
    const other = ctx.clients.native ?? (ctx.clients.public !== client ? ctx.clients.public : undefined);
    if (!other || other.client_id === client.client_id) return pass('the other-client case needs a second public client (F6)');
    ctx.step(`with ${other.label}'s client_id`);
    const b = await obtainCode(ctx, { client });
    expectError(await redeemCode(ctx, b, { client: other, auth: 'none' }), ['invalid_grant', 'invalid_client'], `redeeming with ${other.label}'s client_id`, [400, 401]);
    return pass();
  },
});
