import { defineCheck, fail, pass, skip } from '../../check.js';
import { attemptAuthorization } from '../../flows/attempt.js';
import { issAdvertised, NOT_SUPPORTED } from './support.js';

/** RFC 9207 §2: error responses carry `iss` too. */
export default defineCheck({
  id: 'AS-ISS-ERROR',
  specRef: 'RFC 9207 §2',
  level: 'MUST',
  mode: 'UA',
  title: 'An error authorization response carries iss equal to the metadata issuer.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const o = await attemptAuthorization(ctx, { responseType: 'bogus' });
    if (!o.response?.get('error')) return skip(`no error redirect to inspect (${o.summary})`);
    const iss = o.response.all('iss');
    if (!iss.length && !issAdvertised(ctx)) return skip(NOT_SUPPORTED);
    if (iss.length !== 1 || iss[0] !== ctx.metadata.issuer) fail('the error redirect lacks the right iss', ctx.metadata.issuer, iss);
    return pass();
  },
});
