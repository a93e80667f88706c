import { defineCheck, fail, pass } from '../../check.js';
import { callResource } from '../../flows/resource.js';
import { randomToken } from '../../flows/random.js';
import { challengeParam, findChallenge } from '../../../http/headers.js';

/** RFC 6750 §3, §3.1: an invalid token gets a challenge (MUST), ideally 401 invalid_token (SHOULD). */
export default defineCheck({
  id: 'RS-401-INVALID-TOKEN',
  specRef: 'RFC 6750 §3, §3.1',
  level: 'MUST',
  mode: 'A',
  title: 'An invalid token is refused with a WWW-Authenticate challenge.',
  requires: ['fixture:F10'],
  async run(ctx) {
    const res = await callResource(ctx, randomToken());
    if (res.status >= 200 && res.status < 300) fail('a random token was accepted', '401', res.status);
    const c = findChallenge(res.headers.get('www-authenticate'), 'Bearer');
    if (!c) fail(`an invalid token answered ${res.status} without a Bearer challenge`, 'WWW-Authenticate: Bearer error="invalid_token"', res.headers.get('www-authenticate'));
    const ideal = res.status === 401 && challengeParam(c, 'error') === 'invalid_token';
    return pass(ideal ? undefined : `answered ${res.status} error=${challengeParam(c, 'error') ?? 'none'} (401 invalid_token is recommended)`);
  },
});
