/** Refresh tokens of the public client (F3) for the rotation rows (RFC 9700 §4.14.2). */
import { skipNow } from '../../check.js';
import type { CheckContext } from '../../context.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { refresh } from '../../flows/grants.js';
import type { TokenResult } from '../../flows/token.js';
import { requireToken } from '../expect.js';

export interface Rotation {
  rt0: string;
  rt1: string;
  first: TokenResult;
}

/** RT0 → RT1 with the public client; skips when the server does not rotate. */
export async function rotateOnce(ctx: CheckContext): Promise<Rotation> {
  const client = ctx.clients.public!;
  const t = await obtainRefreshable(ctx, { client });
  ctx.step('refresh RT0');
  const first = await refresh(ctx, t.refreshToken, { client });
  requireToken(first, `refresh with ${client.label}`);
  if (!first.refreshToken || first.refreshToken === t.refreshToken) skipNow('the server did not rotate the refresh token (see AS-RT-PUBLIC-PROTECTED)');
  return { rt0: t.refreshToken, rt1: first.refreshToken, first };
}
