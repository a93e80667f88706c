/**
 * Consent decisions queued through the admin API (or taken from a loaded scenario's
 * connect steps): when a queue is not empty, the authorization endpoint's login page is
 * answered at once with the next decision, as a person would have submitted it, and the
 * browser gets the provider's redirect straight away. Both requests are recorded by the
 * provider as usual. Done around the provider, without changing it.
 */
import type { ProviderRequest, ProviderResponse } from '../../mocks/provider/http.js';
import type { MockProvider } from '../../mocks/provider/provider.js';
import { controlsNamed } from '../user-agent/html.js';

export interface ConsentDecision {
  user: string;
  /** Scopes the user unticks. */
  untick: string[];
  deny: boolean;
  wrongPassword: boolean;
}

/** Answers a login page with a decision; returns the provider's answer to the form post. */
export async function decide(provider: MockProvider, req: ProviderRequest, page: ProviderResponse, d: ConsentDecision): Promise<ProviderResponse> {
  const txn = controlsNamed(page.body, 'txn')[0]?.value;
  if (!txn) return page;
  const user = provider.context.users.get(d.user);
  const form = new URLSearchParams({ txn, username: d.user, password: d.wrongPassword || !user ? 'wrong-password' : user.password, decision: d.deny ? 'deny' : 'allow' });
  for (const box of controlsNamed(page.body, 'scope')) if (box.type === 'checkbox' && box.value && !d.untick.includes(box.value)) form.append('scope', box.value);
  const path = `${provider.context.switches.paths.authorize}/decision`;
  return provider.handle({
    method: 'POST',
    url: `${provider.issuer}${path}`,
    path,
    query: new URLSearchParams(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(req.headers['x-forwarded-for'] ? { 'x-forwarded-for': req.headers['x-forwarded-for'] } : {}) },
    body: form.toString(),
    remoteAddress: req.remoteAddress,
  });
}

/** Whether a response is the provider's login-and-consent page. */
export function isLoginPage(res: ProviderResponse): boolean {
  return res.status === 200 && (res.headers['content-type'] ?? '').startsWith('text/html') && res.body.includes('id="login"') && controlsNamed(res.body, 'txn').length > 0;
}
