import { defineCheck, fail, inconclusive, pass, skip } from '../../check.js';
import type { TestClient } from '../../clients.js';
import { CodeNotObtained, obtainCode, redeemCode } from '../../flows/code-grant.js';
import { type TokenResult, tokenRequest } from '../../flows/token.js';
import { basicAuthorizationStrict, basicAuthorizationUnencoded, formEncodeStrict } from '../../../http/form.js';
import { canUseClientCredentials } from '../token/sample.js';

function answer(r: TokenResult): string {
  return `HTTP ${r.res.status}${r.error ? ` ${r.error}` : ''}`;
}

/**
 * RFC 6749 §2.3.1 + App. B: the Basic user-id and password are the form-urlencoded client
 * id and secret; the server must decode them. Sent with every character but letters and
 * digits percent-encoded (a valid encoding every decoder maps back; what oauth4webapi
 * sends), by the special-character client (F4) or else the primary client. The grant is
 * found by trying: client_credentials (served even when not advertised), else the code
 * grant. A server that refuses the encoded form and accepts the raw one does not decode.
 */
export default defineCheck({
  id: 'AS-CA-BASIC-FORMDECODE',
  specRef: 'RFC 6749 §2.3.1 + App. B',
  level: 'MUST',
  derived: true,
  mode: 'CFG',
  title: 'Basic credentials are form-urlencoded-decoded, so ids and secrets with space, +, /, :, =, % work.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const client = ctx.clients.special ?? ctx.clients.primary;
    const secret = client.client_secret;
    if (secret === undefined) return skip(`${client.label} has no secret`);
    if (client.authMethod === 'post') return skip(`${client.label} is registered for client_secret_post only (token_endpoint_auth_method)`);
    if (formEncodeStrict(client.client_id) === client.client_id && formEncodeStrict(secret) === secret) {
      return skip(`the id and secret of ${client.label} are letters and digits only: nothing to decode (configure fixtures.specialCharsClient, F4)`);
    }
    const encoded = { authorization: basicAuthorizationStrict(client.client_id, secret) };
    const raw = { authorization: basicAuthorizationUnencoded(client.client_id, secret) };
    const verdict = (grant: string, enc: TokenResult, unenc: TokenResult | undefined) => {
      if (enc.ok) return pass(`${client.label}, ${grant}: the percent-encoded form was decoded${unenc?.ok ? '; the un-encoded form was accepted too (lenient)' : ''}`);
      if (unenc?.ok) {
        fail(
          `Basic credentials of ${client.label}, form-encoded as RFC 6749 §2.3.1 requires (every character but letters and digits percent-encoded), were refused (${grant}: ${answer(enc)}); the un-encoded form was accepted: the server does not form-decode Basic credentials`,
          { status: 200 },
          { status: enc.res.status, error: enc.error ?? null, unencodedAccepted: true },
        );
      }
      // refused as a client authentication failure either way: Basic does not work for this client at all
      if (unenc && (enc.error === 'invalid_client' || enc.res.status === 401)) {
        fail(
          `Basic credentials of ${client.label}, form-encoded as RFC 6749 §2.3.1 requires, were refused (${grant}: ${answer(enc)}), and so was the un-encoded form (${answer(unenc)}): Basic authentication does not work for it (see AS-CA-BASIC)`,
          { status: 200 },
          { status: enc.res.status, error: enc.error ?? null, unencodedAccepted: false },
        );
      }
      return undefined;
    };
    // 1. client_credentials, the grant without a user; tried even when not advertised
    let ccAnswer: string | undefined;
    if (client !== ctx.clients.primary || canUseClientCredentials(ctx) || !ctx.ua) {
      const scope = client === ctx.clients.primary ? ctx.config.scopes.clientCredentials : undefined;
      const params: Array<[string, string]> = [['grant_type', 'client_credentials'], ...(scope ? [['scope', scope] as [string, string]] : [])];
      ctx.step('client_credentials, percent-encoded Basic');
      const enc = await tokenRequest(ctx, { client, auth: 'omit', headers: encoded, params });
      if (enc.ok) return verdict('client_credentials', enc, undefined)!;
      ctx.step('client_credentials, un-encoded Basic (diagnostic)');
      const unenc = await tokenRequest(ctx, { client, auth: 'omit', headers: raw, params });
      const v = verdict('client_credentials', enc, unenc);
      if (v) return v;
      ccAnswer = `client_credentials answered ${answer(enc)} either way`;
    }
    // 2. the code grant: log in, redeem with each form
    const redirect = client.redirect_uri ?? ctx.clients.primary.redirect_uri;
    if (!ctx.ua || !redirect) return inconclusive(`no grant to try the encodings with: ${ccAnswer ?? 'client_credentials is not available'}, and no login driver for the code grant`);
    const viaCode = async (headers: Record<string, string>, what: string): Promise<TokenResult> => {
      ctx.step(`code grant, ${what}`);
      const grant = await obtainCode(ctx, { client: { ...client, redirect_uri: redirect } as TestClient, redirectUri: redirect });
      return redeemCode(ctx, grant, { auth: 'omit', headers, extra: [] });
    };
    try {
      const enc = await viaCode(encoded, 'percent-encoded Basic');
      if (enc.ok) return verdict('authorization_code', enc, undefined)!;
      const unenc = await viaCode(raw, 'un-encoded Basic (diagnostic)');
      return verdict('authorization_code', enc, unenc) ?? inconclusive(`${ccAnswer ? `${ccAnswer}; ` : ''}the code redemption was refused with both forms (${answer(enc)}, ${answer(unenc)}): the credentials of ${client.label} could not be checked`);
    } catch (e) {
      if (e instanceof CodeNotObtained) return inconclusive(`${ccAnswer ? `${ccAnswer}; ` : ''}no authorization code for ${client.label}: ${e.message}`);
      throw e;
    }
  },
});

