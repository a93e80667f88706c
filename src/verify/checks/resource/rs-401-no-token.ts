import { defineCheck, fail, pass } from '../../check.js';
import { callResource } from '../../flows/resource.js';
import { challengeParam, findChallenge } from '../../../http/headers.js';

/** RFC 6750 §3, §3.1: no credentials → 401 with a Bearer challenge (without error details). */
export default defineCheck({
  id: 'RS-401-NO-TOKEN',
  specRef: 'RFC 6750 §3, §3.1',
  level: 'MUST',
  mode: 'A',
  title: 'A request without a token gets 401 with WWW-Authenticate: Bearer.',
  requires: ['fixture:F10'],
  async run(ctx) {
    const res = await callResource(ctx, undefined);
    if (res.status !== 401) fail(`a request without a token answered ${res.status}`, 401, res.status);
    const c = findChallenge(res.headers.get('www-authenticate'), 'Bearer');
    if (!c) fail('no WWW-Authenticate: Bearer challenge', 'Bearer challenge', res.headers.get('www-authenticate'));
    return pass(challengeParam(c, 'error') ? 'the challenge carries an error code (it SHOULD NOT without a token)' : undefined);
  },
});
