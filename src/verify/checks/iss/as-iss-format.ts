import { defineCheck, fail, pass, skip } from '../../check.js';
import { obtainCode } from '../../flows/code-grant.js';
import { httpsProblem } from '../metadata/documents.js';

/** RFC 9207 §2: `iss` is an https URL without query or fragment. */
export default defineCheck({
  id: 'AS-ISS-FORMAT',
  specRef: 'RFC 9207 §2',
  level: 'MUST',
  mode: 'UA',
  title: 'The iss parameter is an https URL without query or fragment.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const iss = (await obtainCode(ctx)).response.get('iss');
    if (iss === undefined) return skip('no iss in the authorization response');
    if (!URL.canParse(iss)) fail('iss is not a URL', 'https URL', iss);
    const bad = httpsProblem(ctx, iss);
    if (bad) fail(`iss: ${bad}`, 'https', iss);
    if (iss.includes('?') || iss.includes('#')) fail('iss has a query or fragment', 'no query, no fragment', iss);
    return pass();
  },
});
