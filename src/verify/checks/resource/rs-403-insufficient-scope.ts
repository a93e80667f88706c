import { defineCheck, fail, pass, skip } from '../../check.js';
import { callResource } from '../../flows/resource.js';
import { challengeParam, findChallenge } from '../../../http/headers.js';
import { rsToken } from './rs-token.js';

/** RFC 6750 §3.1: insufficient scope SHOULD get 403 with error="insufficient_scope". */
export default defineCheck({
  id: 'RS-403-INSUFFICIENT-SCOPE',
  specRef: 'RFC 6750 §3.1',
  level: 'SHOULD',
  mode: 'CFG',
  title: 'A token lacking the needed scope gets 403 with error="insufficient_scope".',
  requires: ['fixture:F10', 'endpoint:token_endpoint'],
  async run(ctx) {
    const scope = ctx.config.fixtures.resourceServer!.insufficientScope;
    if (!scope) return skip('needs fixtures.resourceServer.insufficientScope');
    const res = await callResource(ctx, await rsToken(ctx, { scope }));
    const c = findChallenge(res.headers.get('www-authenticate'), 'Bearer');
    if (res.status !== 403 || challengeParam(c, 'error') !== 'insufficient_scope') {
      fail(`a token with scope "${scope}" answered ${res.status} error=${challengeParam(c, 'error') ?? 'none'}`, { status: 403, error: 'insufficient_scope' }, { status: res.status, error: challengeParam(c, 'error') ?? null });
    }
    return pass();
  },
});
