/** A valid registration request and its parsed response (RFC 7591 §3.1, §3.2.1). */
import type { CheckContext } from '../../context.js';
import { isJsonObject } from '../../../http/json.js';
import type { ProbeResponse } from '../../probe.js';
import { register } from '../../flows/registration.js';

export const REDIRECT = 'https://client.example/cb';

export async function registerClient(ctx: CheckContext, extra: Record<string, unknown> = {}): Promise<{ res: ProbeResponse; body: Record<string, unknown> | undefined }> {
  ctx.step('register a client');
  const res = await register(ctx, { redirect_uris: [REDIRECT], client_name: 'oauth-harness probe', ...extra });
  return { res, body: isJsonObject(res.json) ? res.json : undefined };
}
