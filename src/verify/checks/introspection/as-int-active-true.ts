import { defineCheck, fail, pass } from '../../check.js';
import { introspect } from '../../flows/grants.js';
import { mediaType } from '../../../http/headers.js';
import { expectStatus } from '../expect.js';
import { validAccessToken } from './valid-token.js';

/** RFC 7662 §2.2: a JSON object whose `active` is a JSON boolean. */
export default defineCheck({
  id: 'AS-INT-ACTIVE-TRUE',
  specRef: 'RFC 7662 §2.2',
  level: 'MUST',
  mode: 'UA',
  title: 'Introspecting a valid token returns application/json with "active": true (a boolean).',
  requires: ['endpoint:introspection_endpoint', 'endpoint:token_endpoint'],
  async run(ctx) {
    const r = await introspect(ctx, await validAccessToken(ctx));
    expectStatus(r.res, 200, 'introspection');
    const type = mediaType(r.res.headers.get('content-type'));
    if (type !== 'application/json') fail(`Content-Type is ${type ?? 'missing'}`, 'application/json', type ?? null);
    if (r.active !== true) fail('"active" is not the JSON boolean true', true, r.active ?? null);
    return pass();
  },
});
