import { defineCheck, pass } from '../../check.js';
import { tokenRequest } from '../../flows/token.js';
import { expectError } from '../expect.js';

/** RFC 6749 §5.2: an unknown grant type is `unsupported_grant_type`. */
export default defineCheck({
  id: 'AS-TOK-UNSUPPORTED-GRANT',
  specRef: 'RFC 6749 §5.2',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'An unknown grant_type gets 400 unsupported_grant_type.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const r = await tokenRequest(ctx, { params: [['grant_type', 'urn:example:no-such-grant']] });
    expectError(r, ['unsupported_grant_type'], 'grant_type=urn:example:no-such-grant', [400]);
    return pass();
  },
});
