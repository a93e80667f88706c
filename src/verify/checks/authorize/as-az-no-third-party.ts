import { defineCheck, fail, pass, skip } from '../../check.js';
import { buildAuthorization } from '../../flows/authorize.js';
import { land } from '../../flows/landing.js';
import { mediaType } from '../../../http/headers.js';
import { parseHtml } from '../../../user-agent/html.js';

const SAFE_POLICIES = ['no-referrer', 'same-origin', 'origin', 'strict-origin', 'origin-when-cross-origin', 'strict-origin-when-cross-origin'];

/** RFC 9700 §4.2.4: authorization pages should not load third-party resources (Referer leaks state). */
export default defineCheck({
  id: 'AS-AZ-NO-THIRD-PARTY',
  specRef: 'RFC 9700 §4.2.4',
  level: 'SHOULD',
  mode: 'A',
  title: 'Authorization and login pages load no third-party resources, or restrict the Referer.',
  requires: ['endpoint:authorization_endpoint', 'redirect-uri'],
  async run(ctx) {
    const l = await land(ctx, buildAuthorization(ctx).url);
    const pages = l.hops.filter((h) => h.status === 200 && mediaType(h.headers.get('content-type')) === 'text/html');
    if (!pages.length) return skip('no HTML page reached without login');
    for (const p of pages) {
      const origin = new URL(p.url).origin;
      const html = parseHtml(p.text, p.url);
      const foreign = html.resources.filter((r) => URL.canParse(r.url) && new URL(r.url).origin !== origin && !r.url.startsWith('data:'));
      if (!foreign.length) continue;
      const header = (p.headers.get('referrer-policy') ?? '').split(',').map((s) => s.trim().toLowerCase());
      const meta = html.metas.filter((m) => m.name?.toLowerCase() === 'referrer').map((m) => (m.content ?? '').toLowerCase());
      const policy = [...header, ...meta].filter(Boolean).pop();
      if (!policy || !SAFE_POLICIES.includes(policy)) {
        fail(`${p.url.split('?')[0]} loads ${foreign.map((r) => r.url).join(', ')} without a restricting Referrer-Policy`, 'no third-party resources, or Referrer-Policy: no-referrer', policy ?? null);
      }
    }
    return pass();
  },
});
