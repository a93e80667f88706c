import { defineCheck, fail, pass } from '../../check.js';
import { buildAuthorization } from '../../flows/authorize.js';
import { land } from '../../flows/landing.js';
import { bogus } from '../../flows/random.js';

const EVIL = 'https://evil.example/cb';

/** RFC 6749 §4.1.2.1: an unknown or missing client_id MUST NOT lead to a redirect. */
export default defineCheck({
  id: 'AS-AZ-INVALID-CLIENT-NO-REDIRECT',
  specRef: 'RFC 6749 §4.1.2.1',
  level: 'MUST',
  mode: 'A',
  title: 'An unknown or missing client_id is never redirected to the supplied redirect_uri.',
  requires: ['endpoint:authorization_endpoint'],
  async run(ctx) {
    const unknown = { label: 'unknown client', client_id: bogus('no-such-client'), redirect_uris: [EVIL], redirect_uri: EVIL };
    ctx.step('unknown client_id');
    const a = await land(ctx, buildAuthorization(ctx, { client: unknown, redirectUri: EVIL }).url, { redirectUri: EVIL });
    if (a.redirect) fail('an unknown client_id was redirected to its redirect_uri', 'an error page', a.redirect.url);
    ctx.step('missing client_id');
    const u = new URL(buildAuthorization(ctx, { client: unknown, redirectUri: EVIL }).url);
    u.searchParams.delete('client_id');
    const b = await land(ctx, u.href, { redirectUri: EVIL });
    if (b.redirect) fail('a request without client_id was redirected to its redirect_uri', 'an error page', b.redirect.url);
    return pass();
  },
});
