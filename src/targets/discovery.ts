/**
 * Reads a target's metadata: OpenID Connect Discovery, then RFC 8414 (RFC 8414 §3 places
 * the well-known segment before the issuer's path; servers that append it are tried too).
 */
import { HarnessError } from '../errors/harness-error.js';
import { DEFAULT_MAX_RESPONSE_BYTES, fetchCapped, formatBytes } from '../http/fetch-capped.js';

/** The metadata document, or a `TARGET_UNREACHABLE` error naming every URL tried. */
export async function discoverTarget(issuer: string, fetchFn: typeof fetch = fetch): Promise<Record<string, unknown>> {
  const u = new URL(issuer);
  const path = u.pathname.replace(/\/+$/, '');
  const candidates = [
    `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
    `${u.origin}/.well-known/oauth-authorization-server${path}`,
    `${issuer.replace(/\/+$/, '')}/.well-known/oauth-authorization-server`,
  ];
  const problems: string[] = [];
  for (const url of [...new Set(candidates)]) {
    try {
      const { response: res, text } = await fetchCapped(url, { headers: { accept: 'application/json' } }, { timeoutMs: 10_000, maxBytes: DEFAULT_MAX_RESPONSE_BYTES }, fetchFn);
      if (text === undefined) {
        problems.push(`${url}: a body larger than ${formatBytes(DEFAULT_MAX_RESPONSE_BYTES)}`);
        continue;
      }
      if (!res.ok) {
        problems.push(`${url}: HTTP ${res.status}`);
        continue;
      }
      const doc = JSON.parse(text) as Record<string, unknown>;
      if (typeof doc.token_endpoint === 'string') return doc;
      problems.push(`${url}: no token_endpoint in the document`);
    } catch (e) {
      problems.push(`${url}: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`);
    }
  }
  throw new HarnessError('TARGET_UNREACHABLE', `no metadata for issuer ${issuer}`, problems);
}

/** A metadata member that is a URL string, or undefined. */
export function endpointOf(metadata: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const v = metadata[name];
  return typeof v === 'string' && URL.canParse(v) ? v : undefined;
}
