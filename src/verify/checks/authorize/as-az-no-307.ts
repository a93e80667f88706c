import { defineCheck, fail, pass } from '../../check.js';
import { runAuthorization } from '../../flows/authorize.js';

/** RFC 9700 §4.12: never 307 after a request that may carry credentials; use 303. */
export default defineCheck({
  id: 'AS-AZ-NO-307',
  specRef: 'RFC 9700 §4.12',
  level: 'MUST',
  mode: 'UA',
  title: 'Login and consent form submissions are never answered with 307/308 (which would re-post credentials).',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const run = await runAuthorization(ctx);
    const bad = run.result.postRedirects.find((r) => r.status === 307 || r.status === 308);
    if (bad) fail(`the POST to ${bad.url.split('?')[0]} was answered with ${bad.status}`, '303', bad.status);
    const statuses = [...new Set(run.result.postRedirects.map((r) => r.status))];
    return pass(statuses.length ? `POST redirects: ${statuses.join(', ')}${statuses.includes(302) ? ' (303 is recommended)' : ''}` : undefined);
  },
});
