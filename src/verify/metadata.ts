/**
 * Authorization server metadata (RFC 8414 §2) as loosely typed data with typed readers:
 * the checks must see what the server really sent, including wrong types.
 */

/** A metadata document as parsed JSON. */
export type Metadata = Readonly<Record<string, unknown>>;

/** A string member, or undefined when absent or not a string. */
export function metaString(md: Metadata, name: string): string | undefined {
  const v = md[name];
  return typeof v === 'string' ? v : undefined;
}

/** A string-array member, or undefined when absent or not an array of strings. */
export function metaStrings(md: Metadata, name: string): string[] | undefined {
  const v = md[name];
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
}

/** `grant_types_supported`, with the RFC 8414 §2 default when omitted. */
export function grantTypesSupported(md: Metadata): string[] {
  return metaStrings(md, 'grant_types_supported') ?? ['authorization_code', 'implicit'];
}

/** `token_endpoint_auth_methods_supported`, with the RFC 8414 §2 default when omitted. */
export function tokenAuthMethods(md: Metadata): string[] {
  return metaStrings(md, 'token_endpoint_auth_methods_supported') ?? ['client_secret_basic'];
}

/** RFC 8414 §3: insert the well-known segment between host and path (trailing `/` dropped). */
export function rfc8414MetadataUrl(issuer: string): string {
  const u = new URL(issuer);
  const path = u.pathname.replace(/\/$/, '');
  return `${u.origin}/.well-known/oauth-authorization-server${path}`;
}

/** OIDC Discovery §4: append the well-known segment to the issuer (trailing `/` dropped). */
export function oidcDiscoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
}
