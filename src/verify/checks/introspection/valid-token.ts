/** A fresh, valid access token for the introspection rows. */
import type { CheckContext } from '../../context.js';
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
