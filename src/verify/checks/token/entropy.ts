/**
 * Black-box entropy estimate for codes and tokens (RFC 6749 §10.10; OAuch's entropy
 * tests): per character position, does the value vary across samples, and how large is
 * the observed alphabet? JWTs are judged by their `jti` only (signatures vary anyway).
 */
import type { CheckContext } from '../../context.js';
import { obtainCode, redeemCode } from '../../flows/code-grant.js';
import { clientCredentials } from '../../flows/token.js';
import { jwtPayload } from './granted-scope.js';
import { canUseClientCredentials } from './sample.js';

export const SAMPLES = 20;

export interface EntropyEstimate {
  kind: 'authorization code' | 'access token' | 'refresh token';
  bits: number | undefined;
  note: string;
}

/** Estimate the entropy of one credential type from samples. */
export function estimateEntropy(samples: readonly string[]): { bits: number | undefined; note: string } {
  let values = [...samples];
  if (values.every((v) => jwtPayload(v))) {
    const jtis = values.map((v) => jwtPayload(v)!.jti);
    if (!jtis.every((j) => typeof j === 'string')) return { bits: undefined, note: 'JWTs without jti: random part unknown' };
    values = jtis as string[];
  }
  if (new Set(values).size < values.length) return { bits: 0, note: 'duplicate values' };
  const alphabet = new Set(values.join(''));
  const len = Math.min(...values.map((v) => v.length));
  let varying = 0;
  for (let i = 0; i < len; i += 1) if (new Set(values.map((v) => v[i])).size > 1) varying += 1;
  const bits = Math.round(varying * Math.log2(Math.max(alphabet.size, 2)));
  return { bits, note: `${varying} of ${len} positions vary over an alphabet of ${alphabet.size}` };
}

/** Collect samples of codes, access and refresh tokens and estimate each. */
export async function entropyEstimates(ctx: CheckContext): Promise<EntropyEstimate[]> {
  const codes: string[] = [];
  const access: string[] = [];
  const refresh: string[] = [];
  ctx.step(`collect ${SAMPLES} samples`);
  for (let i = 0; i < SAMPLES; i += 1) {
    if (ctx.ua && ctx.clients.primary.redirect_uri) {
      const grant = await obtainCode(ctx, { refresh: true });
      codes.push(grant.code);
      const t = await redeemCode(ctx, grant);
      if (t.accessToken) access.push(t.accessToken);
      if (t.refreshToken) refresh.push(t.refreshToken);
    } else if (canUseClientCredentials(ctx)) {
      const t = await clientCredentials(ctx);
      if (t.accessToken) access.push(t.accessToken);
    }
  }
  const out: EntropyEstimate[] = [];
  for (const [kind, list] of [['authorization code', codes], ['access token', access], ['refresh token', refresh]] as const) {
    if (list.length >= SAMPLES) out.push({ kind, ...estimateEntropy(list) });
  }
  return out;
}
