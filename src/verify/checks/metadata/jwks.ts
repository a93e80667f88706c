/** Fetch and read the JWK Set of `jwks_uri`. */
import { fail } from '../../check.js';
import type { CheckContext } from '../../context.js';
import { isJsonObject } from '../../../http/json.js';

export type Jwk = Record<string, unknown>;

export async function fetchJwks(ctx: CheckContext, url: string): Promise<Jwk[]> {
  ctx.step('GET jwks_uri');
  const res = await ctx.http.send({ url, endpoint: 'jwks' });
  if (res.status !== 200 || !isJsonObject(res.json) || !Array.isArray(res.json.keys)) {
    fail(`jwks_uri ${url} did not return a JWK Set (HTTP ${res.status})`, '{ "keys": [...] }', res.text.slice(0, 200));
  }
  return (res.json.keys as unknown[]).filter(isJsonObject);
}

/** Private or symmetric key members (OIDC Discovery §3; RFC 7517 §6.2, §6.3.2, §6.4). */
export const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
