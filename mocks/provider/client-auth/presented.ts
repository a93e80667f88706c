/**
 * Reading client credentials off a request, one small strategy per placement
 * (RFC 6749 §2.3.1): Basic header, form body, and the query string of a GET
 * (Facebook) or of a POST (which the RFC forbids).
 */
import type { ProviderRequest } from '../http.js';
import type { ClientAuthMethod } from '../switches.js';

/** Credentials found in one placement. */
export interface PresentedCredentials {
  method: ClientAuthMethod;
  clientId: string | undefined;
  secret: string;
  /** Set when the Basic value could not be decoded. */
  malformed?: string;
}

/** `application/x-www-form-urlencoded` decoding of one Basic component (RFC 6749 App. B). */
function formDecode(value: string): string {
  // Most ids and secrets need no decoding: skip the regex and decodeURIComponent (same result).
  if (!value.includes('%') && !value.includes('+')) return value;
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

/** Reads `Authorization: Basic …`, decoding id and secret per `encoding`. */
export function fromBasicHeader(req: ProviderRequest, encoding: 'form-urlencoded' | 'raw'): PresentedCredentials | undefined {
  const header = req.headers['authorization'];
  if (!header || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { method: 'client_secret_basic', clientId: undefined, secret: '', malformed: 'no ":" in the decoded Basic credentials' };
  const id = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  if (encoding === 'raw') return { method: 'client_secret_basic', clientId: id, secret };
  try {
    return { method: 'client_secret_basic', clientId: formDecode(id), secret: formDecode(secret) };
  } catch {
    return { method: 'client_secret_basic', clientId: id, secret, malformed: 'Basic credentials are not valid form-urlencoded text' };
  }
}

/** Reads `client_secret` from the form body of a POST. */
export function fromBody(req: ProviderRequest, body: URLSearchParams): PresentedCredentials | undefined {
  if (req.method !== 'POST' || !body.has('client_secret')) return undefined;
  return { method: 'client_secret_post', clientId: body.get('client_id') ?? undefined, secret: body.get('client_secret') ?? '' };
}

/** Reads `client_secret` from the query string (a GET token request, or credentials in a POST's URI). */
export function fromQuery(req: ProviderRequest): PresentedCredentials | undefined {
  if (!req.query.has('client_secret')) return undefined;
  return { method: 'client_secret_query', clientId: req.query.get('client_id') ?? undefined, secret: req.query.get('client_secret') ?? '' };
}
