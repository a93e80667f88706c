import { defineCheck, fail, pass, skip } from '../../check.js';
import { callResource } from '../../flows/resource.js';
import { cacheDirectives } from '../../../http/headers.js';
import { rsToken } from './rs-token.js';

/** RFC 6750 §2.3: with the query method, success responses SHOULD carry Cache-Control: private. */
export default defineCheck({
  id: 'RS-QUERY-CACHE-PRIVATE',
  specRef: 'RFC 6750 §2.3',
  level: 'SHOULD',
  mode: 'A',
  title: 'Responses to query-authenticated requests are marked Cache-Control: private (or no-store).',
  requires: ['fixture:F10', 'endpoint:token_endpoint'],
  async run(ctx) {
    const res = await callResource(ctx, await rsToken(ctx), { placement: 'query' });
    if (res.status < 200 || res.status >= 300) return skip('the query method is not supported');
    const d = cacheDirectives(res.headers.get('cache-control'));
    if (!d.has('private') && !d.has('no-store')) fail('a query-authenticated response is cacheable', 'private or no-store', res.headers.get('cache-control'));
    return pass();
  },
});
