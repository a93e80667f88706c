import { decodeJwt } from 'jose';
import { defineCheck, fail, pass, skip } from '../../check.js';
import { obtainCode } from '../../flows/code-grant.js';
import { randomToken } from '../../flows/random.js';
import { metaStrings } from '../../metadata.js';
import { scopeWithOpenid } from '../discovery/op-disc-issuer.js';

/** RFC 9207 §2.4: with an ID Token in the authorization response, its iss equals the iss parameter. */
export default defineCheck({
  id: 'AS-ISS-IDTOKEN-MATCH',
  specRef: 'RFC 9207 §2.4',
  level: 'MUST',
  mode: 'UA',
  title: 'In a code id_token response, the iss parameter and the ID Token iss claim are identical.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    if (!(metaStrings(ctx.metadata, 'response_types_supported') ?? []).includes('code id_token')) {
      return skip('response_type "code id_token" is not supported');
    }
    const grant = await obtainCode(ctx, { responseType: 'code id_token', scope: scopeWithOpenid(ctx.config.scopes.default), extra: [['nonce', randomToken(12)]] });
    const iss = grant.response.get('iss');
    const idToken = grant.response.get('id_token');
    if (idToken === undefined) return skip('the code id_token response carries no id_token');
    if (iss === undefined) return skip('the code id_token response carries no iss parameter next to the ID Token: nothing to compare');
    const claim = decodeJwt(idToken).iss;
    if (claim !== iss) fail('the ID Token iss differs from the iss parameter', iss, claim ?? null);
    return pass();
  },
});
