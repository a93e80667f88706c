import { defineCheck, fail, pass, skip } from '../../check.js';
import { metaString } from '../../metadata.js';
import { httpsProblem } from './documents.js';
import { fetchJwks } from './jwks.js';

const ENC_ALG = /^(RSA-OAEP|RSA1_5|ECDH-ES|A\d+KW|A\d+GCMKW|dir)/;

/** RFC 8414 §2: `jwks_uri` is https; a set mixing signing and encryption keys gives every key a `use`. */
export default defineCheck({
  id: 'AS-MD-JWKS',
  specRef: 'RFC 8414 §2',
  level: 'MUST',
  mode: 'A',
  title: 'jwks_uri is https and, when signing and encryption keys are mixed, every key has "use".',
  requires: ['endpoint:jwks_uri'],
  async run(ctx) {
    const url = metaString(ctx.metadata, 'jwks_uri')!;
    const bad = httpsProblem(ctx, url);
    if (bad) fail(`jwks_uri: ${bad}`, 'https', url);
    const keys = await fetchJwks(ctx, url);
    if (!keys.length) return skip('the JWK Set is empty');
    const isEnc = (k: Record<string, unknown>): boolean => k.use === 'enc' || (typeof k.alg === 'string' && ENC_ALG.test(k.alg));
    const isSig = (k: Record<string, unknown>): boolean => k.use === 'sig' || (typeof k.alg === 'string' && !ENC_ALG.test(k.alg));
    if (keys.some(isEnc) && keys.some(isSig)) {
      const without = keys.filter((k) => k.use === undefined).map((k) => String(k.kid ?? '(no kid)'));
      if (without.length) fail(`the JWK Set mixes signing and encryption keys, but ${without.join(', ')} lack "use"`, 'use on every key', without);
    }
    return pass();
  },
});
