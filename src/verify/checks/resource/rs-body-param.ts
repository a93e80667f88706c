import { defineCheck, fail, pass } from '../../check.js';
import { callResource } from '../../flows/resource.js';
import { rsToken } from './rs-token.js';

/** RFC 6750 §2.2: the form-body method MAY be supported (feature detection). */
export default defineCheck({
  id: 'RS-BODY-PARAM',
  specRef: 'RFC 6750 §2.2',
  level: 'MAY',
  mode: 'A',
  title: 'A token in a form body (access_token=…): supported, or refused with a 4xx.',
  requires: ['fixture:F10', 'endpoint:token_endpoint'],
  async run(ctx) {
    const res = await callResource(ctx, await rsToken(ctx), { placement: 'body' });
    if (res.status >= 500) fail(`a form-body token made the resource server fail (${res.status})`, '2xx or 4xx', res.status);
    return pass(res.status < 300 ? 'supported' : `not supported (${res.status})`);
  },
});
