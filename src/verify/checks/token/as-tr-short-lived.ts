import { defineCheck, fail, pass, skip } from '../../check.js';
import { jwtPayload } from './granted-scope.js';
import { sampleTokenResponse } from './sample.js';

/** RFC 6750 §5.3; RFC 6819 §5.1.5.3: bearer access tokens SHOULD be short-lived (≤ 1 hour). */
export default defineCheck({
  id: 'AS-TR-SHORT-LIVED',
  specRef: 'RFC 6750 §5.3; RFC 6819 §5.1.5.3',
  level: 'SHOULD',
  mode: 'A',
  title: 'Access tokens live at most one hour.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const r = await sampleTokenResponse(ctx);
    let lifetime = typeof r.body?.expires_in === 'number' ? r.body.expires_in : undefined;
    if (lifetime === undefined && r.accessToken) {
      const p = jwtPayload(r.accessToken);
      if (typeof p?.exp === 'number' && typeof p.iat === 'number') lifetime = p.exp - p.iat;
    }
    if (lifetime === undefined) return skip('no expires_in and no JWT exp/iat to read the lifetime from');
    if (lifetime > 3600) fail(`access token lifetime is ${lifetime} s`, '≤ 3600', lifetime);
    return pass(`lifetime ${lifetime} s`);
  },
});
