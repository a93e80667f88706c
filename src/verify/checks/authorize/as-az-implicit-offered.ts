import { defineCheck, fail, inconclusive, pass } from '../../check.js';
import { attemptAuthorization } from '../../flows/attempt.js';
import { metaString, metaStrings } from '../../metadata.js';

/**
 * RFC 9700 §2.1.2: the implicit grant should not be used; a server still offering it is
 * flagged. Judged by asking for it (response_type=token): a server that lists it in its
 * metadata but refuses it does not offer it (the metadata is then inaccurate, noted).
 */
export default defineCheck({
  id: 'AS-AZ-IMPLICIT-OFFERED',
  specRef: 'RFC 9700 §2.1.2',
  level: 'INFO',
  mode: 'A',
  title: 'The implicit grant (response_type token) is not offered.',
  requires: [],
  async run(ctx) {
    const types = metaStrings(ctx.metadata, 'response_types_supported') ?? [];
    const implicit = types.filter((t) => t.split(' ').includes('token'));
    const grants = metaStrings(ctx.metadata, 'grant_types_supported');
    const listed = [...(implicit.length ? [`response_types_supported offers ${implicit.join(', ')}`] : []), ...(grants?.includes('implicit') ? ['grant_types_supported lists implicit'] : [])];
    if (!listed.length) return pass();
    const advertised = listed.join('; ');
    if (!metaString(ctx.metadata, 'authorization_endpoint') || !ctx.clients.primary.redirect_uri) {
      return inconclusive(`${advertised}, and without an authorization endpoint and a redirect URI the harness cannot ask for response_type=token`);
    }
    ctx.step('response_type=token');
    const o = await attemptAuthorization(ctx, { responseType: 'token', pkce: 'none' });
    if (o.response?.get('access_token')) fail(`${advertised}, and response_type=token issued an access token`, 'no response type containing "token"', implicit.length ? implicit : grants);
    const error = o.response?.get('error');
    if (error) return pass(`${advertised}, but response_type=token is refused (error=${error}): the metadata overstates it`);
    if (o.page && o.page.status >= 400) return pass(`${advertised}, but response_type=token is refused (${o.summary}): the metadata overstates it`);
    return inconclusive(`${advertised}; response_type=token ended with ${o.summary}, so whether a token would be issued could not be established${ctx.ua ? '' : ' (no login driver)'}`);
  },
});
