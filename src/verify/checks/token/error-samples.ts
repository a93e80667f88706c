/**
 * Provoke the token endpoint's error responses (RFC 6749 §5.2) for the format checks.
 */
import type { CheckContext } from '../../context.js';
import { bogus, randomToken } from '../../flows/random.js';
import { tokenRequest, type TokenResult } from '../../flows/token.js';

export interface ErrorSample {
  what: string;
  result: TokenResult;
  /** Status the spec expects (401 for failed Basic authentication). */
  status: number;
}

export async function errorSamples(ctx: CheckContext): Promise<ErrorSample[]> {
  const c = ctx.clients.primary;
  const out: ErrorSample[] = [];
  const add = async (what: string, status: number, call: Parameters<typeof tokenRequest>[1]): Promise<void> => {
    ctx.step(what);
    out.push({ what, status, result: await tokenRequest(ctx, call) });
  };
  await add('missing grant_type', 400, { params: [] });
  await add('unsupported grant_type', 400, { params: [['grant_type', 'urn:example:no-such-grant']] });
  await add('unknown code', 400, { params: [['grant_type', 'authorization_code'], ['code', randomToken()], ...(c.redirect_uri ? [['redirect_uri', c.redirect_uri] as [string, string]] : [])] });
  await add('unknown refresh token', 400, { params: [['grant_type', 'refresh_token'], ['refresh_token', randomToken()]] });
  await add('wrong client secret (Basic)', 401, { client: { ...c, client_secret: 'WRONG-secret-value' }, auth: 'basic', params: [['grant_type', 'client_credentials']] });
  await add('unknown client', 401, { client: { ...c, client_id: bogus('no-such-client') }, auth: 'basic', params: [['grant_type', 'client_credentials']] });
  return out;
}
