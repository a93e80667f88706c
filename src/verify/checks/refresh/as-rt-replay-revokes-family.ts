import { defineCheck, pass } from '../../check.js';
import { refresh } from '../../flows/grants.js';
import { expectError } from '../expect.js';
import { rotateOnce } from './public-refresh.js';

/** RFC 9700 §4.14.2: replaying a rotated-out refresh token revokes the active one too. */
export default defineCheck({
  id: 'AS-RT-REPLAY-REVOKES-FAMILY',
  specRef: 'RFC 9700 §4.14.2',
  level: 'MUST',
  derived: true,
  mode: 'UA+CFG',
  title: 'Replaying an old refresh token revokes the current one (replay detection).',
  requires: ['endpoint:token_endpoint', 'user-agent', 'fixture:F3'],
  async run(ctx) {
    const client = ctx.clients.public!;
    const { rt0, rt1 } = await rotateOnce(ctx);
    ctx.step('replay RT0');
    await refresh(ctx, rt0, { client });
    ctx.step('use RT1');
    expectError(await refresh(ctx, rt1, { client }), ['invalid_grant'], 'refresh with the current token after a replay of the old one', [400]);
    return pass();
  },
});
