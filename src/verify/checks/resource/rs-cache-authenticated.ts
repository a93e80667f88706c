import { defineCheck, fail, pass } from '../../check.js';
import { callResource } from '../../flows/resource.js';
import { cacheDirectives } from '../../../http/headers.js';
import { expectStatus } from '../expect.js';
import { rsToken } from './rs-token.js';

/** RFC 6819 §4.6.6: token-authenticated responses should not be cacheable by shared caches. */
export default defineCheck({
  id: 'RS-CACHE-AUTHENTICATED',
  specRef: 'RFC 6819 §4.6.6',
  level: 'INFO',
  mode: 'A',
  title: 'Token-authenticated responses are marked private or no-store.',
  requires: ['fixture:F10', 'endpoint:token_endpoint'],
  async run(ctx) {
    const res = await callResource(ctx, await rsToken(ctx));
    expectStatus(res, [200, 201, 202, 204], 'authenticated request');
    const d = cacheDirectives(res.headers.get('cache-control'));
    if (!d.has('private') && !d.has('no-store')) fail('an authenticated response may be stored by shared caches', 'private or no-store', res.headers.get('cache-control'));
    return pass();
  },
});
