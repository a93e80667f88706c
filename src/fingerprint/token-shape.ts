/**
 * Reading one successful token response (RFC 6749 §5.1) for the shape switches: the
 * content type, `token_type`, how the lifetime is given, `Cache-Control: no-store`,
 * a JWT access token (RFC 9068), members beyond the RFC's, and whether `scope` came back.
 * Used for the client-credentials responses and, without that grant, a login's.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
import type { ProbeResponse } from '../verify/probe.js';
import { fieldsOf, header } from './probe.js';
import type { Session } from './session.js';

const STANDARD = new Set(['access_token', 'token_type', 'expires_in', 'expires', 'refresh_token', 'scope', 'id_token', 'refresh_token_expires_in']);

function isJwt(token: unknown): boolean {
  if (typeof token !== 'string') return false;
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  try {
    return typeof (JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

/** A value that could be a credential: long and random-looking. Such values are not written into a profile. */
function secretLooking(v: unknown): boolean {
  return typeof v === 'string' && v.length >= 16 && /^[A-Za-z0-9+/=_.~-]+$/.test(v) && /[0-9]/.test(v) && /[A-Za-z]/.test(v) && !/^\d+$/.test(v);
}

/** The lifetime a response gives, in seconds: `expires_in` (number or numeric string) or Facebook's `expires`. */
export function lifetimeOf(body: Record<string, unknown>): number | undefined {
  const v = body.expires_in ?? body.expires;
  return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * Records the shape of `res`; `asked` and `granted` (when known) feed the scope style;
 * `format` is decided by the caller (it needs two requests).
 */
export function readTokenShape(s: Session, res: ProbeResponse, asked: string[] | undefined): Record<string, unknown> {
  const f = s.findings;
  const body = fieldsOf(res);
  const ref = s.ref(res);
  const tt = body.token_type;
  if (tt === undefined) f.set(['tokenResponse', 'tokenType'], 'omit', `no token_type (${ref})`);
  // any spelling the mock can write back: printable ASCII, at most 64 characters (`bearer`, `BEARER`, `mac`, `N_A`)
  else if (typeof tt === 'string' && /^[\x20-\x7e]{1,64}$/.test(tt) && tt !== 'omit') f.set(['tokenResponse', 'tokenType'], tt, `token_type "${tt}" (${ref})${tt === 'Bearer' ? '' : tt.toLowerCase() === 'bearer' ? ': the "Bearer" of RFC 6750 spelled otherwise (RFC 6749 §5.1: the type is case-insensitive)' : ': not a Bearer token (RFC 6750)'}`);
  else f.unknown('tokenResponse.tokenType', `token_type ${JSON.stringify(tt)} (${ref}) is not a value the mock can write`);
  if (body.expires_in !== undefined) f.set(['tokenResponse', 'expiresIn'], typeof body.expires_in === 'string' ? 'string' : 'number', `expires_in is a ${typeof body.expires_in === 'string' ? 'string' : 'number'} (${ref})`);
  else if (body.expires !== undefined) f.set(['tokenResponse', 'expiresIn'], 'expires', `the lifetime is named expires (${ref})`);
  const cache = header(res, 'cache-control') ?? '';
  f.set(['tokenResponse', 'noStore'], /no-store/i.test(cache), /no-store/i.test(cache) ? `Cache-Control: ${cache} (${ref})` : `no Cache-Control: no-store (${ref})`);
  f.set(['tokenResponse', 'accessTokenFormat'], isJwt(body.access_token) ? 'jwt' : 'opaque', `the access token is ${isJwt(body.access_token) ? 'a JWT' : 'opaque'} (${ref})`);
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (!STANDARD.has(k)) extra[k] = secretLooking(v) ? 'value-withheld' : v;
  f.set(['tokenResponse', 'extraFields'], extra, Object.keys(extra).length ? `members beyond RFC 6749 §5.1: ${Object.keys(extra).join(', ')} (${ref}); values that look like credentials are withheld` : `no members beyond RFC 6749 §5.1 (${ref})`);
  if (asked !== undefined) {
    const granted = typeof body.scope === 'string' ? body.scope.split(/[ ,]+/).filter(Boolean) : undefined;
    s.facts.scopeSeen.push({ seq: res.seq, returned: granted !== undefined, differs: granted === undefined ? undefined : granted.length !== asked.length || granted.some((g) => !asked.includes(g)) });
  }
  return body;
}

/** The scope style from every token response seen (RFC 6749 §5.1: required only when the grant differs from the request). */
export function decideScopeStyle(s: Session): void {
  const seen = s.facts.scopeSeen;
  const refs = (xs: typeof seen) => xs.map((x) => `#${x.seq}`).join(', ');
  const sameReturned = seen.filter((x) => x.returned && x.differs === false);
  const differReturned = seen.filter((x) => x.returned && x.differs === true);
  const absent = seen.filter((x) => !x.returned);
  const f = s.findings;
  if (sameReturned.length) f.set(['tokenResponse', 'scope'], 'always', `scope returned although it equals the request (${refs(sameReturned)})`);
  else if (differReturned.length && absent.length) f.set(['tokenResponse', 'scope'], 'if-different', `scope returned when the grant differs from the request (${refs(differReturned)}), not otherwise (${refs(absent)})`);
  else if (absent.length && s.facts.scopeDiffered) f.set(['tokenResponse', 'scope'], 'never', `no scope, even for a grant that differs from the request (${refs(absent)})`);
  // a value is still written, so a served copy of the profile answers these requests alike
  else if (absent.length) f.set(['tokenResponse', 'scope'], 'if-different', `no scope in the token responses (${refs(absent)})`, 'no grant that differs from its request was obtained: `never` looks the same', (v) => v === 'if-different' || v === 'never');
}
