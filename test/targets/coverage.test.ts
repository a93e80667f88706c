/**
 * How much of the catalog runs on the real servers (src/targets/coverage.ts), computed from
 * the registry's definitions and the catalog, and what `oauth-harness targets` prints of it;
 * and the switch-matching rule behind it (src/targets/switch-fit.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';
import { coverageText, targetsText } from '../../src/cli/commands/targets.js';
import { findScenarioFiles, loadScenarios } from '../../src/scenario/load.js';
import { catalogCoverage, skipReason } from '../../src/targets/coverage.js';
import type { SwitchImitation } from '../../src/targets/servers/imitation-data.js';
import { SERVERS } from '../../src/targets/servers/registry.js';
import { allows, switchFit, switchLeaves } from '../../src/targets/switch-fit.js';

const root = packageRoot();
const catalog = loadScenarios(findScenarioFiles([join(root, 'scenarios')]), root);

describe('switchFit', () => {
  const imitation: SwitchImitation = {
    switches: {
      'refresh.rotation': { oneOf: ['keep', 'rotate'], setting: 'rotateRefreshToken' },
      'lifetimes.accessToken': { any: true, except: [null], setting: 'ttl.AccessToken' },
      'clientAuth.methods': { subsetOf: ['client_secret_basic'], setting: 'token_endpoint_auth_method' },
    },
    ownWay: { 'authorize.errorsAfterLogin': 'before the login', 'scopes.delimiter': { subsetOf: [' '], why: 'spaces' } },
    clientFields: ['client_secret'],
  };

  it('reads switches as group.name leaves and matches values as data', () => {
    expect(switchLeaves({ refresh: { rotation: 'rotate', gracePeriod: 0 } })).toEqual([['refresh.rotation', 'rotate'], ['refresh.gracePeriod', 0]]);
    expect(allows({ oneOf: [['POST']], setting: '' }, ['POST'])).toBe(true);
    expect(allows({ oneOf: [['POST']], setting: '' }, ['GET'])).toBe(false);
    expect(allows({ subsetOf: ['a', 'b'], setting: '' }, ['b'])).toBe(true);
    expect(allows({ subsetOf: ['a', 'b'], setting: '' }, ['b', 'c'])).toBe(false);
    expect(allows({ subsetOf: ['a'], setting: '' }, [])).toBe(false);
    expect(allows({ any: true, except: [null], setting: '' }, 60)).toBe(true);
    expect(allows({ any: true, except: [null], setting: '' }, null)).toBe(false);
  });

  it('names the first switch and value the server cannot take, and who set it', () => {
    const rotating = { ...imitation, switches: { ...imitation.switches, 'refresh.policy': { oneOf: ['always'], setting: '' }, 'refresh.reuseDetection': { oneOf: ['revoke-grant'], setting: '' }, 'refresh.gracePeriod': { oneOf: [0], setting: '' }, 'lifetimes.refreshToken': { any: true, setting: '' }, 'api.readScope': { any: true, setting: '' }, 'api.writeScope': { any: true, setting: '' } } } as SwitchImitation;
    expect(switchFit(rotating, 'rotating-refresh')).toEqual({ ok: true });
    expect(switchFit(rotating, 'rotating-refresh', { refresh: { rotation: 'rotate-keep-old' } })).toEqual({ ok: false, reason: 'cannot imitate refresh.rotation: "rotate-keep-old" (provider.switches)' });
    expect(switchFit(rotating, 'rotating-refresh', { lifetimes: { accessToken: null } })).toEqual({ ok: false, reason: 'cannot imitate lifetimes.accessToken: null (provider.switches)' });
    expect(switchFit(rotating, 'rotating-refresh', {}, [{ client_secret: 'x' }])).toEqual({ ok: true });
    expect(switchFit(rotating, 'rotating-refresh', {}, [{ public: true }])).toEqual({ ok: false, reason: 'cannot imitate provider.clients[].public' });
    expect(switchFit(imitation, 'rotating-refresh')).toEqual({ ok: false, reason: 'cannot imitate refresh.policy: "always" (profile rotating-refresh)' });
  });

  it('lets a profile’s switch go the server’s own way, but not a scenario’s, and within `subsetOf` only', () => {
    const all = { ...imitation, switches: Object.fromEntries(['refresh.policy', 'refresh.rotation', 'refresh.reuseDetection', 'refresh.gracePeriod', 'lifetimes.accessToken', 'lifetimes.refreshToken', 'lifetimes.code', 'api.readScope', 'api.writeScope', 'clientAuth.rejectMultiple', 'clientAuth.basicEncoding', 'clientAuth.methods', 'redirectUri.matching', 'scopes.onUnregistered', 'scopes.userCanDeny', 'scopes.defaultScopes', 'tokenResponse.scope'].map((p) => [p, { any: true, setting: '' }])) } as SwitchImitation;
    expect(switchFit(all, 'rfc-strict')).toEqual({ ok: true }); // rfc-strict sets authorize.errorsAfterLogin: true
    expect(switchFit(all, 'rfc-strict', { authorize: { errorsAfterLogin: true } })).toEqual({ ok: false, reason: 'cannot imitate authorize.errorsAfterLogin: true (provider.switches)' });
    const noDelimiter = { ...all, switches: { ...all.switches, 'scopes.delimiter': undefined } } as unknown as SwitchImitation;
    expect(switchFit(noDelimiter, 'github-like').ok).toBe(false);
    expect(switchFit(noDelimiter, 'github-like')).toMatchObject({ reason: expect.stringContaining('scopes.delimiter: ","') });
  });
});

describe('the built-in catalog on the registered real servers', () => {
  const coverage = catalogCoverage(catalog);

  it('runs at least 60 % of the catalog on at least one real server', () => {
    expect(coverage.total).toBe(catalog.length);
    expect(coverage.runsSomewhere / coverage.total).toBeGreaterThanOrEqual(0.6);
    expect(coverage.runsSomewhere).toBe(catalog.filter((s) => SERVERS.some((srv) => skipReason(s, srv.name) === undefined)).length);
  });

  it('every profile a server lists fits its switch data, so no skip says only "imitates …, not …"', () => {
    for (const server of SERVERS) for (const profile of server.imitates) expect(switchFit(server.imitation, profile), `${server.name} ${profile}`).toEqual({ ok: true });
    for (const reason of coverage.nowhere.keys()) expect(reason).not.toMatch(/imitates .*, not /);
  });

  it('names, for each scenario no server runs, the switch and value (or the step) no server here can imitate', () => {
    for (const [reason] of coverage.nowhere) {
      for (const part of reason.split('; ')) expect(part).toMatch(/cannot imitate [a-zA-Z]+\.[a-zA-Z]+(: .+ \((profile [a-z-]+|provider\.switches)\)|\[\]\.\w+)|cannot imitate provider\.clients|steps\[\d+\]|cannot move|has no admin hook|serves no|serves only authorization requests that ask for|cannot untick|cannot refuse|runs the reference client only|has no user/);
    }
  });

  it('is what `oauth-harness targets` prints: per server, together, and the reasons', () => {
    const text = targetsText(coverage);
    for (const s of coverage.servers) expect(text).toContain(`container:${s.server} runs ${s.runs} of ${coverage.total} scenarios`);
    expect(text).toContain(`at least one real server runs ${coverage.runsSomewhere} of ${coverage.total} scenarios`);
    expect(coverageText(coverage).length).toBe(coverage.servers.length + 2 + coverage.nowhere.size + (coverage.nowhere.size ? 1 : 0));
  });
});
