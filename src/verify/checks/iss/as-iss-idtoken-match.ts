import { decodeJwt } from 'jose';
import { defineCheck, fail, inconclusive, pass, skip } from '../../check.js';
import { CodeNotObtained, obtainCode } from '../../flows/code-grant.js';
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
    let grant;
    try {
      grant = await obtainCode(ctx, { responseType: 'code id_token', scope: scopeWithOpenid(ctx.config.scopes.default), extra: [['nonce', randomToken(12)]] });
    } catch (e) {
      // advertised, then called unsupported: the server contradicts itself about the very response this row needs
      if (e instanceof CodeNotObtained && e.run.response?.get('error') === 'unsupported_response_type') {
        fail('response_type "code id_token" is advertised (response_types_supported) but refused as unsupported_response_type', 'a code id_token response', 'unsupported_response_type');
      }
      // the server may restrict response types per client: the configured client not getting one says nothing about iss
      if (e instanceof CodeNotObtained) return inconclusive(`response_type "code id_token" is advertised, but ${ctx.clients.primary.label} got no such response (${e.message.replace('could not obtain an authorization code: ', '')}); register a client allowed to use it`);
      throw e;
    }
    const iss = grant.response.get('iss');
    const idToken = grant.response.get('id_token');
    if (idToken === undefined) return skip('the code id_token response carries no id_token');
    if (iss === undefined) return skip('the code id_token response carries no iss parameter next to the ID Token: nothing to compare');
    const claim = decodeJwt(idToken).iss;
    if (claim !== iss) fail('the ID Token iss differs from the iss parameter', iss, claim ?? null);
    return pass();
  },
});
