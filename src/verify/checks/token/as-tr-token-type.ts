import { defineCheck, fail, pass } from '../../check.js';
import { sampleTokenResponse } from './sample.js';

const REGISTERED = ['bearer', 'n_a', 'pop', 'dpop', 'mac'];

/** RFC 6749 §5.1, §7.1: `token_type` is REQUIRED, compared case-insensitively. */
export default defineCheck({
  id: 'AS-TR-TOKEN-TYPE',
  specRef: 'RFC 6749 §5.1, §7.1',
  level: 'MUST',
  mode: 'A',
  title: 'A successful token response names a registered token_type (case-insensitive).',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const r = await sampleTokenResponse(ctx);
    const v = r.body?.token_type;
    if (typeof v !== 'string' || !REGISTERED.includes(v.toLowerCase())) {
      fail('"token_type" is missing or not a registered type', 'Bearer, DPoP, N_A, PoP (any case)', v ?? null);
    }
    return pass(`token_type "${v}"${v !== 'Bearer' && v.toLowerCase() === 'bearer' ? ' (legal, but some clients expect "Bearer")' : ''}`);
  },
});
