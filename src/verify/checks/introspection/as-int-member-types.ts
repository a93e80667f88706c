import { defineCheck, fail, pass } from '../../check.js';
import { introspect } from '../../flows/grants.js';
import { validAccessToken } from './valid-token.js';

const STRINGS = ['scope', 'client_id', 'username', 'token_type', 'sub', 'iss', 'jti'];
const INTEGERS = ['exp', 'iat', 'nbf'];

/** RFC 7662 §2.2: optional members have the defined types. */
export default defineCheck({
  id: 'AS-INT-MEMBER-TYPES',
  specRef: 'RFC 7662 §2.2',
  level: 'MUST',
  derived: true,
  mode: 'UA',
  title: 'Introspection members have their defined JSON types (strings, integer times, aud string or array).',
  requires: ['endpoint:introspection_endpoint', 'endpoint:token_endpoint'],
  async run(ctx) {
    const body = (await introspect(ctx, await validAccessToken(ctx))).json ?? {};
    for (const k of STRINGS) if (k in body && typeof body[k] !== 'string') fail(`"${k}" is not a string`, 'string', body[k]);
    for (const k of INTEGERS) if (k in body && !Number.isInteger(body[k])) fail(`"${k}" is not an integer`, 'integer seconds', body[k]);
    const aud = body.aud;
    if (aud !== undefined && typeof aud !== 'string' && !(Array.isArray(aud) && aud.every((a) => typeof a === 'string'))) {
      fail('"aud" is neither a string nor an array of strings', 'string or string[]', aud);
    }
    return pass();
  },
});
