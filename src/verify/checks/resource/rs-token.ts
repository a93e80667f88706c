/**
 * Access tokens for the resource-server rows (F10): client credentials with the RS scope
 * (and RFC 8707 `resource` when configured), else an authorization code flow.
 */
import { SetupFailure } from '../../check.js';
import type { CheckContext } from '../../context.js';
import { obtainTokens } from '../../flows/code-grant.js';
import { clientCredentials, statedLifetime } from '../../flows/token.js';
import { canUseClientCredentials } from '../token/sample.js';

export async function rsToken(ctx: CheckContext, options: { scope?: string; resource?: string } = {}): Promise<string> {
  return (await rsTokenWithLifetime(ctx, options)).accessToken;
}

/** {@link rsToken}, with the lifetime its token response stated (`expires_in`). */
export async function rsTokenWithLifetime(ctx: CheckContext, options: { scope?: string; resource?: string } = {}): Promise<{ accessToken: string; expiresIn: number | undefined }> {
  const rs = ctx.config.fixtures.resourceServer!;
  const scope = options.scope ?? rs.scope;
  const resource = options.resource ?? rs.resource;
  ctx.step('obtain an access token for the resource server');
  if (canUseClientCredentials(ctx)) {
    const r = await clientCredentials(ctx, { scope: scope ?? null, extra: resource ? [['resource', resource]] : [] });
    if (r.ok) return { accessToken: r.accessToken!, expiresIn: statedLifetime(r.body) };
    if (!ctx.ua) throw new SetupFailure(`client_credentials for the resource server failed (HTTP ${r.res.status} ${r.error ?? ''})`);
  }
  const t = await obtainTokens(ctx, { ...(scope ? { scope } : {}), extra: resource ? [['resource', resource]] : [] });
  return { accessToken: t.accessToken, expiresIn: statedLifetime(t.token.body) };
}
