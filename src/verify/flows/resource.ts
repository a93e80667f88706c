/**
 * Calls to the protected resource (RFC 6750 §2): header, query or body placement.
 */
import { SetupFailure } from '../check.js';
import type { CheckContext } from '../context.js';
import type { ProbeResponse } from '../probe.js';

export type Placement = 'header' | 'query' | 'body' | 'header+query' | 'none';

/** Call `fixtures.resourceServer.url` with `token` placed as asked (default: `Authorization: Bearer`). */
export async function callResource(
  ctx: CheckContext,
  token: string | undefined,
  options: { placement?: Placement; scheme?: string; method?: 'GET' | 'POST' } = {},
): Promise<ProbeResponse> {
  const rs = ctx.config.fixtures.resourceServer;
  if (!rs) throw new SetupFailure('no resource server configured (fixtures.resourceServer)');
  const placement = options.placement ?? (token === undefined ? 'none' : 'header');
  const url = new URL(rs.url);
  const headers: Record<string, string> = {};
  if (token !== undefined && (placement === 'header' || placement === 'header+query')) headers.authorization = `${options.scheme ?? 'Bearer'} ${token}`;
  if (token !== undefined && (placement === 'query' || placement === 'header+query')) url.searchParams.set('access_token', token);
  const method = placement === 'body' ? 'POST' : (options.method ?? rs.method);
  return ctx.http.send({
    method,
    url: url.href,
    endpoint: 'api',
    to: 'resource-server',
    headers,
    ...(placement === 'body' && token !== undefined ? { form: [['access_token', token]] as Array<[string, string]> } : {}),
  });
}
