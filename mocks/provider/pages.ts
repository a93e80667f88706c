/**
 * The HTML pages a person sees: the login-and-consent page (scopes can be unticked)
 * and error pages shown instead of redirecting (RFC 6749 §4.1.2.1).
 */
import escapeHtml from 'escape-html';
import { html, type ProviderResponse } from './http.js';

const FRAME_GUARD = { 'x-frame-options': 'DENY', 'content-security-policy': "frame-ancestors 'none'", 'cache-control': 'no-store' };
const STYLE = 'body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.4rem 0}fieldset{margin:1rem 0}.err{color:#b00020}';

/** An error page: the provider refuses to redirect (unknown client, redirect URI mismatch, …). */
export function errorPage(status: number, title: string, detail: string): ProviderResponse {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><h1 data-error="${escapeHtml(title)}">${escapeHtml(title)}</h1><p class="err" id="error-detail">${escapeHtml(detail)}</p></body></html>`;
  return html(status, body, FRAME_GUARD);
}

export interface LoginPageInput {
  action: string;
  txn: string;
  clientId: string;
  scopes: string[];
  userCanDeny: boolean;
  error?: string;
}

/** The combined login and consent form. Field names: `username`, `password`, `scope`, `decision`. */
export function loginPage(p: LoginPageInput): ProviderResponse {
  const scopeBoxes = p.scopes
    .map((s) => `<label><input type="checkbox" name="scope" value="${escapeHtml(s)}" checked${p.userCanDeny ? '' : ' disabled'}> ${escapeHtml(s)}</label>`)
    .join('');
  const fixed = p.userCanDeny ? '' : p.scopes.map((s) => `<input type="hidden" name="scope" value="${escapeHtml(s)}">`).join('');
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title><style>${STYLE}</style></head><body>
<h1>Sign in to continue to ${escapeHtml(p.clientId)}</h1>${p.error ? `<p class="err" role="alert">${escapeHtml(p.error)}</p>` : ''}
<form method="post" action="${escapeHtml(p.action)}" id="login">
<input type="hidden" name="txn" value="${escapeHtml(p.txn)}">
<label>Username <input name="username" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<fieldset><legend>${escapeHtml(p.clientId)} asks for</legend>${scopeBoxes || '<p>no specific permissions</p>'}${fixed}</fieldset>
<button type="submit" name="decision" value="allow">Allow</button> <button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
</form></body></html>`;
  return html(200, body, FRAME_GUARD);
}
