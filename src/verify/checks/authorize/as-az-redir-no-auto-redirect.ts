import { defineCheck, fail, pass } from '../../check.js';
import { attemptAuthorization } from '../../flows/attempt.js';

const EVIL = 'https://evil.example/cb';

/** RFC 6749 §3.1.2.4, §4.1.2.1: a mismatching redirect URI is never redirected to. */
export default defineCheck({
  id: 'AS-AZ-REDIR-NO-AUTO-REDIRECT',
  specRef: 'RFC 6749 §3.1.2.4, §4.1.2.1',
  level: 'MUST',
  mode: 'A',
  title: 'An unregistered redirect_uri is not redirected to; the user is informed instead.',
  requires: ['endpoint:authorization_endpoint', 'redirect-uri'],
  async run(ctx) {
    const o = await attemptAuthorization(ctx, { redirectUri: EVIL });
    if (o.redirect && new URL(o.redirect.url).host === 'evil.example') fail('the server redirected to an unregistered redirect_uri', 'an error page', o.summary);
    return pass(o.summary);
  },
});
