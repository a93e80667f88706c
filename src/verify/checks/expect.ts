/**
 * Assertions shared by the checks. Each throws a {@link CheckFailure} whose message names
 * the request and the field, with the expected and actual values.
 */
import { cannotTest, fail } from '../check.js';
import { findChallenge } from '../../http/headers.js';
import type { ProbeResponse } from '../probe.js';
import type { TokenResult } from '../flows/token.js';

/** Status is one of `expected`. */
export function expectStatus(res: ProbeResponse, expected: number | readonly number[], what: string): void {
  const list = typeof expected === 'number' ? [expected] : expected;
  if (!list.includes(res.status)) fail(`${what}: HTTP status ${res.status}, expected ${list.join(' or ')}`, list, res.status);
}

/** A token was issued. */
export function expectToken(r: TokenResult, what: string): void {
  if (!r.ok) {
    fail(
      `${what}: expected 200 with an access_token, got HTTP ${r.res.status}${r.error ? ` error=${r.error}` : ''}`,
      { status: 200, access_token: 'present' },
      { status: r.res.status, error: r.error },
    );
  }
}

/**
 * A token the check needs as a precondition (not what it tests): without one the check
 * is `inconclusive` (not tested), never failed.
 */
export function requireToken(r: TokenResult, what: string): void {
  if (!r.ok) cannotTest(`${what}: expected 200 with an access_token, got HTTP ${r.res.status}${r.error ? ` error=${r.error}` : r.res.status === 200 ? ' without a JSON access_token' : ''}`);
}

/** No token was issued. */
export function expectNoToken(r: TokenResult, what: string): void {
  if (r.ok || r.accessToken) {
    fail(`${what}: a token was issued (HTTP ${r.res.status})`, 'no token (an error response)', { status: r.res.status, access_token: 'present' });
  }
}

/** An OAuth error response with `error` in `codes` (and status in `statuses` when given). */
export function expectError(r: TokenResult, codes: readonly string[], what: string, statuses: readonly number[] = [400, 401]): void {
  expectNoToken(r, what);
  if (!statuses.includes(r.res.status) || r.error === undefined || !codes.includes(r.error)) {
    fail(
      `${what}: expected HTTP ${statuses.join('/')} with error ${codes.join(' or ')}, got HTTP ${r.res.status}${r.error ? ` error=${r.error}` : ' without a JSON error'}`,
      { status: statuses, error: codes },
      { status: r.res.status, error: r.error ?? null },
    );
  }
}

/** `invalid_client`: 401 + `WWW-Authenticate: Basic` when the client used Basic (RFC 6749 §5.2). */
export function expectInvalidClientBasic(r: TokenResult, what: string): void {
  expectError(r, ['invalid_client'], what, [401]);
  const challenge = findChallenge(r.res.headers.get('www-authenticate'), 'Basic');
  if (!challenge) {
    fail(
      `${what}: 401 invalid_client without a WWW-Authenticate challenge for the Basic scheme`,
      'WWW-Authenticate: Basic …',
      r.res.headers.get('www-authenticate'),
    );
  }
}
