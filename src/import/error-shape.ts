/**
 * Error bodies that are not RFC 6749 §5.2's `{error, error_description, error_uri}`:
 * Slack's `{ok: false, error}`, HubSpot's `{status, message}`, any provider's own. Read
 * back into the template the mock's `errors.shape` switch takes (a JSON object whose
 * strings may hold `{error}` and `{error_description}`), and the OAuth error code found
 * in such a body. Used by `import` (recorded errors) and `fingerprint` (probed ones).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */

/**
 * Error codes of RFC 6749 §4.1.2.1 and §5.2, RFC 6750 §3.1, RFC 7009 §2.2.1, RFC 8628
 * §3.5 and OpenID Connect Core §3.1.2.6: a string value equal to one of them is the code.
 */
export const OAUTH_ERROR_CODES: ReadonlySet<string> = new Set([
  'invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope',
  'access_denied', 'unsupported_response_type', 'server_error', 'temporarily_unavailable',
  'invalid_token', 'insufficient_scope', 'unsupported_token_type',
  'authorization_pending', 'slow_down', 'expired_token',
  'interaction_required', 'login_required', 'consent_required', 'account_selection_required', 'invalid_request_uri', 'invalid_request_object',
]);

const RFC_MEMBERS = new Set(['error', 'error_description', 'error_uri']);

/** Whether a JSON error body is RFC 6749 §5.2's own shape (a string `error`, nothing but its three members). */
export function isRfcErrorBody(body: Record<string, unknown>): boolean {
  return typeof body.error === 'string' && Object.keys(body).every((k) => RFC_MEMBERS.has(k));
}

/** The first OAuth error code among a body's string values, depth first; `undefined` when none is one. */
export function codeInBody(body: unknown): string | undefined {
  if (typeof body === 'string') return OAUTH_ERROR_CODES.has(body) ? body : undefined;
  if (Array.isArray(body)) {
    for (const v of body) {
      const c = codeInBody(v);
      if (c) return c;
    }
    return undefined;
  }
  if (body && typeof body === 'object') return codeInBody(Object.values(body));
  return undefined;
}

/** A text that reads as a description: words separated by spaces. */
const descriptive = (v: string) => /\S\s+\S/.test(v);

/**
 * The `errors.shape` template of a non-RFC error body: its OAuth error code becomes
 * `{error}`, descriptive text `{error_description}`, anything else (`ok: false`, numbers,
 * fixed words) stays as it is. `undefined` for an RFC-shaped body, for Facebook's
 * `{error: {message, type, code}}` (the `facebook` style), and for a body that holds no
 * OAuth error code (the mock could not fill it with one).
 */
export function errorShapeOf(body: Record<string, unknown>): Record<string, unknown> | undefined {
  if (isRfcErrorBody(body)) return undefined;
  const error = body.error;
  if (error && typeof error === 'object' && !Array.isArray(error) && typeof (error as Record<string, unknown>).type === 'string') return undefined;
  if (!codeInBody(body)) return undefined;
  let described = false;
  const template = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (OAUTH_ERROR_CODES.has(v)) return '{error}';
      if (!described && descriptive(v)) {
        described = true;
        return '{error_description}';
      }
      return v;
    }
    if (Array.isArray(v)) return v.map(template);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, template(x)]));
    return v;
  };
  return template(body) as Record<string, unknown>;
}
