import { defineCheck, fail, pass, skip } from '../../check.js';
import { httpsProblem } from '../metadata/documents.js';

/** RFC 6749 §10.8; RFC 7662 §4: the introspection endpoint is https. */
export default defineCheck({
  id: 'AS-INT-TLS',
  specRef: 'RFC 6749 §10.8; RFC 7662 §4',
  level: 'MUST',
  mode: 'A',
  title: 'The introspection endpoint uses https.',
  requires: ['endpoint:introspection_endpoint'],
  async run(ctx) {
    const url = ctx.endpoint('introspection_endpoint');
    const bad = httpsProblem(ctx, url);
    if (bad) fail(`introspection_endpoint: ${bad}`, 'https', url);
    return ctx.isLocalHttp(url) ? skip('introspection_endpoint is plain http on loopback (a local test deployment)') : pass();
  },
});
