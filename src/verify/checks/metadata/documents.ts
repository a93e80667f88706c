/**
 * Shared helpers of the metadata and discovery checks: fetch the well-known documents
 * through the check's probe (so the case shows the exchange), and judge URL schemes.
 */
import { skipNow } from '../../check.js';
import type { CheckContext } from '../../context.js';
import { fetchMetadataDocument, type MetadataDocument } from '../../discovery.js';
import { type Metadata, metaString, oidcDiscoveryUrl, rfc8414MetadataUrl } from '../../metadata.js';

/** Fetch the RFC 8414 or OIDC document again, recorded in this check. */
export function fetchDocument(ctx: CheckContext, which: 'oauth' | 'openid'): Promise<MetadataDocument> {
  ctx.step(`GET ${which === 'oauth' ? 'oauth-authorization-server' : 'openid-configuration'} metadata`);
  return fetchMetadataDocument(ctx.http, which === 'oauth' ? rfc8414MetadataUrl(ctx.issuer) : oidcDiscoveryUrl(ctx.issuer));
}

/** The RFC 8414 document, or skip when the server has none (AS-MD-LOCATION reports that). */
export async function requireOauthDocument(ctx: CheckContext): Promise<Metadata> {
  const doc = await fetchDocument(ctx, 'oauth');
  if (!doc.json) skipNow('no RFC 8414 metadata document (see AS-MD-LOCATION)');
  return doc.json;
}

/** The OIDC document, or skip when the server is not an OpenID Provider. */
export async function requireOpenidDocument(ctx: CheckContext): Promise<Metadata> {
  const doc = await fetchDocument(ctx, 'openid');
  if (!doc.json) skipNow('no OpenID Connect configuration (not an OpenID Provider)');
  return doc.json;
}

/** Why `url` is not acceptable as a TLS-protected endpoint, or undefined when it is. */
export function httpsProblem(ctx: CheckContext, url: string): string | undefined {
  if (!URL.canParse(url)) return `${url} is not a URL`;
  const u = new URL(url);
  if (u.protocol === 'https:' || ctx.isLocalHttp(url)) return undefined;
  return `${url} is not https`;
}

/** Check scheme of the named endpoints; returns advertised URLs and whether all were local http. */
export function endpointSchemes(ctx: CheckContext, md: Metadata, names: readonly string[]): { problems: string[]; urls: string[]; allLocal: boolean } {
  const urls = names.map((n) => metaString(md, n)).filter((u): u is string => !!u);
  const problems = urls.map((u) => httpsProblem(ctx, u)).filter((p): p is string => !!p);
  return { problems, urls, allLocal: urls.length > 0 && urls.every((u) => ctx.isLocalHttp(u)) };
}

/** Members whose value is an empty array. */
export function emptyArrays(md: Metadata): string[] {
  return Object.entries(md)
    .filter(([, v]) => Array.isArray(v) && v.length === 0)
    .map(([k]) => k);
}
