/**
 * The `verify` login script for Glewlwyd (`login.kind: playwright`): the browser is on
 * login.html; instead of clicking through that JavaScript application, the script calls
 * the same login API it calls (`POST /api/auth/`, `PUT /api/auth/grant/{client_id}`) from
 * the page, then opens the authorization URL again with `g_continue`, as login.html does.
 * Glewlwyd's login API has no refusal: with `decision: deny` the script does nothing, and
 * the flow ends on the login page.
 */
import type { PlaywrightLoginArgs } from '../../../user-agent/playwright-login.js';
import { glewlwydApiOf } from './glewlwyd-http-login.js';

/** The login API has no refusal: checks that need one are not tested (see the playwright driver). */
export const canDeny = false;

export default async function login({ page, decision, user, authorizeUrl }: PlaywrightLoginArgs): Promise<void> {
  if (decision === 'deny' || !user) return;
  const target = new URL(authorizeUrl);
  const api = glewlwydApiOf(authorizeUrl);
  const clientId = target.searchParams.get('client_id') ?? '';
  const scope = target.searchParams.get('scope') ?? '';
  const status = await page.evaluate(
    async ({ api, user, clientId, scope }) => {
      const json = { 'content-type': 'application/json' };
      const auth = await fetch(`${api}/auth/`, { method: 'POST', headers: json, body: JSON.stringify(user), credentials: 'include' });
      if (auth.status !== 200) return `login answered HTTP ${auth.status}`;
      const grant = await fetch(`${api}/auth/grant/${encodeURIComponent(clientId)}`, { method: 'PUT', headers: json, body: JSON.stringify({ scope }), credentials: 'include' });
      return grant.status === 200 ? 'ok' : `grant answered HTTP ${grant.status}`;
    },
    { api, user: { username: user.username, password: user.password }, clientId, scope },
  );
  if (status !== 'ok') throw new Error(`Glewlwyd ${status}`);
  target.searchParams.set('g_continue', '');
  // The redirect to the client is captured (and aborted) by the driver.
  await page.goto(target.toString()).catch(() => undefined);
}
