/** Waiting for an access token to expire, as long as the token itself says it lives. */
import { allowWaitHint, type CheckContext } from '../context.js';
import { validAccessTokenWithLifetime } from './introspection/valid-token.js';

/**
 * An access token that has expired: sampled, then waited for as long as its own token
 * response says it lives (`expires_in`, else `lifetimes.accessToken`) plus the leeway, when
 * that is within the waits the harness makes; else a note why the case was not tested.
 */
export async function expiredTokenCase(
  ctx: CheckContext,
  sample: (ctx: CheckContext) => Promise<{ accessToken: string; expiresIn: number | undefined }> = validAccessTokenWithLifetime,
): Promise<{ token?: string; note?: string }> {
  const configured = ctx.config.lifetimes.accessToken;
  if (!configured) return { note: 'expired case not tested (no lifetimes.accessToken)' };
  const { accessToken, expiresIn } = await sample(ctx);
  const lifetime = expiresIn ?? configured;
  const wait = lifetime + ctx.config.lifetimes.leeway;
  const source = expiresIn !== undefined ? `expires_in ${expiresIn}` : `lifetimes.accessToken ${configured}, the response has no expires_in`;
  if (!ctx.mayWait(wait)) {
    return { note: `expired case not tested: the sampled access token lives ${lifetime} s (${source}), longer than the ${ctx.config.maxWaitSeconds} s the harness waits (--allow-wait ${allowWaitHint(wait)})` };
  }
  await ctx.waitFor(wait, `the sampled access token to expire (${source}, + ${ctx.config.lifetimes.leeway} s leeway)`);
  return { token: accessToken };
}

