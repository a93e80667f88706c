import { defineCheck, fail, pass } from '../../check.js';
import { buildAuthorization } from '../../flows/authorize.js';

const ORIGIN = 'https://evil.example';

/** RFC 9700 §2.6: the authorization endpoint MUST NOT support CORS. */
export default defineCheck({
  id: 'AS-AZ-NO-CORS',
  specRef: 'RFC 9700 §2.6; OIDC Discovery §3',
  level: 'MUST',
  mode: 'A',
  title: 'The authorization endpoint does not answer cross-origin requests with CORS headers.',
  requires: ['endpoint:authorization_endpoint', 'redirect-uri'],
  async run(ctx) {
    const url = buildAuthorization(ctx).url;
    for (const method of ['GET', 'OPTIONS'] as const) {
      ctx.step(method);
      const res = await ctx.http.send({ method, url, endpoint: 'authorize', headers: { origin: ORIGIN, 'access-control-request-method': 'GET' } });
      const acao = res.headers.get('access-control-allow-origin');
      if (acao === '*' || acao === ORIGIN) fail(`${method} with Origin: ${ORIGIN} got Access-Control-Allow-Origin: ${acao}`, 'no CORS', acao);
    }
    return pass();
  },
});
