/**
 * `connect`: the authorization code flow through a user agent (RFC 6749 §4.1). The same
 * flow serves the in-process mock and real servers: only the user agent differs.
 */
import { ClientError } from '../../client/client-error.js';
import type { ClientDriver } from '../../drivers/driver.js';
import type { User } from '../../../mocks/provider/switches.js';
import type { Step } from '../../scenario/schema.js';
import { formUserAgent } from '../../user-agent/form-user-agent.js';
import type { ConsentChoice, UserAgentResult } from '../../user-agent/scenario-user-agent.js';
import type { ScenarioEnv, StepOutcome } from '../scenario-env.js';

/** Signs a user in through `authorize` and hands the callback to the client. */
export type AuthorizeFn = (url: string, redirectUri: string, choice: ConsentChoice) => Promise<UserAgentResult>;

export async function connectWith(client: ClientDriver, user: User, step: NonNullable<Step['connect']>, authorize: AuthorizeFn): Promise<StepOutcome> {
  const url = await client.beginConnect(step.user);
  const ua = await authorize(url, client.config.redirectUri, {
    username: user.username,
    password: step.wrongPassword ? `${user.password}-wrong` : user.password,
    deny: step.consent.deny,
    untick: step.consent.untick,
    from: step.from,
  });
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
    await client.completeConnect(callback);
  } catch (e) {
    throw Object.assign(e as Error, { outcome: { redirect: 'issued' } });
  }
  return { redirect: 'issued' };
}

export function connect(env: ScenarioEnv, step: NonNullable<Step['connect']>): Promise<StepOutcome> {
  return connectWith(env.client, env.users.get(step.user)!, step, (url, redirectUri, choice) => formUserAgent().authorize(url, redirectUri, choice, env.fetch));
}
