/** A fresh, valid access token for the introspection rows. */
import type { CheckContext } from '../../context.js';
import { sampleTokenResponse } from '../token/sample.js';
import { expectToken } from '../expect.js';

export async function validAccessToken(ctx: CheckContext): Promise<string> {
  const r = await sampleTokenResponse(ctx);
  expectToken(r, 'obtaining an access token to introspect');
  return r.accessToken!;
}
