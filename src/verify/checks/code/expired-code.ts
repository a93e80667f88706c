/** Redeem a code after its configured lifetime (RFC 6749 §4.1.2). */
import type { CheckContext } from '../../context.js';
import { obtainCode, redeemCode } from '../../flows/code-grant.js';
import type { TokenResult } from '../../flows/token.js';

export async function redeemAfterExpiry(ctx: CheckContext): Promise<{ result: TokenResult; waitedSeconds: number }> {
  const grant = await obtainCode(ctx);
  const wait = ctx.config.lifetimes.code! + ctx.config.lifetimes.leeway;
  await ctx.waitFor(wait, 'the authorization code to expire (lifetimes.code + lifetimes.leeway)');
  ctx.step('redeem the expired code');
  return { result: await redeemCode(ctx, grant), waitedSeconds: wait };
}
