import { defineCheck, fail, pass } from '../../check.js';
import { metaStrings } from '../../metadata.js';

/** RFC 9700 §2.1.2: the implicit grant should not be used; a server still offering it is flagged. */
export default defineCheck({
  id: 'AS-AZ-IMPLICIT-OFFERED',
  specRef: 'RFC 9700 §2.1.2',
  level: 'INFO',
  mode: 'A',
  title: 'The implicit grant (response_type token) is not offered.',
  requires: [],
  async run(ctx) {
    const types = metaStrings(ctx.metadata, 'response_types_supported') ?? [];
    const implicit = types.filter((t) => t.split(' ').includes('token'));
    const grants = metaStrings(ctx.metadata, 'grant_types_supported');
    if (implicit.length) fail(`response_types_supported offers ${implicit.join(', ')}`, 'no response type containing "token"', implicit);
    if (grants?.includes('implicit')) fail('grant_types_supported lists implicit', 'no implicit', grants);
    return pass();
  },
});
