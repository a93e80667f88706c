/**
 * The compatibility matrix of real clients, cell by cell. A change in the harness (or in
 * a library) that flips a cell fails here: update the table only when the new cell is
 * true to the library, and say why in the commit.
 *
 * The Python clients need Debian's python3-requests-oauthlib and python3-authlib; the
 * external clients of a scenario that moves the clock need libfaketime (the reference
 * client runs in-process, on the scenario's clock). Outside CI, the cells whose package is
 * missing are left out, with one line per missing package, and the rest run; under CI
 * (.ci/run installs them) a missing package fails the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MATRIX_CLIENTS, matrixScenarios, runMatrix, type MatrixCell } from '../../src/runner/matrix.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { needs } from '../support/system-requirements.js';

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

/** This process's children ("pid command"), read from /proc (no `ps` needed). */
const children = () =>
  readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8'); // pid (comm) state ppid …
        const end = stat.lastIndexOf(')');
        const ppid = Number(stat.slice(end + 2).split(' ')[1]);
        return ppid === process.pid ? [`${pid} ${stat.slice(stat.indexOf('(') + 1, end)}`] : [];
      } catch {
        return []; // it ended while being read
      }
    });

const PYTHON_CLIENTS = ['requests-oauthlib', 'authlib'];
const machine = needs('compatibility matrix', ['python-oauth-clients', 'libfaketime'], {
  skipping: { 'python-oauth-clients': 'requests-oauthlib and authlib cells', libfaketime: 'external clients × scenarios that move the clock' },
});
const scenarios = matrixScenarios();
const movesClock = (s: Scenario) => s.steps.some((step) => step.advanceClock !== undefined);
/** Whether a cell can run on this machine; every cell can when its packages are installed. */
const runnable = (client: string, s: Scenario) =>
  (machine.has('python-oauth-clients') || !PYTHON_CLIENTS.includes(client)) && (machine.has('libfaketime') || client === 'reference' || !movesClock(s));
const runnableClients = (s: Scenario) => MATRIX_CLIENTS.map((c) => c.id).filter((client) => runnable(client, s));

let cells: MatrixCell[];
let before: string[];
beforeAll(async () => {
  before = children();
  // one run per set of runnable clients: a single run of every cell when nothing is missing
  const groups = new Map<string, string[]>();
  for (const s of scenarios) {
    const key = runnableClients(s).join(' ');
    groups.set(key, [...(groups.get(key) ?? []), s.id]);
  }
  cells = [];
  for (const [clients, ids] of groups) cells.push(...(await runMatrix({ concurrency: 3, clients: clients.split(' '), scenarios: ids })).cells);
}, 600_000); // a hang guard, not a speed target: about 240 client processes, slow on a loaded machine

describe('compatibility matrix of real clients', () => {
  it('covers every scenario of scenarios/clients and every client', () => {
    expect(scenarios.map((s) => s.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(MATRIX_CLIENTS.map((c) => c.id)).toEqual(['reference', 'requests-oauthlib', 'authlib', 'openid-client', 'simple-oauth2', 'oauth4webapi']);
    expect(cells).toHaveLength(scenarios.reduce((n, s) => n + runnableClients(s).length, 0));
  });
  for (const [scenario, expected] of Object.entries(EXPECTED)) {
    const s = scenarios.find((x) => x.id === scenario);
    const row = Object.fromEntries(Object.entries(expected).filter(([client]) => !s || runnable(client, s)));
    const left = Object.keys(expected).filter((client) => !(client in row));
    it(left.length ? `${scenario} (without ${left.join(', ')})` : scenario, () => {
      const actual = Object.fromEntries(Object.keys(row).map((client) => {
        const c = cells.find((x) => x.client === client && x.scenario === scenario);
        return [client, !c ? 'missing' : c.verdict === 'passed' ? '✓' : c.reason];
      }));
      expect(actual).toEqual(row);
    });
  }
  it('leaves no client process behind', () => {
    expect(children().filter((p) => !before.includes(p))).toEqual([]);
  });
});
