import { defineCheck, fail, pass } from '../../check.js';
import { introspect } from '../../flows/grants.js';
import { metaString } from '../../metadata.js';
import { jwtPayload } from './granted-scope.js';
import { sampleTokenResponse } from './sample.js';

/** RFC 6750 §5.3; RFC 9700 §2.3: access tokens SHOULD be audience-restricted. */
export default defineCheck({
  id: 'AS-TR-AUDIENCE',
  specRef: 'RFC 6750 §5.3; RFC 9700 §2.3',
  level: 'SHOULD',
  mode: 'A',
  title: 'Access tokens are restricted to an audience (JWT aud or introspection aud).',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const r = await sampleTokenResponse(ctx);
    const at = r.accessToken ?? '';
    if (jwtPayload(at)?.aud !== undefined) return pass('JWT access token carries aud');
    if (metaString(ctx.metadata, 'introspection_endpoint')) {
      const i = await introspect(ctx, at);
      if (i.json?.aud !== undefined) return pass('introspection reports aud');
    }
    fail('no audience restriction visible: the access token is not a JWT with aud and introspection reports no aud', 'aud', null);
  },
});
