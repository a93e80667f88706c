/**
 * Discovery: RFC 8414 `/.well-known/oauth-authorization-server` first, then OpenID
 * Connect Discovery `/.well-known/openid-configuration`; the first JSON object wins.
 */
import { VerifyError } from '../errors/verify-error.js';
import { isJsonObject } from '../http/json.js';
import { mediaType } from '../http/headers.js';
import { type Metadata, oidcDiscoveryUrl, rfc8414MetadataUrl } from './metadata.js';
import { type Probe, ProbeNetworkError } from './probe.js';

/** One fetched well-known document. */
export interface MetadataDocument {
  url: string;
  status: number;
  contentType: string | undefined;
  /** The parsed body when it is a JSON object. */
  json: Metadata | undefined;
  /** Set when the request got no response. */
  error?: string;
}

export interface Discovery {
  oauth: MetadataDocument;
  openid: MetadataDocument;
  /** The metadata in use: RFC 8414 when available, else OIDC. */
  metadata: Metadata;
  source: 'oauth-authorization-server' | 'openid-configuration';
}

/** Fetch one well-known document through `probe`. */
export async function fetchMetadataDocument(probe: Probe, url: string): Promise<MetadataDocument> {
  try {
    const res = await probe.send({ url, endpoint: 'metadata', headers: { accept: 'application/json' } });
    return {
      url,
      status: res.status,
      contentType: mediaType(res.headers.get('content-type')),
      json: res.status === 200 && isJsonObject(res.json) ? res.json : undefined,
    };
  } catch (e) {
    if (e instanceof ProbeNetworkError) return { url, status: 0, contentType: undefined, json: undefined, error: e.message };
    throw e;
  }
}

/** Discover the server; throws {@link VerifyError} `DISCOVERY_FAILED` when neither document is usable. */
export async function discover(issuer: string, probe: Probe): Promise<Discovery> {
  // both at once: a server that does not answer costs one timeout, not two
  const [oauth, openid] = await Promise.all([fetchMetadataDocument(probe, rfc8414MetadataUrl(issuer)), fetchMetadataDocument(probe, oidcDiscoveryUrl(issuer))]);
  const metadata = oauth.json ?? openid.json;
  if (!metadata) {
    const why = [oauth, openid].map((d) => `${d.url}: ${d.error ?? `HTTP ${d.status}${d.contentType ? ` ${d.contentType}` : ''}`}`);
    throw new VerifyError(
      'DISCOVERY_FAILED',
      `no authorization server metadata found for issuer ${issuer}\n${why.join('\n')}`,
      why,
    );
  }
  return { oauth, openid, metadata, source: oauth.json ? 'oauth-authorization-server' : 'openid-configuration' };
}
