import { defineCheck, fail, pass, skip } from '../../check.js';
import { runAuthorization } from '../../flows/authorize.js';

/**
 * RFC 6749 §10.12: consent cannot be obtained by a third-party site. The consent form is
 * replayed as a cross-site POST would arrive: only SameSite=None cookies, anti-CSRF
 * fields removed, `Origin` of another site.
 */
export default defineCheck({
  id: 'AS-AZ-CSRF',
  specRef: 'RFC 6749 §10.12',
  level: 'MUST',
  mode: 'UA+M',
  title: 'A consent submission forged by another site (cross-site POST without the CSRF token) yields no code.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    if (!ctx.ua!.capabilities.crossSiteConsent) return skip(`the ${ctx.ua!.kind} driver cannot replay the consent form cross-site (use the form driver)`);
    const run = await runAuthorization(ctx, { crossSiteConsent: true });
    if (!run.result.consentShown) return skip('no consent page was shown to forge');
    if (run.response?.get('code')) fail('a cross-site consent submission without the anti-CSRF token produced a code', 'no code', 'code issued');
    return pass();
  },
});
