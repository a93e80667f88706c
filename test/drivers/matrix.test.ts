/**
 * The compatibility matrix of real clients, cell by cell. A change in the harness (or in
 * a library) that flips a cell fails here: update the table only when the new cell is
 * true to the library, and say why in the commit.
 *
 * Needs Debian's python3-requests-oauthlib, python3-authlib and libfaketime (.ci/run
 * installs them).
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { matrixPrerequisites, runMatrix, type Matrix } from '../../src/drivers/matrix.js';

/** scenario → client → '✓' or the failure reason. */
const EXPECTED: Record<string, Record<string, string>> = {
  'client-rfc-strict-connect-api': { reference: '✓', 'requests-oauthlib': '✓', authlib: '✓', 'openid-client': '✓', 'simple-oauth2': '✓', oauth4webapi: '✓' },
  'client-docusign-basic-only': { reference: '✓', 'requests-oauthlib': '✓', authlib: '✓', 'openid-client': '✓', 'simple-oauth2': '✓', oauth4webapi: '✓' },
  'client-google-body-offline': { reference: '✓', 'requests-oauthlib': '✓', authlib: '✓', 'openid-client': '✓', 'simple-oauth2': 'refresh-token-kept', oauth4webapi: '✓' },
  'client-facebook-get-token': { reference: '✓', 'requests-oauthlib': '✓', authlib: 'credentials-placement', 'openid-client': 'token-request-method', 'simple-oauth2': 'token-request-method', oauth4webapi: 'token-request-method' },
  'client-github-never-expiring': { reference: '✓', 'requests-oauthlib': '✓', authlib: '✓', 'openid-client': '✓', 'simple-oauth2': '✓', oauth4webapi: '✓' },
  'client-github-error-http-200': { reference: '✓', 'requests-oauthlib': '✓', authlib: '✓', 'openid-client': '✓', 'simple-oauth2': 'bearer-token-issued', oauth4webapi: '✓' },
  'client-rotating-refresh': { reference: '✓', 'requests-oauthlib': '✓', authlib: '✓', 'openid-client': '✓', 'simple-oauth2': '✓', oauth4webapi: '✓' },
  'client-identity-service-client-credentials': { reference: '✓', 'requests-oauthlib': '✓', authlib: '✓', 'openid-client': '✓', 'simple-oauth2': '✓', oauth4webapi: '✓' },
  'client-expiry-refresh-and-retry': { reference: '✓', 'requests-oauthlib': '✓', authlib: '✓', 'openid-client': 'refreshed', 'simple-oauth2': '✓', oauth4webapi: 'refreshed' },
  'client-revoke-on-disconnect': { reference: '✓', 'requests-oauthlib': 'revoked-on-disconnect', authlib: '✓', 'openid-client': '✓', 'simple-oauth2': 'revoked-on-disconnect', oauth4webapi: '✓' },
  'client-refresh-invalid-grant': { reference: '✓', 'requests-oauthlib': '✓', authlib: '✓', 'openid-client': '✓', 'simple-oauth2': '✓', oauth4webapi: '✓' },
  'client-state-tampered': { reference: '✓', 'requests-oauthlib': '✓', authlib: '✓', 'openid-client': '✓', 'simple-oauth2': 'state-checked', oauth4webapi: '✓' },
  'client-partial-consent': { reference: '✓', 'requests-oauthlib': 'connect: client_failed', authlib: '✓', 'openid-client': '✓', 'simple-oauth2': '✓', oauth4webapi: '✓' },
};

/** This process's children, other than the `ps` that lists them. */
const children = () =>
  execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/\sps$/.test(l));

let matrix: Matrix;
let before: string[];
beforeAll(async () => {
  const missing = matrixPrerequisites();
  if (missing.length) throw new Error(`the compatibility matrix needs: ${missing.join('; ')}`);
  before = children();
  matrix = await runMatrix({ concurrency: 3 });
}, 120_000);

describe('compatibility matrix of real clients', () => {
  it('covers every scenario of scenarios/clients and every client', () => {
    expect(matrix.scenarios.map((s) => s.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(matrix.clients.map((c) => c.id)).toEqual(['reference', 'requests-oauthlib', 'authlib', 'openid-client', 'simple-oauth2', 'oauth4webapi']);
  });
  for (const [scenario, row] of Object.entries(EXPECTED)) {
    it(scenario, () => {
      const actual = Object.fromEntries(Object.keys(row).map((client) => {
        const c = matrix.cells.find((x) => x.client === client && x.scenario === scenario);
        return [client, !c ? 'missing' : c.verdict === 'passed' ? '✓' : c.reason];
      }));
      expect(actual).toEqual(row);
    });
  }
  it('leaves no client process behind', () => {
    expect(children().filter((p) => !before.includes(p))).toEqual([]);
  });
});
