/**
 * A successful token response to inspect (RFC 6749 §5.1): client credentials when the
 * primary client may use them, else an authorization code redemption via the user agent.
 */
import { skipNow } from '../../check.js';
import type { CheckContext } from '../../context.js';
import { obtainCode, redeemCode } from '../../flows/code-grant.js';
import { clientCredentials, type TokenResult } from '../../flows/token.js';
import { metaStrings } from '../../metadata.js';
import { requireToken } from '../expect.js';

/** Whether the primary client is expected to use client_credentials: advertised, or served to it (preflight). */
export function canUseClientCredentials(ctx: CheckContext): boolean {
  const grants = metaStrings(ctx.metadata, 'grant_types_supported');
  return !grants || grants.includes('client_credentials') || ctx.preflight?.clientCredentials === true;
}

/** One successful token response; skips when no grant is available. */
export async function sampleTokenResponse(ctx: CheckContext, o: { headers?: Record<string, string> } = {}): Promise<TokenResult> {
  ctx.step('obtain a token response');
  if (canUseClientCredentials(ctx)) {
    const r = await clientCredentials(ctx, o.headers ? { headers: o.headers } : {});
    if (r.res.status === 200) return r;
    if (!ctx.ua) requireToken(r, 'client_credentials (no login driver is configured to obtain a token otherwise)');
  }
  if (!ctx.ua) skipNow('no grant available: client_credentials is not offered and no login driver is configured');
  const grant = await obtainCode(ctx);
  const r = await redeemCode(ctx, grant, o.headers ? { headers: o.headers } : {});
  // a 200 is the response to inspect, whatever its shape; anything else leaves nothing to inspect
  if (r.res.status !== 200) requireToken(r, 'authorization code redemption');
  return r;
}
