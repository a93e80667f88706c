import { defineCheck, fail, pass } from '../../check.js';
import { attemptAuthorization } from '../../flows/attempt.js';
import { redirectVariants } from './redirect-variants.js';

/**
 * RFC 6749 §3.1.2.3; RFC 9700 §2.1, §4.1.3: the redirect URI is compared by exact string
 * match. Each variant (path suffix, code pollution, encoded traversal, other host,
 * userinfo, scheme, explicit port, case, trailing slash, missing //) must not be redirected to.
 */
export default defineCheck({
  id: 'AS-AZ-REDIR-EXACT',
  specRef: 'RFC 6749 §3.1.2.3; RFC 9700 §2.1, §4.1.3',
  level: 'MUST',
  mode: 'UA',
  title: 'redirect_uri is matched exactly: none of twelve look-alike variants is redirected to.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const accepted: string[] = [];
    for (const { name, uri } of redirectVariants(ctx.clients.primary.redirect_uri!)) {
      ctx.step(`variant: ${name}`);
      const o = await attemptAuthorization(ctx, { redirectUri: uri });
      if (!o.redirect) continue;
      if (o.redirect.rawLocation.startsWith(uri) || o.redirect.url.startsWith(uri)) accepted.push(`${name} (${uri})`);
    }
    if (accepted.length) fail(`redirect_uri variants were redirected to: ${accepted.join('; ')}`, 'no redirect to any variant', accepted);
    return pass();
  },
});
