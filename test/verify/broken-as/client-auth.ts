/**
 * Client authentication of the broken AS (RFC 6749 §2.3.1), with its quirks.
 */
import type { AsClient, AsState } from './state.js';
import { type Req } from './http.js';

export type AuthOutcome =
  | { ok: true; client: AsClient; method: 'basic' | 'post' | 'none' }
  | { ok: false; status: number; error: string; description: string; challenge: boolean };

function formDecode(s: string): string {
  return decodeURIComponent(s.replace(/\+/g, '%20'));
}

/** Authenticate the caller from the Authorization header and the (already parsed) params. */
export function authenticateClient(
  state: AsState,
  req: Req,
  params: Map<string, string>,
  options: { allowMissingSecret?: boolean } = {},
): AuthOutcome {
  const header = req.headers.authorization;
  const bodySecret = params.get('client_secret');
  const bodyId = params.get('client_id');
  const fail = (status: number, error: string, description: string, challenge: boolean): AuthOutcome => ({
    ok: false,
    status,
    error,
    description,
    challenge,
  });
  const invalid = (description: string, viaHeader: boolean): AuthOutcome => {
    if (viaHeader) return fail(state.has('invalid-client-400') ? 400 : 401, 'invalid_client', description, !state.has('no-www-authenticate'));
    return fail(400, state.has('body-auth-wrong-error') ? 'unauthorized_client' : 'invalid_client', description, false);
  };
  const throttled = (id: string): boolean => {
    if (state.has('no-throttling')) return false;
    const recent = (state.failures.get(id) ?? []).filter((t) => t > Date.now() - 10_000);
    return recent.length >= 10;
  };
  const noteFailure = (id: string): void => {
    const list = state.failures.get(id) ?? [];
    list.push(Date.now());
    state.failures.set(id, list);
  };

  if (header && /^basic /i.test(header)) {
    if (bodySecret !== undefined && !state.has('prefer-basic-over-body')) {
      return fail(400, 'invalid_request', 'more than one client authentication method', false);
    }
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i < 0) return invalid('malformed Basic credentials', true);
    let id: string;
    let secret: string;
    try {
      id = state.has('basic-no-formdecode') ? decoded.slice(0, i) : formDecode(decoded.slice(0, i));
      secret = state.has('basic-no-formdecode') ? decoded.slice(i + 1) : formDecode(decoded.slice(i + 1));
    } catch {
      return invalid('malformed Basic credentials', true);
    }
    if (bodyId !== undefined && bodyId !== id && !state.has('ignore-body-client-id')) {
      return fail(400, 'invalid_request', 'client_id does not match the Basic credentials', false);
    }
    if (throttled(id)) return fail(429, 'slow_down', 'too many failed attempts', false);
    const client = state.clients.get(id);
    if (!client) {
      noteFailure(id);
      if (state.has('unknown-client-invalid-grant')) return fail(400, 'invalid_grant', 'unknown client', false);
      return invalid('unknown client', true);
    }
    if (!client.client_secret || client.client_secret !== secret || !client.authMethods.has('client_secret_basic') || state.has('basic-refused')) {
      noteFailure(id);
      return invalid('client authentication failed', true);
    }
    return { ok: true, client, method: 'basic' };
  }
  if (header) return fail(400, 'invalid_request', 'unsupported Authorization scheme', false);
  if (bodyId === undefined) return invalid('no client authentication', true);
  if (throttled(bodyId)) return fail(429, 'slow_down', 'too many failed attempts', false);
  const client = state.clients.get(bodyId);
  if (!client) {
    noteFailure(bodyId);
    return invalid('unknown client', false);
  }
  if (bodySecret !== undefined) {
    if (state.has('post-advertised-not-working') || !client.authMethods.has('client_secret_post') || client.client_secret !== bodySecret) {
      noteFailure(bodyId);
      return invalid('client authentication failed', false);
    }
    return { ok: true, client, method: 'post' };
  }
  if (client.client_secret && !state.has('confidential-without-secret') && !options.allowMissingSecret) {
    return invalid('client authentication required', false);
  }
  return { ok: true, client, method: 'none' };
}
