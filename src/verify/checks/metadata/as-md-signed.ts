import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { defineCheck, fail, pass, skip } from '../../check.js';
import { metaString } from '../../metadata.js';
import { fetchJwks } from './jwks.js';

/** RFC 8414 §2.1: `signed_metadata` is a JWS-signed JWT containing `iss`; its values take precedence. */
export default defineCheck({
  id: 'AS-MD-SIGNED',
  specRef: 'RFC 8414 §2.1',
  level: 'MUST',
  mode: 'A',
  title: 'signed_metadata, when present, is a JWT signed by a key of jwks_uri and contains iss.',
  requires: [],
  async run(ctx) {
    const signed = ctx.metadata.signed_metadata;
    if (signed === undefined) return skip('no signed_metadata published');
    if (typeof signed !== 'string') fail('signed_metadata is not a string', 'JWT', signed);
    let claims: Record<string, unknown>;
    try {
      claims = decodeJwt(signed);
    } catch {
      fail('signed_metadata is not a JWT', 'JWT', signed.slice(0, 40));
    }
    if (typeof claims.iss !== 'string') fail('signed_metadata has no "iss" claim', 'iss', null);
    const jwksUri = metaString(ctx.metadata, 'jwks_uri');
    if (!jwksUri) return skip('signed_metadata present but no jwks_uri to verify it with (key distributed out of band)');
    const keys = await fetchJwks(ctx, jwksUri);
    try {
      await jwtVerify(signed, createLocalJWKSet({ keys: keys as never }));
    } catch (e) {
      fail(`signed_metadata signature does not verify with jwks_uri keys: ${(e as Error).message}`, 'valid signature', 'invalid');
    }
    const conflicts = Object.keys(claims).filter((k) => k !== 'iss' && k in ctx.metadata && JSON.stringify(claims[k]) !== JSON.stringify(ctx.metadata[k]));
    return pass(conflicts.length ? `signed values override plain ones for ${conflicts.join(', ')}` : undefined);
  },
});
