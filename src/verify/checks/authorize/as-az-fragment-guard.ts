import { defineCheck, fail, pass } from '../../check.js';
import { obtainCode } from '../../flows/code-grant.js';

/** RFC 9700 §4.1.3: the server MAY append a dummy fragment (`#_`) so browsers do not re-attach one. */
export default defineCheck({
  id: 'AS-AZ-FRAGMENT-GUARD',
  specRef: 'RFC 9700 §4.1.3',
  level: 'MAY',
  mode: 'UA',
  title: 'Redirects to the client carry a dummy fragment that stops fragment re-attachment.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const grant = await obtainCode(ctx);
    const loc = grant.result.redirect!.rawLocation;
    if (!loc.includes('#')) fail('the Location header of the code redirect has no fragment guard', 'a trailing fragment such as #_', 'none');
    return pass();
  },
});
