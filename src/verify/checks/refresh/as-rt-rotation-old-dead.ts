import { defineCheck, pass } from '../../check.js';
import { refresh } from '../../flows/grants.js';
import { expectError } from '../expect.js';
import { rotateOnce } from './public-refresh.js';

/** RFC 9700 §4.14.2; RFC 6819 §5.2.2.3: with rotation, the previous refresh token is invalidated. */
export default defineCheck({
  id: 'AS-RT-ROTATION-OLD-DEAD',
  specRef: 'RFC 9700 §4.14.2; RFC 6819 §5.2.2.3',
  level: 'MUST',
  derived: true,
  mode: 'UA+CFG',
  title: 'After rotation, the previous refresh token no longer works.',
  requires: ['endpoint:token_endpoint', 'user-agent', 'fixture:F3'],
  async run(ctx) {
    const { rt0 } = await rotateOnce(ctx);
    ctx.step('reuse RT0');
    expectError(await refresh(ctx, rt0, { client: ctx.clients.public! }), ['invalid_grant'], 'refresh with the rotated-out token', [400]);
    return pass();
  },
});
