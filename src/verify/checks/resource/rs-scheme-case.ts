import { defineCheck, fail, pass } from '../../check.js';
import { callResource } from '../../flows/resource.js';
import { rsToken } from './rs-token.js';

/** RFC 9110 §11.1: the auth-scheme is case-insensitive, so `bearer` and `BEARER` work. */
export default defineCheck({
  id: 'RS-SCHEME-CASE',
  specRef: 'RFC 9110 §11.1; RFC 6750 §2.1',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'The resource server accepts the scheme spelled bearer or BEARER.',
  requires: ['fixture:F10', 'endpoint:token_endpoint'],
  async run(ctx) {
    const token = await rsToken(ctx);
    for (const scheme of ['bearer', 'BEARER']) {
      ctx.step(scheme);
      const res = await callResource(ctx, token, { scheme });
      if (res.status < 200 || res.status >= 300) fail(`"Authorization: ${scheme} …" answered ${res.status}`, '2xx', res.status);
    }
    return pass();
  },
});
