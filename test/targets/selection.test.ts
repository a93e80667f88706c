/**
 * The selection rule (src/targets/selection.ts): each reason a scenario is kept away from
 * a target, shown failing one condition at a time, and the catalog split it gives.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema.js';
import { findScenarioFiles, loadScenarios } from '../../src/scenario/load.js';
import { plannedTraits } from '../../src/targets/run-on-target.js';
import { applicability } from '../../src/targets/selection.js';
import { parseTarget } from '../../src/targets/target.js';

const oidcProvider = plannedTraits(parseTarget('container:oidc-provider'), 'rfc-strict', 1)!;
const glewlwyd = plannedTraits(parseTarget('container:glewlwyd'), 'rfc-strict', 1)!;

function scenario(over: Record<string, unknown>): Scenario {
  const base = { title: 't', description: 'd', provider: { profile: 'rfc-strict' }, steps: [{ connect: {} }] };
  return { ...scenarioSchema.parse({ ...base, ...over }), id: 'synthetic', file: 'synthetic.yaml' };
}

const reason = (s: Scenario, t = oidcProvider) => {
  const a = applicability(s, t);
  return a.ok ? 'ok' : a.reason;
};

describe('applicability', () => {
  it('runs a plain connect on a container imitating the profile', () => {
    expect(reason(scenario({}))).toBe('ok');
  });

  it('needs the scopes a server requires in every authorization request (LemonLDAP::NG: openid)', () => {
    const lemonldap = plannedTraits(parseTarget('container:lemonldap-ng'), 'rfc-strict', 1)!;
    expect(reason(scenario({ client: { scopes: ['read'] } }), lemonldap)).toBe('container:lemonldap-ng: steps[0]: serves only authorization requests that ask for openid (client.scopes: read)');
    expect(reason(scenario({ client: { scopes: ['openid', 'read'] } }), lemonldap)).toBe('ok');
    expect(reason(scenario({ client: { scopes: ['read'] } }))).toBe('ok');
  });

  it('needs the profile among the target’s profileLike', () => {
    expect(reason(scenario({ provider: { profile: 'google-like' } }))).toBe('container:oidc-provider: imitates rfc-strict, not google-like');
    expect(reason(scenario({ provider: { profile: 'rotating-refresh' } }))).toBe('container:oidc-provider: imitates rfc-strict, not rotating-refresh');
  });

  it('names the switch and value of a profile no setting of the server gives', () => {
    const github = plannedTraits(parseTarget('container:oidc-provider'), 'github-like', 1)!;
    expect(reason(scenario({ provider: { profile: 'github-like' } }), github)).toBe('container:oidc-provider: cannot imitate scopes.delimiter: "," (profile github-like)');
  });

  it('takes the switch and client changes the server’s definition lists, and names the first it does not', () => {
    expect(reason(scenario({ provider: { profile: 'rfc-strict', switches: { pkce: { required: true } } } }))).toBe('ok');
    expect(reason(scenario({ provider: { profile: 'rfc-strict', switches: { refresh: { policy: 'never' }, lifetimes: { accessToken: 60 } } } }))).toBe('ok');
    expect(reason(scenario({ provider: { profile: 'rfc-strict', switches: { tokenResponse: { tokenType: 'omit' } } } }))).toBe(
      'container:oidc-provider: cannot imitate tokenResponse.tokenType: "omit" (provider.switches)',
    );
    // a switch a profile may leave to the server's own way must be imitable when the scenario sets it
    expect(reason(scenario({ provider: { profile: 'rfc-strict', switches: { authorize: { errorsAfterLogin: true } } } }))).toBe(
      'container:oidc-provider: cannot imitate authorize.errorsAfterLogin: true (provider.switches)',
    );
    expect(reason(scenario({ provider: { profile: 'rfc-strict', clients: [{ redirect_uris: ['https://x.test/cb'], client_secret: 'a+b' }] } }))).toBe('ok');
    expect(reason(scenario({ provider: { profile: 'rfc-strict', clients: [{ public: true }] } }))).toBe('container:oidc-provider: cannot imitate provider.clients[].public');
    expect(reason(scenario({ provider: { profile: 'rfc-strict', switches: { pkce: { required: true } } } }), glewlwyd)).toBe(
      'container:glewlwyd: cannot imitate pkce.required: true (provider.switches)',
    );
  });

  it('without a definition’s imitation, refuses every provider change', () => {
    const bare = { ...oidcProvider, imitation: undefined };
    expect(reason(scenario({ provider: { profile: 'rfc-strict', switches: { pkce: { required: true } } } }), bare)).toBe('container:oidc-provider: cannot change provider switches (pkce)');
    expect(reason(scenario({ provider: { profile: 'rfc-strict', clients: [{ redirect_uris: ['https://x.test/cb'] }] } }), bare)).toBe(
      'container:oidc-provider: cannot change the client registration (provider.clients)',
    );
  });

  it('runs the reference client only', () => {
    expect(reason(scenario({ client: { driver: 'command', command: { run: 'true' } } }))).toMatch(/runs the reference client only, not client.driver command/);
  });

  it('needs every step to be possible', () => {
    expect(reason(scenario({ steps: [{ connect: {} }, { advanceClock: '1h' }] }))).toBe("container:oidc-provider: steps[1]: cannot move a real server's clock (advanceClock)");
    expect(reason(scenario({ steps: [{ connect: {} }, { revokeGrantAtProvider: {} }] }))).toBe('ok');
    expect(reason(scenario({ steps: [{ connect: {} }, { revokeGrantAtProvider: {} }] }), glewlwyd)).toMatch(/steps\[1\]: has no admin hook/);
    expect(reason(scenario({ steps: [{ connect: {} }, { callApi: { resource: 'odata4' } }] }))).toBe('ok');
    expect(reason(scenario({ steps: [{ connect: {} }, { callApi: { resource: 'odata4' } }] }), glewlwyd)).toBe('container:glewlwyd: steps[1]: serves no "odata4" resource (callApi); it serves userinfo');
    expect(reason(scenario({ steps: [{ connect: {} }, { callApi: { resource: 'userinfo' } }] }))).toBe('ok');
    expect(reason(scenario({ steps: [{ connect: { consent: { untick: ['write'] } } }] }))).toMatch(/cannot untick single scopes/);
    expect(reason(scenario({ steps: [{ connect: { user: 'mallory' } }] }))).toBe('container:oidc-provider: steps[0]: has no user "mallory"');
  });

  it('lets oidc-provider refuse consent (its Cancel form) but not Glewlwyd', () => {
    const deny = scenario({ steps: [{ connect: { consent: { deny: true } } }] });
    expect(reason(deny)).toBe('ok');
    expect(reason(deny, glewlwyd)).toBe('container:glewlwyd: steps[0]: its login cannot refuse consent (connect.consent.deny)');
  });
});

describe('the catalog on container:oidc-provider', () => {
  const root = packageRoot();
  const catalog = loadScenarios(findScenarioFiles([join(root, 'scenarios')]), root);
  const traitsFor = (profile: string) => plannedTraits(parseTarget('container:oidc-provider'), profile, 1)!;
  const runnable = catalog.filter((s) => applicability(s, traitsFor(s.provider.profile)).ok);

  it('selects scenarios of every profile it imitates, with the switch changes it can make', () => {
    expect(new Set(runnable.map((s) => s.provider.profile))).toEqual(new Set(['rfc-strict', 'rotating-refresh', 'docusign-like', 'google-like', 'billing-like', 'identity-service-like']));
    expect(runnable.some((s) => Object.keys(s.provider.switches).length > 0)).toBe(true);
    for (const s of runnable) expect(s.steps.some((st) => st.advanceClock !== undefined), s.id).toBe(false);
  });
});
