import { defineCheck, fail, pass } from '../../check.js';

/**
 * RFC 9700 §2.6: the token endpoint MAY support CORS. Feature detection; a preflight
 * answer that is broken (server error, `*` together with credentials) is reported.
 */
export default defineCheck({
  id: 'AS-TOK-CORS',
  specRef: 'RFC 9700 §2.6; OIDC Discovery §3',
  level: 'MAY',
  mode: 'A',
  title: 'CORS at the token endpoint (for browser clients): detected, and not combining * with credentials.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const res = await ctx.http.send({
      method: 'OPTIONS',
      url: ctx.endpoint('token_endpoint'),
      endpoint: 'token',
      headers: { origin: 'https://spa.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    const acao = res.headers.get('access-control-allow-origin');
    const acac = res.headers.get('access-control-allow-credentials');
    if (res.status >= 500) fail(`CORS preflight failed with HTTP ${res.status}`, '< 500', res.status);
    if (acao === '*' && acac?.toLowerCase() === 'true') {
      fail('Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true', 'not both', { acao, acac });
    }
    return pass(acao ? `CORS supported (Access-Control-Allow-Origin: ${acao})` : 'no CORS');
  },
});
