/**
 * How the reference client reports a failed operation: a stable `code` (an OAuth error
 * code from the provider, or one of the harness's own) and a one-line message.
 */
import * as oauth from 'oauth4webapi';
import { oauthErrorCode } from '../observe/wire.js';

/** Harness codes for reactions that are not OAuth error codes. */
export type ClientReactionCode =
  | 'state_mismatch'
  | 'redirect_rejected'
  | 'login_failed'
  | 'endpoint_not_oauth'
  | 'token_response_not_json'
  | 'invalid_token_response'
  | 'unexpected_response'
  | 'reconnect_required'
  | 'not_connected'
  | 'no_refresh_token'
  | 'network_error'
  | 'api_error';

export class ClientError extends Error {
  readonly code: string;
  readonly status: number | undefined;
  constructor(code: ClientReactionCode | string, message: string, status?: number) {
    super(message);
    this.name = 'ClientError';
    this.code = code;
    this.status = status;
  }
}

/** Turns whatever oauth4webapi (or fetch) threw into a `ClientError`. */
export async function toClientError(err: unknown): Promise<ClientError> {
  if (err instanceof ClientError) return err;
  if (err instanceof oauth.ResponseBodyError) return new ClientError(err.error, `${err.error}: ${err.error_description ?? 'no description'}`, err.status);
  if (err instanceof oauth.AuthorizationResponseError) return new ClientError(err.error, `${err.error}: ${err.error_description ?? 'no description'}`);
  if (err instanceof oauth.WWWAuthenticateChallengeError) {
    const c = err.cause[0];
    const body = (await err.response.clone().json().catch(() => undefined)) as { error?: unknown; error_description?: unknown } | undefined;
    if (typeof body?.error === 'string') return new ClientError(body.error, `${body.error}: ${String(body.error_description ?? 'no description')}`, err.status);
    const code = c?.parameters.error ?? (c?.scheme === 'basic' ? 'invalid_client' : 'api_error');
    return new ClientError(code, `${code}: ${c?.parameters.error_description ?? 'no description'}`, err.status);
  }
  if (err instanceof oauth.OperationProcessingError) {
    const res = err.cause instanceof Response ? err.cause : undefined;
    const type = res?.headers.get('content-type') ?? '';
    if (err.code === oauth.RESPONSE_IS_NOT_JSON || err.code === oauth.RESPONSE_IS_NOT_CONFORM) {
      if (res && (res.status === 404 || type.includes('html'))) return new ClientError('endpoint_not_oauth', `the endpoint answered ${res.status} ${type || 'without a content type'} instead of OAuth JSON`, res.status);
      if (err.code === oauth.RESPONSE_IS_NOT_JSON) return new ClientError('token_response_not_json', `the token response is not JSON (content-type "${type}")`, res?.status);
      const shaped = res && (await nonRfcError(res));
      if (shaped) return new ClientError(shaped.code, `${shaped.code}: ${shaped.message} (an error body not shaped as RFC 6749 §5.2)`, res.status);
      return new ClientError('unexpected_response', `unexpected HTTP status ${res?.status ?? '?'} without an OAuth error body`, res?.status);
    }
    if (/"state"/.test(err.message)) return new ClientError('state_mismatch', err.message);
    return new ClientError('invalid_token_response', err.message);
  }
  if (err instanceof TypeError) return new ClientError('network_error', `request failed: ${err.message}`);
  return new ClientError('unexpected_response', (err as Error)?.message ?? String(err));
}

/** An error code in a body that is not RFC-shaped (Facebook's `{error:{message,type}}` plus its challenge). */
async function nonRfcError(res: Response): Promise<{ code: string; message: string } | undefined> {
  const body = await res.clone().text().catch(() => '');
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => (headers[k] = v));
  const code = oauthErrorCode({ status: res.status, headers, body });
  if (!code) return undefined;
  let message = 'no description';
  try {
    const e = (JSON.parse(body) as { error?: { message?: unknown } }).error;
    if (typeof e?.message === 'string') message = e.message;
  } catch {
    /* not JSON: keep the default */
  }
  return { code, message };
}
