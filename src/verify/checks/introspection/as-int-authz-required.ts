import { defineCheck, fail, pass } from '../../check.js';
import { randomToken } from '../../flows/random.js';
import { validAccessToken } from './valid-token.js';

/** RFC 7662 §2.1, §4: the introspection endpoint requires caller authentication (no token scanning). */
export default defineCheck({
  id: 'AS-INT-AUTHZ-REQUIRED',
  specRef: 'RFC 7662 §2.1, §4',
  level: 'MUST',
  mode: 'UA',
  title: 'Introspection without credentials, or with a bogus bearer token, is refused (401), never answered.',
  requires: ['endpoint:introspection_endpoint', 'endpoint:token_endpoint'],
  async run(ctx) {
    const token = await validAccessToken(ctx);
    const url = ctx.endpoint('introspection_endpoint');
    const notes: string[] = [];
    for (const [what, headers] of [
      ['no credentials', {}],
      ['a bogus bearer token', { authorization: `Bearer ${randomToken()}` }],
    ] as const) {
      ctx.step(what);
      const res = await ctx.http.send({ url, endpoint: 'introspection', headers, form: [['token', token]] });
      if (res.status < 400 || res.status >= 500) fail(`introspection with ${what} answered ${res.status}`, 401, res.status);
      if (res.status !== 401) notes.push(`${what}: ${res.status} (401 is the documented status)`);
    }
    return pass(notes.length ? notes.join('; ') : undefined);
  },
});
