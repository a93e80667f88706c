/** Dynamic client registration requests (RFC 7591 §3.1). */
import type { CheckContext } from '../context.js';
import type { ProbeResponse } from '../probe.js';

/** POST a registration request with the configured initial access token, if any. */
export function register(ctx: CheckContext, metadata: Record<string, unknown>): Promise<ProbeResponse> {
  const iat = ctx.config.fixtures.registration?.initialAccessToken;
  return ctx.http.send({
    url: ctx.endpoint('registration_endpoint'),
    endpoint: 'registration',
    json: metadata,
    headers: iat ? { authorization: `Bearer ${iat}` } : {},
  });
}
