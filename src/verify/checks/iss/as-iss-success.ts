import { defineCheck, fail, pass, skip } from '../../check.js';
import { obtainCode } from '../../flows/code-grant.js';
import { issAdvertised, NOT_SUPPORTED } from './support.js';

/** RFC 9207 §2: every authorization response carries `iss`, equal to the metadata issuer. */
export default defineCheck({
  id: 'AS-ISS-SUCCESS',
  specRef: 'RFC 9207 §2',
  level: 'MUST',
  mode: 'UA',
  title: 'A successful authorization response carries exactly one iss equal to the metadata issuer.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const grant = await obtainCode(ctx);
    const iss = grant.response.all('iss');
    if (!iss.length && !issAdvertised(ctx)) return skip(NOT_SUPPORTED);
    if (iss.length !== 1) fail(`the authorization response carries ${iss.length} iss parameters`, 1, iss.length);
    if (iss[0] !== ctx.metadata.issuer) fail('iss differs from the metadata issuer', ctx.metadata.issuer, iss[0]);
    return pass();
  },
});
