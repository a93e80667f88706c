import { defineCheck, fail, pass, skip } from '../../check.js';
import { buildAuthorization } from '../../flows/authorize.js';
import { land } from '../../flows/landing.js';
import { mediaType } from '../../../http/headers.js';

/** The `frame-ancestors` directive of a CSP header, if any. */
function frameAncestors(csp: string | null): string | undefined {
  const d = (csp ?? '').split(/[;,]/).map((s) => s.trim()).find((s) => /^frame-ancestors\b/i.test(s));
  return d?.slice('frame-ancestors'.length).trim();
}

/** RFC 9700 §4.16; RFC 6749 §10.13: authorization and login pages cannot be framed by other sites. */
export default defineCheck({
  id: 'AS-AZ-CLICKJACKING',
  specRef: 'RFC 9700 §4.16; RFC 6749 §10.13; RFC 6819 §5.2.2.6',
  level: 'MUST',
  mode: 'A',
  title: 'Authorization and login pages forbid framing (CSP frame-ancestors or X-Frame-Options).',
  requires: ['endpoint:authorization_endpoint', 'redirect-uri'],
  async run(ctx) {
    const l = await land(ctx, buildAuthorization(ctx).url);
    const pages = l.hops.filter((h) => h.status === 200 && mediaType(h.headers.get('content-type')) === 'text/html');
    if (!pages.length) return skip('no HTML page reached without login');
    let cspEverywhere = true;
    for (const p of pages) {
      const fa = frameAncestors(p.headers.get('content-security-policy'));
      const xfo = (p.headers.get('x-frame-options') ?? '').trim().toUpperCase();
      const cspOk = fa !== undefined && !/(^|\s)\*(\s|$)/.test(fa);
      if (!cspOk) cspEverywhere = false;
      if (!cspOk && xfo !== 'DENY' && xfo !== 'SAMEORIGIN') {
        fail(`${p.url.split('?')[0]} can be framed: no CSP frame-ancestors and no X-Frame-Options`, "frame-ancestors 'none' or X-Frame-Options: DENY", { csp: p.headers.get('content-security-policy'), xfo: xfo || null });
      }
    }
    return pass(cspEverywhere ? undefined : 'relies on X-Frame-Options; CSP frame-ancestors is RECOMMENDED');
  },
});
