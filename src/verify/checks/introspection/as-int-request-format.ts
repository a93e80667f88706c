import { defineCheck, pass } from '../../check.js';
import { introspect } from '../../flows/grants.js';
import { expectStatus } from '../expect.js';
import { validAccessToken } from './valid-token.js';

/** RFC 7662 §2.1: POST with a form-encoded `token` is accepted. */
export default defineCheck({
  id: 'AS-INT-REQUEST-FORMAT',
  specRef: 'RFC 7662 §2.1',
  level: 'MUST',
  derived: true,
  mode: 'UA',
  title: 'An authenticated form-encoded introspection request for a valid token gets 200.',
  requires: ['endpoint:introspection_endpoint', 'endpoint:token_endpoint'],
  async run(ctx) {
    expectStatus((await introspect(ctx, await validAccessToken(ctx))).res, 200, 'introspection of a valid access token');
    return pass();
  },
});
