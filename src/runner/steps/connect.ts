/**
 * `connect`: the authorization code flow through the harness's user agent (RFC 6749 §4.1).
 */
import { ClientError } from '../../client/client-error.js';
import type { Step } from '../../scenario/schema.js';
import { authorizeInBrowser } from '../../user-agent/in-process-user-agent.js';
import type { ScenarioEnv, StepOutcome } from '../scenario-env.js';

export async function connect(env: ScenarioEnv, step: NonNullable<Step['connect']>): Promise<StepOutcome> {
  const user = env.users.get(step.user)!;
  const url = await env.client.beginConnect(step.user);
  const ua = await authorizeInBrowser(url, env.client.config.redirectUri, {
    username: user.username,
    password: step.wrongPassword ? `${user.password}-wrong` : user.password,
    deny: step.consent.deny,
    untick: step.consent.untick,
    from: step.from,
  }, env.fetch);
  if (ua.kind === 'login-failed') throw Object.assign(new ClientError('login_failed', `the user could not sign in: ${ua.detail}`), { outcome: { redirect: 'none' } });
  if (ua.kind === 'no-redirect') {
    const detail = `${ua.title}: ${ua.detail}`.trim();
    throw Object.assign(new ClientError('redirect_rejected', `the provider did not redirect back to the client (HTTP ${ua.status}, ${detail})`, ua.status), { outcome: { redirect: 'none', userAgentDetail: detail } });
  }
  let callback = ua.url;
  if (step.tamper === 'state') {
    const u = new URL(callback);
    u.searchParams.set('state', 'forged-by-an-attacker');
    callback = u.toString();
  }
  try {
    await env.client.completeConnect(callback);
  } catch (e) {
    throw Object.assign(e as Error, { outcome: { redirect: 'issued' } });
  }
  return { redirect: 'issued' };
}
