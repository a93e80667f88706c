import { defineCheck, pass } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { refresh } from '../../flows/grants.js';
import { expectError } from '../expect.js';

/** RFC 6749 §6, §10.4: a refresh token only works for the client it was issued to. */
export default defineCheck({
  id: 'AS-RT-CLIENT-BINDING',
  specRef: 'RFC 6749 §6, §10.4; RFC 6819 §5.2.2.2',
  level: 'MUST',
  mode: 'UA+CFG',
  title: "Client B cannot use client A's refresh token.",
  requires: ['endpoint:token_endpoint', 'user-agent', 'fixture:F2'],
  async run(ctx) {
    const t = await obtainRefreshable(ctx);
    expectError(await refresh(ctx, t.refreshToken, { client: ctx.clients.second! }), ['invalid_grant'], `refresh with ${ctx.clients.second!.label}`, [400]);
    return pass();
  },
});
