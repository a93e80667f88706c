/** A fresh, valid access token for the introspection rows. */
import type { CheckContext } from '../../context.js';
import { introspect, revoke, untilRevoked } from '../../flows/grants.js';
import { statedLifetime } from '../../flows/token.js';
import { sampleTokenResponse } from '../token/sample.js';
import { requireToken } from '../expect.js';

export async function validAccessToken(ctx: CheckContext): Promise<string> {
  return (await validAccessTokenWithLifetime(ctx)).accessToken;
}

/** {@link validAccessToken}, with the lifetime its token response stated (`expires_in`). */
export async function validAccessTokenWithLifetime(ctx: CheckContext): Promise<{ accessToken: string; expiresIn: number | undefined }> {
  const r = await sampleTokenResponse(ctx);
  requireToken(r, 'obtaining an access token to introspect');
  return { accessToken: r.accessToken!, expiresIn: statedLifetime(r.body) };
}

/** Revokes `token` (just obtained) and waits, within the revocation window, until introspection calls it inactive. */
export async function revokeUntilInactive(ctx: CheckContext, token: string): Promise<string> {
  const obtainedAt = Date.now();
  await revoke(ctx, token, { hint: 'access_token' });
  await untilRevoked(ctx, obtainedAt, async () => (await introspect(ctx, token)).active === false);
  return token;
}
