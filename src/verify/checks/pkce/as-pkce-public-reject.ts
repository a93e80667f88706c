import { defineCheck, fail, pass } from '../../check.js';
import { runAuthorization } from '../../flows/authorize.js';

/** RFC 8252 §8.1: authorization requests from public/native clients without PKCE SHOULD be rejected. */
export default defineCheck({
  id: 'AS-PKCE-PUBLIC-REJECT',
  specRef: 'RFC 8252 §8.1',
  level: 'SHOULD',
  mode: 'UA+CFG',
  title: 'A public client that sends no code_challenge gets no code.',
  requires: ['endpoint:authorization_endpoint', 'user-agent', 'fixture:F3'],
  async run(ctx) {
    const run = await runAuthorization(ctx, { client: ctx.clients.public!, pkce: 'none' });
    if (run.response?.get('code')) fail(`${ctx.clients.public!.label} obtained a code without PKCE`, 'error=invalid_request', 'a code');
    return pass(run.response?.get('error') ? `error=${run.response.get('error')}` : undefined);
  },
});
