/**
 * A server's own way with client ids (definition.ts `imitation.clientId`, src/targets/client-id.ts):
 * Glewlwyd registers the profile's `harness-client` as `harnessclient`, the reference client
 * uses that id there, and `targets` and the parity report say so; an id a scenario names
 * itself is registered as named. Without Docker; test/targets/glewlwyd-target.test.ts runs it.
 */
import { describe, expect, it } from 'vitest';
import { targetsText } from '../../src/cli/commands/targets.js';
import { clientIdNote, ownClientId, registeredClientId } from '../../src/targets/client-id.js';
import { glewlwydServer } from '../../src/targets/containers/glewlwyd/definition.js';
import { skipReason } from '../../src/targets/coverage.js';
import { imitationOf, scenarioChanges } from '../../src/targets/imitation.js';
import { parityMarkdown } from '../../src/targets/parity/markdown.js';
import type { ParityReport } from '../../src/targets/parity/report.js';
import { targetClientConfig } from '../../src/targets/run-scenario-on-target.js';
import { glewlwydClients } from '../../src/targets/servers/glewlwyd.js';
import { SERVERS } from '../../src/targets/servers/registry.js';
import type { StartedTarget } from '../../src/targets/started-target.js';
import { catalogScenarios, scenarioById } from './catalog-fixtures.js';

const way = glewlwydServer.imitation.clientId;

describe('ownClientId', () => {
  it('keeps letters and digits only, what form-encoding leaves unchanged, under a server’s own way', () => {
    expect(ownClientId(way, 'harness-client')).toBe('harnessclient');
    expect(ownClientId(way, 'a.b_c~d e+1')).toBe('abcde1');
    expect(ownClientId(way, '1234567890123456')).toBe('1234567890123456');
    expect(ownClientId(way, '--')).toBe('--'); // nothing left: the id as it is
    expect(ownClientId(undefined, 'harness-client')).toBe('harness-client');
  });

  it('keeps an id the scenario named itself', () => {
    expect(registeredClientId(way, { id: 'harness-client', named: false })).toBe('harnessclient');
    expect(registeredClientId(way, { id: 'harness-client', named: true })).toBe('harness-client');
  });
});

describe('the client Glewlwyd is provisioned with', () => {
  it('is the profile’s under Glewlwyd’s own id, with the profile’s id as it is for verify’s special-characters row', () => {
    const im = imitationOf('rfc-strict', 1);
    expect(im.clientIdNamed).toBe(false);
    const { client, literal } = glewlwydClients(im);
    expect(client).toEqual({ clientId: 'harnessclient', clientSecret: im.client.secret, redirectUris: im.client.redirectUris, scopes: im.client.scopes });
    expect(literal).toEqual({ ...client, clientId: 'harness-client' });
  });

  it('is the id a scenario names (provider.clients[].client_id), and only one client; a secret change alone keeps Glewlwyd’s id', () => {
    const named = imitationOf('rfc-strict', 1, {}, scenarioChanges(scenarioById('basic-special-characters-encoded')));
    expect(named.clientIdNamed).toBe(true);
    expect(glewlwydClients(named)).toEqual({ client: { clientId: 'harness-client', clientSecret: 'a+b/c:d=e%f g', redirectUris: named.client.redirectUris, scopes: named.client.scopes } });
    const secretOnly = imitationOf('rfc-strict', 1, {}, { clients: [{ client_secret: 's3cret' }] });
    expect(glewlwydClients(secretOnly).client).toMatchObject({ clientId: 'harnessclient', clientSecret: 's3cret' });
  });

  it('keeps harness-client, of the catalog’s Glewlwyd scenarios, for exactly those that name it', () => {
    const onGlewlwyd = catalogScenarios().filter((s) => skipReason(s, 'glewlwyd') === undefined);
    const literal = onGlewlwyd.filter((s) => glewlwydClients(imitationOf(s.provider.profile, 1, {}, scenarioChanges(s))).client.clientId === 'harness-client').map((s) => s.id);
    expect(literal.sort()).toEqual(['basic-special-characters-encoded', 'diagnosis-basic-credentials-not-form-encoded', 'diagnosis-basic-credentials-not-form-encoded-control']);
  });

  it('is the id the reference client uses there, unless the scenario sets its own on purpose', () => {
    const target = {
      issuer: 'http://127.0.0.1:1/api/oidc',
      metadata: { token_endpoint: 'http://127.0.0.1:1/api/oidc/token' },
      client: { id: 'harnessclient', secret: 'x', redirectUri: 'https://client.example.test/callback', redirectUris: [], scopes: [] },
      now: () => 0,
    } as unknown as StartedTarget;
    expect(targetClientConfig(scenarioById('rfc7009-revoked-and-unknown-tokens'), target, fetch).clientId).toBe('harnessclient');
    expect(targetClientConfig(scenarioById('wrong-client-id-at-login'), target, fetch).clientId).toBe('harness-clinet');
  });
});

describe('what the harness says of it', () => {
  const note = clientIdNote(glewlwydServer)!;

  it('names the ids and why, for Glewlwyd only', () => {
    expect(note).toMatch(/^client id: the profile's harness-client is registered as harnessclient \(letters and digits only; .*\): Glewlwyd compares Basic credentials without form-decoding them \(RFC 6749 §2\.3\.1\)/);
    expect(SERVERS.filter((s) => clientIdNote(s) !== undefined).map((s) => s.name)).toEqual(['glewlwyd']);
  });

  it('is printed by `oauth-harness targets` under Glewlwyd', () => {
    const text = targetsText();
    const at = text.indexOf('container:glewlwyd ');
    expect(text.indexOf(note)).toBeGreaterThan(at);
    expect(text.indexOf(note)).toBeLessThan(text.indexOf('container:lemonldap-ng '));
  });

  it('is said in parity.md when the report carries it', () => {
    const report: ParityReport = { generatedAt: 'now', target: 'container:glewlwyd', seed: 1, fields: ['status'], clientId: note, summary: { scenarios: 0, compared: 0, same: 0, different: 0, skipped: 0, differences: 0 }, scenarios: [] };
    expect(parityMarkdown(report)).toContain(`\nOn container:glewlwyd, ${note}.\n`);
    expect(parityMarkdown({ ...report, clientId: undefined })).not.toContain('client id:');
  });
});
