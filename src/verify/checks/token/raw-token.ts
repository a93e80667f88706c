/** Token requests with a hand-written body (to control percent-encoding exactly). */
import type { CheckContext } from '../../context.js';
import { asTokenResult, clientAuthentication, defaultAuth, type TokenResult } from '../../flows/token.js';
import { encodeForm } from '../../../http/form.js';

/** POST `body` (already encoded) to the token endpoint with the primary client's credentials. */
export async function authenticatedRaw(ctx: CheckContext, body: string): Promise<TokenResult> {
  const client = ctx.clients.primary;
  const { headers, pairs } = clientAuthentication(client, defaultAuth(ctx, client));
  const res = await ctx.http.send({
    method: 'POST',
    url: ctx.endpoint('token_endpoint'),
    endpoint: 'token',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: pairs.length ? `${body}&${encodeForm(pairs)}` : body,
  });
  return asTokenResult(res);
}
