/**
 * The user's answer on the login-and-consent page: log in, grant (some of) the scopes
 * or deny, then redirect to the client with a code or `access_denied` (RFC 6749 §4.1.2).
 */
import type { ProviderContext } from '../context.js';
import { formBody, redirect, type ProviderRequest, type ProviderResponse } from '../http.js';
import { errorPage, loginPage } from '../pages.js';
import { errorDescription } from '../respond.js';
import { randomToken } from '../random.js';
import { withParams } from '../redirect-uri.js';
import { earnsRefreshToken } from '../refresh-policy.js';

/** `POST {authorize}/decision` with `txn`, `username`, `password`, `scope`…, `decision`. */
export function decision(ctx: ProviderContext, req: ProviderRequest): ProviderResponse {
  if (req.method !== 'POST') return errorPage(405, 'Method not allowed', 'The consent form is submitted with POST.');
  const form = formBody(req);
  const txn = form.get('txn') ?? '';
  const interaction = ctx.store.interactions.get(txn);
  if (!interaction || interaction.expiresAt <= ctx.clock.now()) {
    return errorPage(400, 'Sign-in expired', 'This sign-in request is unknown or has expired. Start again from the application.');
  }
  const { params, redirectUri } = interaction;
  const iss = ctx.switches.discovery.issParameter ? ctx.issuer : undefined;
  // RFC 6749 §4.1.2: state MUST come back; `authorize.echoState: false` plays a provider that drops it
  const state = ctx.switches.authorize.echoState ? (params.get('state') ?? undefined) : undefined;
  if (form.get('decision') === 'deny') {
    ctx.store.interactions.delete(txn);
    return redirect(withParams(redirectUri, { error: 'access_denied', error_description: 'The user denied the request', state, iss }));
  }
  const username = form.get('username') ?? '';
  const user = ctx.users.get(username);
  if (!user || user.password !== form.get('password')) {
    return loginPage({
      action: `${ctx.issuer}${ctx.switches.paths.authorize}/decision`,
      txn,
      clientId: interaction.clientId,
      scopes: interaction.scopes,
      userCanDeny: ctx.switches.scopes.userCanDeny,
      error: 'Wrong username or password.',
    });
  }
  ctx.store.interactions.delete(txn);
  if (interaction.pendingError) {
    const { error, description } = interaction.pendingError;
    return redirect(withParams(redirectUri, { error, error_description: errorDescription(description), state, iss }));
  }
  const ticked = form.getAll('scope');
  const granted = ctx.switches.scopes.userCanDeny ? interaction.scopes.filter((s) => ticked.includes(s)) : interaction.scopes;
  for (const extra of ctx.switches.scopes.alwaysAdd) if (!granted.includes(extra)) granted.push(extra);

  const grantId = randomToken('g_');
  const issueRefresh = earnsRefreshToken(ctx, params, granted, interaction.clientId, username);
  // scopes such as Microsoft's offline_access do their work (a refresh token) but are not part of the grant
  const dropped = ctx.switches.scopes.dropFromGrant;
  const kept = dropped.length ? granted.filter((s) => !dropped.includes(s)) : granted;
  ctx.store.grants.set(grantId, { id: grantId, clientId: interaction.clientId, username, scopes: kept, revoked: false, withRefresh: false });
  const code = randomToken('c_');
  const pkce = ctx.switches.pkce.supported && params.get('code_challenge');
  ctx.store.codes.set(code, {
    grantId,
    clientId: interaction.clientId,
    redirectUri: params.get('redirect_uri'),
    scopes: kept,
    requested: interaction.requested,
    username,
    challenge: pkce ? params.get('code_challenge') : null,
    challengeMethod: pkce ? (params.get('code_challenge_method') ?? 'plain') : null,
    nonce: params.get('nonce'),
    expiresAt: ctx.clock.now() + ctx.switches.lifetimes.code * 1000,
    usedAt: null,
    issueRefresh,
  });
  ctx.store.touch();
  return redirect(withParams(redirectUri, { code, state, iss }));
}
