/**
 * Which catalog scenarios a target can run, and why not the others.
 *
 * A scenario runs on a target when:
 * 1. its `provider.profile` is one of the target's `profileLike` (the built-in profiles
 *    whose behaviour the target has, as started);
 * 2. every switch its profile sets and every switch or client field it changes
 *    (`provider.switches`, `provider.clients`) is one the target can be set to: the mock
 *    takes any; a real server those its definition lists (`switch-fit.ts`); a server
 *    the user runs, none;
 * 3. the client is the reference client (`client.driver: reference`);
 * 4. every step is something the target can do: `advanceClock` needs a clock the harness
 *    controls and `revokeGrantAtProvider` a way to revoke a user's grants (the mock's admin
 *    hook, a real server's account page: `capabilities.revokeGrants`); `callApi` needs the
 *    resource (real servers serve `userinfo`, not the mock's business API); a denied or
 *    partial consent needs a user agent that can refuse or untick; a `connect` needs the
 *    scopes the server requires in every authorization request (`capabilities.requiredScopes`);
 * 5. the users it signs in exist at the target.
 *
 * Anything else is skipped with the first reason that applies.
 */
import type { Scenario } from '../scenario/schema.js';
import type { StartedTarget } from './started-target.js';
import { switchFit } from './switch-fit.js';

/** The part of a started target the rule reads (so the rule is testable without one). */
export type TargetTraits = Pick<StartedTarget, 'label' | 'profileLike' | 'capabilities' | 'users' | 'advanceClock' | 'revokeGrants' | 'imitation'>;

export type Applicability = { ok: true } | { ok: false; reason: string };

/** Whether `target` can run `scenario`, and if not, why. */
export function applicability(scenario: Scenario, target: TargetTraits): Applicability {
  const no = (reason: string): Applicability => ({ ok: false, reason: `${target.label}: ${reason}` });
  const profile = scenario.provider.profile;
  const caps = target.capabilities;
  if (!caps.providerChanges && target.imitation) {
    const fit = switchFit(target.imitation, profile, scenario.provider.switches, scenario.provider.clients);
    if (!fit.ok) return no(fit.reason);
  }
  if (!target.profileLike.includes(profile)) return no(`imitates ${target.profileLike.join(', ') || 'no built-in profile'}, not ${profile}`);
  if (!caps.providerChanges && !target.imitation) {
    const switches = Object.keys(scenario.provider.switches);
    if (switches.length) return no(`cannot change provider switches (${switches.join(', ')})`);
    if (scenario.provider.clients.length) return no('cannot change the client registration (provider.clients)');
  }
  if (scenario.client.driver !== 'reference') return no(`runs the reference client only, not client.driver ${scenario.client.driver}`);
  for (const [i, step] of scenario.steps.entries()) {
    const at = `steps[${i}]`;
    if (step.advanceClock !== undefined && !target.advanceClock) return no(`${at}: cannot move a real server's clock (advanceClock)`);
    if (step.revokeGrantAtProvider && !target.revokeGrants && !caps.revokeGrants) return no(`${at}: has no admin hook to revoke grants (revokeGrantAtProvider)`);
    const api = step.callApi;
    if (api && !caps.resources.includes(api.resource)) return no(`${at}: serves no "${api.resource}" resource (callApi); it serves ${caps.resources.join(', ') || 'none'}`);
    if (api?.auth === 'basic' && !target.users.has(api.user)) return no(`${at}: has no user "${api.user}"`);
    const c = step.connect;
    if (c?.consent.deny && !caps.deny) return no(`${at}: its login cannot refuse consent (connect.consent.deny)`);
    if (c?.consent.untick.length && !caps.untick) return no(`${at}: its consent cannot untick single scopes (connect.consent.untick)`);
    if (c && !target.users.has(c.user)) return no(`${at}: has no user "${c.user}"`);
    const missing = c ? (caps.requiredScopes ?? []).filter((s) => !scenario.client.scopes.includes(s)) : [];
    if (missing.length) return no(`${at}: serves only authorization requests that ask for ${missing.join(' ')} (client.scopes: ${scenario.client.scopes.join(' ') || 'none'})`);
  }
  return { ok: true };
}
