/**
 * The authorization endpoint (RFC 6749 §3.1, §4.1.1–4.1.2): validates the request,
 * shows the login-and-consent page, and redirects with a code or an error.
 */
import type { ProviderContext } from '../context.js';
import { formBody, redirect, repeatedParam, type ProviderRequest, type ProviderResponse } from '../http.js';
import { addressAllowed, domainAllowed } from '../network.js';
import { errorPage, loginPage } from '../pages.js';
import { errorDescription } from '../respond.js';
import { randomToken } from '../random.js';
import { redirectMatches, withParams } from '../redirect-uri.js';
import { parseScopes, within } from '../scopes.js';
import type { RegisteredClient } from '../switches.js';

/** Resolves the redirect URI of a request, or says why it cannot be used. */
function resolveRedirect(ctx: ProviderContext, client: RegisteredClient, requested: string | null): { uri: string } | { error: string } {
  if (!requested) {
    if (client.redirect_uris.length === 1 && ctx.switches.redirectUri.optionalWhenSingle) return { uri: client.redirect_uris[0]! };
    return { error: 'redirect_uri is required: the client has several (or no) registered redirect URIs' };
  }
  const ok = client.redirect_uris.some((r) => redirectMatches(ctx.switches.redirectUri.matching, r, requested));
  return ok ? { uri: requested } : { error: `redirect_uri "${requested}" does not match any redirect URI registered for client "${client.client_id}"` };
}

/** `GET|POST {authorize}`: validate, then show the login-and-consent page. */
export function authorize(ctx: ProviderContext, req: ProviderRequest): ProviderResponse {
  // RFC 6749 §3.1: parameters sent without a value are treated as if they were omitted
  const params = new URLSearchParams([...(req.method === 'POST' ? formBody(req) : req.query)].filter(([, v]) => v !== ''));
  const clientId = params.get('client_id');
  const client = clientId ? ctx.clients.get(clientId) : undefined;
  if (!client) return errorPage(400, 'Unknown client', clientId ? `No application is registered with client_id "${clientId}".` : 'The request has no client_id.');
  const dup = repeatedParam(params);
  const resolved = resolveRedirect(ctx, client, dup === 'redirect_uri' ? null : params.get('redirect_uri'));
  if ('error' in resolved) return errorPage(400, 'Invalid redirect_uri', resolved.error);
  const redirectUri = resolved.uri;
  if (!domainAllowed(ctx, redirectUri)) {
    return errorPage(400, 'Domain not allowed', `The domain of ${new URL(redirectUri).hostname} is not included in the app's allowed domains.`);
  }
  const net = addressAllowed(ctx, req);
  if (!net.allowed) return errorPage(403, 'Address not allowed', `Sign-in from address ${net.address} is not allowed for this application.`);

  const state = dup === 'state' || !ctx.switches.authorize.echoState ? undefined : (params.get('state') ?? undefined);
  const fail = (error: string, description: string): ProviderResponse => {
    if (ctx.switches.authorize.errorsAfterLogin) {
      const txn = randomToken();
      ctx.store.interactions.set(txn, {
        params,
        clientId: client.client_id,
        redirectUri,
        scopes: [],
        requested: [],
        expiresAt: ctx.clock.now() + ctx.switches.lifetimes.interaction * 1000,
        pendingError: { error, description },
      });
      ctx.store.touch();
      return loginPage({ action: `${ctx.issuer}${ctx.switches.paths.authorize}/decision`, txn, clientId: client.client_id, scopes: [], userCanDeny: ctx.switches.scopes.userCanDeny });
    }
    return redirect(withParams(redirectUri, { error, error_description: errorDescription(description), state, iss: ctx.switches.discovery.issParameter ? ctx.issuer : undefined }));
  };
  if (dup) return fail('invalid_request', `parameter "${dup}" is repeated`);
  const responseType = params.get('response_type');
  if (!responseType) return fail('invalid_request', 'response_type is required');
  if (responseType !== 'code') return fail('unsupported_response_type', `response_type "${responseType}" is not supported`);
  if (!client.grant_types.includes('authorization_code')) return fail('unauthorized_client', 'this client may not use the authorization code grant');

  const requested = parseScopes(ctx, params.get('scope'));
  const asked = requested.length ? requested : ctx.switches.scopes.defaultScopes;
  const allowed = within(asked, client.scopes);
  if (allowed.length < asked.length && ctx.switches.scopes.onUnregistered === 'reject') {
    return fail('invalid_scope', `scope not allowed for this client: ${asked.filter((s) => !allowed.includes(s)).join(' ')}`);
  }
  const pkce = ctx.switches.pkce;
  if (pkce.supported) {
    const challenge = params.get('code_challenge');
    const method = params.get('code_challenge_method') ?? 'plain';
    if (!challenge && (pkce.required || client.client_secret === null)) return fail('invalid_request', 'code_challenge is required');
    if (challenge && !pkce.methods.includes(method as 'S256')) return fail('invalid_request', `code_challenge_method "${method}" is not supported`);
    if (challenge && !/^[A-Za-z0-9._~-]{43,128}$/.test(challenge)) return fail('invalid_request', 'code_challenge is malformed');
  }

  const txn = randomToken();
  ctx.store.interactions.set(txn, {
    params,
    clientId: client.client_id,
    redirectUri,
    scopes: allowed,
    // what the client sent, not the default: a default scope must be echoed in the token response (RFC 6749 §3.3, §5.1)
    requested,
    expiresAt: ctx.clock.now() + ctx.switches.lifetimes.interaction * 1000,
  });
  ctx.store.touch();
  return loginPage({ action: `${ctx.issuer}${ctx.switches.paths.authorize}/decision`, txn, clientId: client.client_id, scopes: allowed, userCanDeny: ctx.switches.scopes.userCanDeny });
}
