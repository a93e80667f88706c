import { defineCheck, fail, pass } from '../../check.js';
import { buildAuthorization } from '../../flows/authorize.js';
import { land } from '../../flows/landing.js';
import { bogus } from '../../flows/random.js';

const SCRIPT = '<script>alert(1)</script>';

/** RFC 6749 §10.14: received values (state, redirect_uri) are sanitised before being reflected. */
export default defineCheck({
  id: 'AS-AZ-SANITIZE',
  specRef: 'RFC 6749 §10.14',
  level: 'MUST',
  mode: 'A',
  title: 'Error pages do not reflect state or redirect_uri unescaped (no script injection, no javascript: link).',
  requires: ['endpoint:authorization_endpoint'],
  async run(ctx) {
    const client = { label: 'unknown client', client_id: bogus('no-such-client'), redirect_uris: [] };
    const url = buildAuthorization(ctx, { client, redirectUri: 'javascript:alert(1)', state: SCRIPT }).url;
    const l = await land(ctx, url, { redirectUri: 'javascript:alert(1)' });
    if (l.redirect?.url.toLowerCase().startsWith('javascript:')) fail('the server redirected to a javascript: URI', 'an error page', l.redirect.url);
    const body = l.page?.text ?? '';
    if (body.includes(SCRIPT)) fail('the error page reflects state unescaped (script injection)', 'escaped', SCRIPT);
    if (/href\s*=\s*["']?\s*javascript:/i.test(body)) fail('the error page links to the javascript: redirect_uri', 'no javascript: link', 'javascript: link');
    return pass();
  },
});
