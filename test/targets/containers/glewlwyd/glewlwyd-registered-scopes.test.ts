/**
 * Which scopes Glewlwyd's client is registered with, without Docker: the mock's client
 * registration (`im.client.scopes`), not every scope the server knows (`im.scopes`, which
 * adds those the scenario asks for), so `scopes-beyond-registration-rejected`'s `admin`
 * exists at Glewlwyd but is outside the registration. The admin API calls are recorded
 * from a stubbed fetch; test/targets/containers/glewlwyd/glewlwyd-container.test.ts shows
 * what the real server does with such a scope.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientScopes, provisionGlewlwyd } from '../../../../src/targets/containers/glewlwyd/glewlwyd-admin.js';
import { defaultGlewlwydSettings } from '../../../../src/targets/containers/glewlwyd/glewlwyd-config.js';
import { imitationOf, scenarioChanges } from '../../../../src/targets/imitation.js';
import { glewlwydClients } from '../../../../src/targets/servers/glewlwyd.js';
import { skipReason } from '../../../../src/targets/coverage.js';
import { parseScenarioText } from '../../../../src/scenario/load.js';
import { scenarioById } from '../../catalog-fixtures.js';

const REGISTERED = ['read', 'write', 'openid', 'profile', 'email']; // rfc-strict's client (mocks/profiles/rfc-strict.yaml)

describe('glewlwydClients: the scopes of the registration', () => {
  const im = imitationOf('rfc-strict', 1, {}, scenarioChanges(scenarioById('scopes-beyond-registration-rejected')));

  it('registers the profile’s client with its registered scopes only, though the server knows the one asked for beyond them', () => {
    expect(im.scopes).toContain('admin');
    const { client, literal } = glewlwydClients(im);
    expect(client.scopes).toEqual(REGISTERED);
    expect(literal!.scopes).toEqual(REGISTERED);
  });

  it('registers a scenario’s own scopes for the client (provider.clients[].scopes) as the mock does', () => {
    const changed = imitationOf('rfc-strict', 1, {}, { clients: [{ scopes: ['read', 'admin'] }], scopes: ['read', 'admin'] });
    expect(glewlwydClients(changed).client.scopes).toEqual(['read', 'admin']);
  });

  it('lets a scenario that changes the client’s scopes run on Glewlwyd (definition.ts clientFields); a public client still does not', () => {
    const own = (clients: string) => ({
      ...parseScenarioText(`title: t\ndescription: d\nprovider: { profile: rfc-strict, clients: [${clients}] }\nsteps:\n  - clientCredentials: { scopes: [read] }\n`, 'own.yaml'),
      id: 'own',
      file: 'own.yaml',
    });
    expect(skipReason(own('{ scopes: [read, reports] }'), 'glewlwyd')).toBeUndefined();
    expect(skipReason(own('{ public: true }'), 'glewlwyd')).toBe('cannot imitate provider.clients[].public');
  });
});

describe('clientScopes', () => {
  const settings = { ...defaultGlewlwydSettings(), extraScopes: ['read', 'write', 'admin'] };

  it('is the client’s list plus the container’s own scope (verify’s client credentials), else every scope', () => {
    expect(clientScopes({ ...settings.client, scopes: ['read', 'openid'] }, settings)).toEqual(['read', 'openid', 'harness']);
    expect(clientScopes(settings.client, settings)).toEqual(['openid', 'harness', 'read', 'write', 'admin']);
  });
});

describe('provisionGlewlwyd', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creates every scope, gives the users all of them and registers the client with its own', async () => {
    const calls: Array<{ method: string; path: string; body: Record<string, unknown> }> = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      const path = new URL(url).pathname.replace(/^\/api/, '');
      const method = init.method ?? 'GET';
      if (path === '/auth/') return new Response('{}', { status: 200, headers: { 'set-cookie': 'GLEWLWYD2_ADMIN_SESSION_ID=x; Path=/' } });
      if (method === 'GET') return new Response('', { status: 404 });
      calls.push({ method, path, body: JSON.parse(String(init.body)) as Record<string, unknown> });
      return new Response('', { status: 200 });
    });
    const settings = defaultGlewlwydSettings();
    settings.extraScopes.push('read', 'write', 'profile', 'email', 'offline_access', 'admin');
    settings.client.scopes = [...REGISTERED];
    await provisionGlewlwyd('http://127.0.0.1:1', settings);
    expect(calls.filter((c) => c.path === '/scope/').map((c) => c.body.name)).toEqual(['harness', 'read', 'write', 'profile', 'email', 'offline_access', 'admin']);
    const plugin = calls.find((c) => c.path === '/mod/plugin/')!.body.parameters as Record<string, unknown>;
    expect(plugin['allowed-scope']).toContain('admin');
    expect(calls.find((c) => c.path === '/client/')!.body.scope).toEqual([...REGISTERED, 'harness']);
    expect(calls.find((c) => c.path === '/user/')!.body.scope).toEqual(['openid', 'harness', 'read', 'write', 'profile', 'email', 'offline_access', 'admin', 'g_profile']);
  });
});
