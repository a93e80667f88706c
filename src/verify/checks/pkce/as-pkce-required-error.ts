import { defineCheck, fail, pass, skip } from '../../check.js';
import { describeRun, runAuthorization } from '../../flows/authorize.js';

/** RFC 7636 §4.4.1: when PKCE is required and the challenge is missing, answer `invalid_request`. */
export default defineCheck({
  id: 'AS-PKCE-REQUIRED-ERROR',
  specRef: 'RFC 7636 §4.4.1',
  level: 'MUST',
  mode: 'UA+CFG',
  title: 'A client that must use PKCE gets error=invalid_request when it sends no code_challenge.',
  requires: ['endpoint:authorization_endpoint', 'user-agent', 'fixture:F3'],
  async run(ctx) {
    const client = ctx.clients.public!;
    if (!client.pkceRequired) return skip(`${client.label} is configured with pkceRequired: false`);
    const run = await runAuthorization(ctx, { client, pkce: 'none' });
    const error = run.response?.get('error');
    if (error !== 'invalid_request') fail(`${client.label} without code_challenge did not get error=invalid_request`, 'invalid_request', error ?? (run.response?.get('code') ? 'a code' : describeRun(run)));
    return pass();
  },
});
