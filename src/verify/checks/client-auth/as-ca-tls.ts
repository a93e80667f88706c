import { defineCheck, fail, pass, skip } from '../../check.js';
import { basicAuthorization } from '../../../http/form.js';
import { isJsonObject } from '../../../http/json.js';
import { ProbeNetworkError } from '../../probe.js';

/**
 * RFC 6749 §2.3.1, §3.2, §10.9: the token endpoint requires TLS. The plain-http twin is
 * probed with a wrong secret (the real one is never sent in the clear): if it processes
 * the request (an OAuth error comes back), a valid request would be processed too.
 */
export default defineCheck({
  id: 'AS-CA-TLS',
  specRef: 'RFC 6749 §2.3.1, §3.2, §10.9',
  level: 'MUST',
  mode: 'A',
  title: 'The token endpoint is served over TLS and its plain-http twin does not process token requests.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const url = ctx.endpoint('token_endpoint');
    if (ctx.isLocalHttp(url)) return skip('token_endpoint is plain http on loopback (a local test deployment)');
    const u = new URL(url);
    if (u.protocol !== 'https:') fail(`token_endpoint ${url} is not https`, 'https', u.protocol.replace(':', ''));
    u.protocol = 'http:';
    u.port = '';
    try {
      const res = await ctx.http.send({
        url: u.href,
        endpoint: 'token (plain http)',
        headers: { authorization: basicAuthorization(ctx.clients.primary.client_id, 'WRONG-secret-value') },
        form: [['grant_type', 'client_credentials']],
        timeoutMs: 5_000,
      });
      const processed = isJsonObject(res.json) && (typeof res.json.error === 'string' || typeof res.json.access_token === 'string');
      if (processed && res.status < 300) fail(`${u.href} answers token requests over plain http`, 'no processing', res.status);
      if (processed) {
        fail(
          `${u.href} processes token requests over plain http (answered ${res.status} ${String((res.json as Record<string, unknown>).error)})`,
          'connection refused, a redirect to https, or a non-OAuth error',
          { status: res.status, error: (res.json as Record<string, unknown>).error },
        );
      }
      return pass(`plain http answered ${res.status} without processing the request`);
    } catch (e) {
      if (e instanceof ProbeNetworkError) return pass('plain http is not served');
      throw e;
    }
  },
});
