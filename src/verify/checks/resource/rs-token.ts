/**
 * Access tokens for the resource-server rows (F10): client credentials with the RS scope
 * (and RFC 8707 `resource` when configured), else an authorization code flow.
 */
import { SetupFailure } from '../../check.js';
import type { CheckContext } from '../../context.js';
import { obtainTokens } from '../../flows/code-grant.js';
import { clientCredentials } from '../../flows/token.js';
import { canUseClientCredentials } from '../token/sample.js';

export async function rsToken(ctx: CheckContext, options: { scope?: string; resource?: string } = {}): Promise<string> {
  const rs = ctx.config.fixtures.resourceServer!;
  const scope = options.scope ?? rs.scope;
  const resource = options.resource ?? rs.resource;
  ctx.step('obtain an access token for the resource server');
  if (canUseClientCredentials(ctx)) {
    const r = await clientCredentials(ctx, { scope: scope ?? null, extra: resource ? [['resource', resource]] : [] });
    if (r.ok) return r.accessToken!;
    if (!ctx.ua) throw new SetupFailure(`client_credentials for the resource server failed (HTTP ${r.res.status} ${r.error ?? ''})`);
  }
  const t = await obtainTokens(ctx, { ...(scope ? { scope } : {}), extra: resource ? [['resource', resource]] : [] });
  return t.accessToken;
}
