import { defineCheck, fail, pass } from '../../check.js';
import { callResource } from '../../flows/resource.js';
import { rsToken } from './rs-token.js';

/** RFC 6750 §2.3 (MAY); RFC 9700 §4.3.2 forbids it for clients: accepting `?access_token=` is flagged. */
export default defineCheck({
  id: 'RS-QUERY-PARAM',
  specRef: 'RFC 6750 §2.3; RFC 9700 §4.3.2',
  level: 'MAY',
  mode: 'A',
  title: 'The resource server does not accept tokens in the query string (discouraged by RFC 9700).',
  requires: ['fixture:F10', 'endpoint:token_endpoint'],
  async run(ctx) {
    const res = await callResource(ctx, await rsToken(ctx), { placement: 'query' });
    if (res.status >= 200 && res.status < 300) fail('?access_token= is accepted', 'refused', res.status);
    return pass();
  },
});
