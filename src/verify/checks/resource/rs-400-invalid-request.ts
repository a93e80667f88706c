import { defineCheck, fail, pass } from '../../check.js';
import { callResource } from '../../flows/resource.js';
import { challengeParam, findChallenge } from '../../../http/headers.js';
import { rsToken } from './rs-token.js';

/** RFC 6750 §2, §3.1: a token sent by two methods at once SHOULD get 400 invalid_request. */
export default defineCheck({
  id: 'RS-400-INVALID-REQUEST',
  specRef: 'RFC 6750 §2, §3.1',
  level: 'SHOULD',
  mode: 'A',
  title: 'A token sent both in the header and the query gets 400 invalid_request.',
  requires: ['fixture:F10', 'endpoint:token_endpoint'],
  async run(ctx) {
    const res = await callResource(ctx, await rsToken(ctx), { placement: 'header+query' });
    const c = findChallenge(res.headers.get('www-authenticate'), 'Bearer');
    const error = challengeParam(c, 'error') ?? ((res.json as { error?: string } | undefined)?.error);
    if (res.status !== 400 || error !== 'invalid_request') fail(`header + query answered ${res.status} error=${error ?? 'none'}`, { status: 400, error: 'invalid_request' }, { status: res.status, error: error ?? null });
    return pass();
  },
});
