import { defineCheck, fail, pass, skip } from '../../check.js';
import { attemptAuthorization } from '../../flows/attempt.js';

/** RFC 6749 §4.1.2.1: error redirects carry `state` when the request had one. */
export default defineCheck({
  id: 'AS-AZ-STATE-ON-ERROR',
  specRef: 'RFC 6749 §4.1.2.1',
  level: 'MUST',
  mode: 'UA',
  title: 'An error redirect returns the state of the request.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const o = await attemptAuthorization(ctx, { responseType: 'bogus', state: 'xyz' });
    if (!o.response?.get('error')) return skip(`response_type=bogus did not produce an error redirect (${o.summary})`);
    const st = o.response.all('state');
    if (st.length !== 1 || st[0] !== 'xyz') fail('the error redirect does not return state=xyz', 'xyz', st);
    return pass();
  },
});
