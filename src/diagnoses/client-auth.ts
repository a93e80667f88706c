/**
 * Why a client failed to authenticate at the token (or revocation, introspection)
 * endpoint: credentials in the wrong place, a Basic header that was not form-encoded,
 * credentials sent twice, or simply a wrong id or secret. One classifier decides, so
 * the four diagnoses built on it never contradict each other (RFC 6749 §2.3.1, §5.2).
 */
import { basicParts, credentialPlacement, getHeader, type Placement } from '../observe/wire.js';
import type { Exchange } from '../results/model.js';
import { errorOf, failed, kindOf, metadataOf, paramsOf, stringList, type ErrorInfo } from './traffic.js';

export type AuthFailureKind = 'placement' | 'encoding' | 'twice' | 'wrong';
type Where = 'basic' | 'body' | 'query';

export interface AuthFailure {
  exchange: Exchange;
  kind: AuthFailureKind;
  /** Where the client put its credentials. */
  used: Placement;
  /** For `placement`: where the provider wanted them. */
  wanted: Where[];
  /** For `placement`: how we know, in words. */
  how: string;
  /** For `encoding`: which parts of the Basic header needed form-encoding. */
  unencoded: ('client id' | 'client secret')[];
  error: ErrorInfo;
  clientId: string | undefined;
  /**
   * The client's next request, when it repeated this one at once with its credentials in
   * another place and got through (Go x/oauth2's AuthStyleAutoDetect probes this way).
   */
  recoveredBy: Exchange | undefined;
}

export const PLACEMENT_TEXT: Record<Placement, string> = {
  basic: 'an HTTP Basic header (client_secret_basic)',
  body: 'the form body (client_secret_post)',
  query: 'the query string of a GET request',
  multiple: 'both an HTTP Basic header and the request parameters',
  none: 'nowhere (no client secret was sent)',
};

const METHOD_OF: Record<string, Where> = { client_secret_basic: 'basic', client_secret_post: 'body' };

const MENTION: Record<Where, RegExp> = {
  basic: /client_secret_basic|\bhttp basic\b|basic (auth\w*|header|scheme|credentials)|authorization header|in the header/i,
  body: /client_secret_post|request body|post body|form body|in the body|body parameters?|form parameters?|body must contain/i,
  query: /client_secret_query|query string|query param\w*|url param\w*/i,
};
const REFUSED = /(?:not|n't) (?:be )?(?:accepted|allowed|supported|permitted)|unsupported|does not allow|not allow|mismatch|disallowed/i;
const SAYS_WRONG = /invalid client secret|secret (?:is )?(?:invalid|wrong|incorrect)|incorrect|wrong|unknown client|client not found|not identified|does not exist|invalid client credentials|invalid_client_id|authentication failed|bad credentials/i;
const MULTIPLE = /more than one (?:client )?authentication|multiple (?:client )?authentication|multiple client authentication methods|only one (?:client )?authentication method/i;

const NAMES_CLIENT_ID = /client_?id\b.*\b(required|missing|mandatory|must be|not (?:found|provided|present))|(missing|required|no)\b.*\bclient_?id\b/i;

/** A request that authenticated with Basic, sent no client_id in the body, and was refused with an error naming client_id as missing. */
export function missingClientId(e: Exchange, err: ErrorInfo): boolean {
  return basicParts(e.request) !== undefined && !paramsOf(e).has('client_id') && NAMES_CLIENT_ID.test(err.text);
}

/** Whether an error means "the client could not be authenticated", in the shapes providers use. */
export function isClientAuthError(e: Exchange, err: ErrorInfo): boolean {
  const code = err.code;
  if (code === 'invalid_client' || code === 'invalid_client_id' || code === 'incorrect_client_credentials') return true;
  // Keycloak answers bad credentials with 401 unauthorized_client ("Invalid client secret");
  // Glewlwyd a Basic id it cannot find with a bare 403 unauthorized_client: it does not
  // form-decode, so an id the client encoded as RFC 6749 §2.3.1 asks (`harness%2Dclient`) is unknown to it
  if (code === 'unauthorized_client') return err.status === 401 || /secret|credential|authenticat|invalid client/i.test(err.text) || (err.status === 403 && !err.text && /%[0-9A-Fa-f]{2}/.test(basicParts(e.request)?.id ?? ''));
  // Auth0 answers a wrong secret with 401 access_denied "Unauthorized"
  if (code === 'access_denied') return err.status === 401;
  if (code === 'invalid_request') return /client (?:authentication|credentials|secret)|authentication method|client_secret/i.test(err.text) || MULTIPLE.test(err.text);
  return code === undefined && err.status === 401;
}

/**
 * Whether a raw Basic part is certainly not form-encoded: it holds a character that an
 * application/x-www-form-urlencoded string cannot contain, or a `%` that starts no escape.
 * A part with only `+` or `%XX` may already be encoded, so it does not count.
 */
export function needsFormEncoding(raw: string): boolean {
  return /[^A-Za-z0-9*._~!'()%+-]/.test(raw) || /%(?![0-9A-Fa-f]{2})/.test(raw);
}

function otherThan(used: Placement): Where[] {
  return used === 'basic' ? ['body'] : used === 'body' ? ['basic'] : ['basic', 'body'];
}

function clientIdOf(e: Exchange): string | undefined {
  const basic = basicParts(e.request)?.id;
  if (basic !== undefined) {
    try {
      return decodeURIComponent(basic.replace(/\+/g, ' '));
    } catch {
      return basic;
    }
  }
  return paramsOf(e).get('client_id') ?? undefined;
}

/** Where the provider wanted the credentials, and how we know; empty when nothing says so. */
function wantedPlacement(e: Exchange, err: ErrorInfo, used: Placement, all: Exchange[]): { wanted: Where[]; how: string } {
  const none = { wanted: [] as Where[], how: '' };
  if (used === 'none' || used === 'multiple') return none;
  // 1. the provider said so in its error
  const mentioned = (Object.keys(MENTION) as Where[]).filter((w) => MENTION[w].test(err.text));
  const others = mentioned.filter((w) => w !== used);
  if (others.length) return { wanted: others, how: 'the error names the accepted placement' };
  if (mentioned.includes(used as Where) && REFUSED.test(err.text)) return { wanted: otherThan(used), how: 'the error says this placement is not accepted' };
  // 2. the same client succeeded elsewhere with another placement
  const id = clientIdOf(e);
  const success = all.find((x) => x !== e && kindOf(x) === kindOf(e) && !failed(x) && x.response.status < 300 && clientIdOf(x) === id && credentialPlacement(x.request) !== used && ['basic', 'body', 'query'].includes(credentialPlacement(x.request)));
  if (success) return { wanted: [credentialPlacement(success.request) as Where], how: `the same client succeeded with that placement in exchange #${success.seq}` };
  // 3. the metadata lists the methods and this one is not among them (query cannot be listed there)
  const meta = metadataOf(all);
  const key = kindOf(e) === 'revocation' ? 'revocation_endpoint_auth_methods_supported' : kindOf(e) === 'introspection' ? 'introspection_endpoint_auth_methods_supported' : 'token_endpoint_auth_methods_supported';
  const methods = stringList(meta?.[key]) ?? stringList(meta?.token_endpoint_auth_methods_supported);
  if (methods && used !== 'query') {
    const ok = methods.map((m) => METHOD_OF[m]).filter((w): w is Where => w !== undefined);
    if (ok.length && !ok.includes(used as Where)) return { wanted: ok, how: `the provider's metadata lists ${key} = [${methods.join(', ')}]` };
  }
  // 4. a Basic challenge answered credentials sent elsewhere, and the error does not blame the secret
  const challenge = getHeader(e.response.headers, 'www-authenticate') ?? '';
  if (err.status === 401 && used !== 'basic' && /^\s*basic\b/i.test(challenge) && !SAYS_WRONG.test(err.text)) {
    return { wanted: ['basic'], how: 'the provider answered with a Basic challenge (WWW-Authenticate: Basic)' };
  }
  return none;
}

const REPEATED = ['grant_type', 'code', 'refresh_token', 'token'];

/** The next request of the client, if it is this one again with the credentials moved to another placement, and it succeeded. */
function retriedElsewhere(all: Exchange[], e: Exchange, used: Placement): Exchange | undefined {
  const kind = kindOf(e);
  const next = all.find((x) => x.seq > e.seq && (kindOf(x) === kind || kindOf(x) === 'token' || kindOf(x) === 'revocation'));
  if (!next || kindOf(next) !== kind || failed(next) || next.response.status >= 300) return undefined;
  const placed = credentialPlacement(next.request);
  if (placed === used || placed === 'multiple' || clientIdOf(next) !== clientIdOf(e)) return undefined;
  const a = paramsOf(e);
  const b = paramsOf(next);
  return REPEATED.every((k) => a.get(k) === b.get(k)) ? next : undefined;
}

/** Every failed client authentication in the traffic, each with its most likely cause. */
export function clientAuthFailures(all: Exchange[]): AuthFailure[] {
  const out: AuthFailure[] = [];
  for (const e of all) {
    const kind = kindOf(e);
    if (kind !== 'token' && kind !== 'revocation' && kind !== 'introspection') continue;
    if (!failed(e)) continue;
    const err = errorOf(e.response) ?? { status: e.response.status, code: undefined, text: '' };
    const used = credentialPlacement(e.request);
    const base = { exchange: e, used, error: err, clientId: clientIdOf(e), wanted: [] as Where[], how: '', unencoded: [] as AuthFailure['unencoded'], recoveredBy: retriedElsewhere(all, e, used) };
    if (used === 'multiple' || MULTIPLE.test(err.text)) {
      out.push({ ...base, kind: 'twice' });
      continue;
    }
    if (e.request.method === 'GET' && kind === 'token' && (err.status === 405 || /accepts? (?:only )?post|method not allowed/i.test(err.text))) {
      const allow = getHeader(e.response.headers, 'allow');
      out.push({ ...base, kind: 'placement', wanted: ['basic', 'body'], how: `the token endpoint refused a GET request (HTTP ${err.status}${allow ? `, Allow: ${allow}` : ''})` });
      continue;
    }
    // Basic was sent and the provider wants client_id in the body too: client-id-missing-from-body explains it
    if (!isClientAuthError(e, err) || missingClientId(e, err)) continue;
    const w = wantedPlacement(e, err, used, all);
    if (w.wanted.length) {
      out.push({ ...base, kind: 'placement', ...w });
      continue;
    }
    const parts = basicParts(e.request);
    if (parts) {
      const unencoded: AuthFailure['unencoded'] = [];
      if (needsFormEncoding(parts.id)) unencoded.push('client id');
      if (needsFormEncoding(parts.secret)) unencoded.push('client secret');
      if (unencoded.length) {
        out.push({ ...base, kind: 'encoding', unencoded });
        continue;
      }
    }
    out.push({ ...base, kind: 'wrong' });
  }
  return out;
}

/** The failures of one kind; the last one is the one to describe. */
export function failuresOf(all: Exchange[], kind: AuthFailureKind): AuthFailure[] {
  return clientAuthFailures(all).filter((f) => f.kind === kind);
}

/** `HTTP 401 invalid_client: "…"` for a cause text. */
export function errorSummary(err: ErrorInfo): string {
  const text = err.text.replace(/\s+/g, ' ').trim();
  return `HTTP ${err.status}${err.code ? ` ${err.code}` : ''}${text ? `: "${text.length > 200 ? `${text.slice(0, 199)}…` : text}"` : ''}`;
}
