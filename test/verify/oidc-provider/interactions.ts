/**
 * Login and consent pages for the oidc-provider fixture, built on oidc-provider's
 * interactions API (no devInteractions): plain HTML forms the form-fill driver can use.
 *
 * GET  /interaction/:uid          login form (prompt "login") or consent form (prompt "consent")
 * POST /interaction/:uid/login    check the test user, finish the login prompt
 * POST /interaction/:uid/confirm  decision=approve grants the missing scopes; decision=deny aborts
 */
import { escapeHtml, page, readForm } from './forms.js';
import type { KoaContext, KoaMiddleware, ProviderInstance } from './types.js';

export interface TestUser {
  username: string;
  password: string;
}

const ROUTE = /^\/interaction\/([\w-]+)(?:\/(login|confirm))?$/;

async function finish(ctx: KoaContext, provider: ProviderInstance, result: Record<string, unknown>, merge: boolean): Promise<void> {
  const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: merge });
  ctx.status = 303;
  ctx.redirect(returnTo);
}

async function grantConsent(provider: ProviderInstance, details: Awaited<ReturnType<ProviderInstance['interactionDetails']>>): Promise<Record<string, unknown>> {
  const { prompt, params, session } = details;
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: session!.accountId!, clientId: String(params.client_id) });
  const d = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
  if (d.missingOIDCScope) grant!.addOIDCScope(d.missingOIDCScope.join(' '));
  if (d.missingOIDCClaims) grant!.addOIDCClaims(d.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(d.missingResourceScopes ?? {})) grant!.addResourceScope(indicator, scopes.join(' '));
  const grantId = await grant!.save();
  return { consent: details.grantId ? {} : { grantId } };
}

/** Koa middleware serving the interaction routes. */
export function interactionRoutes(provider: ProviderInstance, user: TestUser): KoaMiddleware {
  return async (ctx, next) => {
    const m = ROUTE.exec(ctx.path);
    if (!m) return next();
    const [, uid, action] = m;
    let details;
    try {
      details = await provider.interactionDetails(ctx.req, ctx.res);
    } catch {
      return page(ctx, 400, 'Error', '<h1>Session expired or request forged</h1><p>Start again from the application.</p>');
    }
    const base = `/interaction/${uid}`;
    if (ctx.method === 'GET' && !action) {
      if (details.prompt.name === 'login') {
        return page(ctx, 200, 'Sign in', `<h1>Sign in</h1><form method="post" action="${base}/login">
<label>Username <input name="login" autocomplete="username"></label>
<label>Password <input type="password" name="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button></form>`);
      }
      return page(ctx, 200, 'Authorize', `<h1>Authorize ${escapeHtml(String(details.params.client_id))}</h1>
<p>Scopes: ${escapeHtml(String(details.params.scope ?? ''))}</p><form method="post" action="${base}/confirm">
<button type="submit" name="decision" value="approve">Continue</button>
<button type="submit" name="decision" value="deny">Cancel</button></form>`);
    }
    if (ctx.method !== 'POST' || !action) return page(ctx, 405, 'Error', '<p>Method not allowed</p>');
    const form = await readForm(ctx);
    if (action === 'login') {
      if (details.prompt.name !== 'login') return page(ctx, 400, 'Error', '<p>Not expecting a login.</p>');
      if (form.get('login') !== user.username || form.get('password') !== user.password) {
        return page(ctx, 401, 'Sign in', '<p>Wrong username or password.</p>');
      }
      return finish(ctx, provider, { login: { accountId: user.username } }, false);
    }
    if (form.get('decision') === 'deny') {
      return finish(ctx, provider, { error: 'access_denied', error_description: 'End-User denied the request' }, false);
    }
    if (details.prompt.name !== 'consent') return page(ctx, 400, 'Error', '<p>Not expecting a consent.</p>');
    return finish(ctx, provider, await grantConsent(provider, details), true);
  };
}
