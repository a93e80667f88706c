import { defineCheck, fail, pass, skip } from '../../check.js';
import { buildAuthorization } from '../../flows/authorize.js';
import { land } from '../../flows/landing.js';
import { mediaType } from '../../../http/headers.js';
import { ProbeNetworkError } from '../../probe.js';
import { parseHtml } from '../../../user-agent/html.js';
import { httpsProblem } from '../metadata/documents.js';

/** RFC 6749 §3.1, §10.11: the authorization endpoint and all end-user pages require TLS. */
export default defineCheck({
  id: 'AS-AZ-TLS',
  specRef: 'RFC 6749 §3.1, §10.11',
  level: 'MUST',
  mode: 'A',
  title: 'The authorization endpoint and its login form use https; plain http does not serve the login form.',
  requires: ['endpoint:authorization_endpoint', 'redirect-uri'],
  async run(ctx) {
    const endpoint = ctx.endpoint('authorization_endpoint');
    const bad = httpsProblem(ctx, endpoint);
    if (bad) fail(`authorization_endpoint: ${bad}`, 'https', endpoint);
    const url = buildAuthorization(ctx).url;
    const l = await land(ctx, url);
    let checked = !ctx.isLocalHttp(endpoint);
    if (l.page && mediaType(l.page.headers.get('content-type')) === 'text/html') {
      for (const form of parseHtml(l.page.text, l.page.url).forms) {
        const problem = httpsProblem(ctx, form.action);
        if (problem) fail(`the login page form posts to ${form.action}`, 'https', form.action);
        if (!ctx.isLocalHttp(form.action)) checked = true;
      }
    }
    if (!ctx.isLocalHttp(endpoint)) {
      const plain = new URL(url);
      plain.protocol = 'http:';
      plain.port = '';
      try {
        const p = await land(ctx, plain.href);
        if (p.loginPage && p.page && new URL(p.page.url).protocol === 'http:') fail(`${plain.origin} serves the login form over plain http`, 'no login form over http', p.page.url);
      } catch (e) {
        if (!(e instanceof ProbeNetworkError)) throw e;
      }
    }
    return checked ? pass() : skip('the authorization endpoint and login form are plain http on loopback (a local test deployment)');
  },
});
