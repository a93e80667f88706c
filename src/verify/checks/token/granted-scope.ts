/**
 * What scope was actually granted (RFC 6749 §3.3): the response `scope` member, else
 * introspection (RFC 7662), else a JWT access token's `scope`/`scp` claim.
 */
import type { CheckContext } from '../../context.js';
import { introspect } from '../../flows/grants.js';
import { metaString } from '../../metadata.js';

export interface GrantedScope {
  scopes: string[];
  source: 'response' | 'introspection' | 'jwt';
}

function split(s: unknown): string[] | undefined {
  if (typeof s === 'string') return s.split(' ').filter(Boolean);
  if (Array.isArray(s) && s.every((x) => typeof x === 'string')) return s as string[];
  return undefined;
}

/** JWT payload of a token, if it is a JWT. */
export function jwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const v = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Scope of an access token that was not stated in the response. */
export async function tokenScope(ctx: CheckContext, accessToken: string): Promise<GrantedScope | undefined> {
  if (metaString(ctx.metadata, 'introspection_endpoint')) {
    const i = await introspect(ctx, accessToken);
    const s = i.active === true ? split(i.json?.scope) : undefined;
    if (s) return { scopes: s, source: 'introspection' };
  }
  const jwt = jwtPayload(accessToken);
  const s = split(jwt?.scope ?? jwt?.scp);
  return s ? { scopes: s, source: 'jwt' } : undefined;
}

/** Granted scope of a token response, from the best available source. */
export async function grantedScope(ctx: CheckContext, body: Record<string, unknown> | undefined): Promise<GrantedScope | undefined> {
  const s = split(body?.scope);
  if (s) return { scopes: s, source: 'response' };
  const at = body?.access_token;
  return typeof at === 'string' ? tokenScope(ctx, at) : undefined;
}

/** Same scope sets? */
export function sameScopes(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}
