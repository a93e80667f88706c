/**
 * Failed refresh requests (RFC 6749 §6), each told apart as a reuse of a refresh token
 * the provider had already rotated, or a refresh token the provider no longer honours.
 * Shared by `refresh-token-reuse` and `refresh-token-invalidated`.
 */
import type { Exchange } from '../results/model.js';
import { DOMAIN_REFUSED, IP_REFUSED } from './address-rules.js';
import { isClientAuthError } from './client-auth.js';
import { errorOf, failed, tokenGrants, type ErrorInfo, type TokenGrant } from './traffic.js';

export interface RefreshFailure {
  grant: TokenGrant;
  error: ErrorInfo;
  token: string;
  /** A successful refresh that used the same token and got a new one (rotation). */
  rotatedBy: TokenGrant | undefined;
  /** How many refresh requests sent this same token and failed. */
  attempts: number;
  /** The refresh token's lifetime as the response that issued it announced it, when this refresh came after it ran out. */
  pastAnnouncedExpiry: { issuedBy: TokenGrant; member: string; seconds: number; lateBy: number } | undefined;
}

/** Members by which providers announce a refresh token's lifetime (GitHub Apps, Microsoft, LinkedIn; Keycloak; Intuit). */
export const REFRESH_LIFETIME_MEMBERS = ['refresh_token_expires_in', 'refresh_expires_in', 'x_refresh_token_expires_in'];

function announcedLifetime(g: TokenGrant): { member: string; seconds: number } | undefined {
  for (const member of REFRESH_LIFETIME_MEMBERS) {
    const v = g.body[member];
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
    if (n !== undefined && n > 0) return { member, seconds: n };
  }
  return undefined;
}

const REFRESH_TEXT = /refresh[_ ]?token|invalid token|token (?:is )?(?:invalid|expired|revoked)|expired or revoked|revoked|expired/i;

/** Whether a failed refresh says "this refresh token is no good" (not a client-auth or scope problem). */
function refusesToken(e: Exchange, err: ErrorInfo): boolean {
  if (isClientAuthError(e, err)) return false;
  if (IP_REFUSED.test(err.text) || DOMAIN_REFUSED.test(err.text)) return false; // address-not-allowed explains it
  // GitHub answers an expired or unknown refresh token with bad_refresh_token (in an HTTP 200 body)
  if (err.code === 'invalid_grant' || err.code === 'bad_refresh_token') return true;
  // Zoom answers {"reason":"Invalid Token!","error":"invalid_request"}
  return (err.code === 'invalid_request' || err.code === 'invalid_token' || err.code === undefined) && REFRESH_TEXT.test(err.text);
}

export function refreshFailures(all: Exchange[]): RefreshFailure[] {
  const grants = tokenGrants(all).filter((g) => g.grantType === 'refresh_token');
  const out: RefreshFailure[] = [];
  for (const g of grants) {
    if (!failed(g.exchange)) continue;
    const err = errorOf(g.exchange.response);
    const token = g.params.get('refresh_token');
    if (!err || !token || !refusesToken(g.exchange, err)) continue;
    const rotatedBy = grants.find((x) => x !== g && x.ok && x.params.get('refresh_token') === token && typeof x.body.refresh_token === 'string' && x.body.refresh_token !== token);
    const attempts = grants.filter((x) => !x.ok && x.params.get('refresh_token') === token).length;
    const issuedBy = [...tokenGrants(all)].reverse().find((x) => x.ok && x.exchange.seq < g.exchange.seq && x.body.refresh_token === token);
    const announced = issuedBy ? announcedLifetime(issuedBy) : undefined;
    const lateBy = announced && issuedBy!.exchange.at !== undefined && g.exchange.at !== undefined ? g.exchange.at - (issuedBy!.exchange.at + announced.seconds * 1000) : undefined;
    const pastAnnouncedExpiry = announced && lateBy !== undefined && lateBy >= 0 ? { issuedBy: issuedBy!, ...announced, lateBy } : undefined;
    out.push({ grant: g, error: err, token, rotatedBy, attempts, pastAnnouncedExpiry });
  }
  return out;
}
