import { defineCheck, fail, pass } from '../../check.js';
import { grantTypesSupported, metaString, metaStrings } from '../../metadata.js';

/** RFC 8414 §2: `issuer`, `response_types_supported`, and the endpoints the grants need. */
export default defineCheck({
  id: 'AS-MD-REQUIRED-FIELDS',
  specRef: 'RFC 8414 §2',
  level: 'MUST',
  mode: 'A',
  title: 'Metadata has issuer, response_types_supported, and the authorization/token endpoints its grants need.',
  requires: [],
  async run(ctx) {
    const md = ctx.metadata;
    const grants = grantTypesSupported(md);
    const missing: string[] = [];
    if (!metaString(md, 'issuer')) missing.push('issuer');
    const usesAuthorize = grants.includes('authorization_code') || grants.includes('implicit');
    if (usesAuthorize && !metaString(md, 'authorization_endpoint')) missing.push('authorization_endpoint');
    if (grants.some((g) => g !== 'implicit') && !metaString(md, 'token_endpoint')) missing.push('token_endpoint');
    let note: string | undefined;
    if (!metaStrings(md, 'response_types_supported')) {
      if (metaString(md, 'authorization_endpoint')) missing.push('response_types_supported');
      else note = 'response_types_supported is absent; tolerated because no authorization endpoint is advertised';
    }
    if (missing.length) fail(`metadata lacks ${missing.join(', ')}`, missing, 'absent');
    return pass(note);
  },
});
