import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerify, type VerifyProgress } from '../../src/verify/run-verify.js';
import { type BrokenAs, startBrokenAs } from './broken-as.js';

describe('runVerify', () => {
  let as: BrokenAs;
  beforeAll(async () => {
    as = await startBrokenAs();
  });
  afterAll(async () => {
    await as.close();
  });

  it('discovers, reports progress per check and returns a verify RunResult', async () => {
    as.setQuirks(['no-cache-control']);
    const events: VerifyProgress[] = [];
    const r = await runVerify(as.verifyOptions({ only: ['AS-TR-NO-STORE', 'AS-MD-SCOPES', 'AS-DCR-REQUEST'], onProgress: (e) => events.push(e) }));
    expect(events.map((e) => e.type)).toEqual(['discovered', 'check-start', 'check-end', 'check-start', 'check-end', 'check-start', 'check-end']);
    expect(r).toMatchObject({ schemaVersion: 2, tool: 'oauth-harness', command: 'verify', summary: { total: 3, passed: 2, failed: 1 } });
    const c = r.cases.find((x) => x.id === 'AS-TR-NO-STORE')!;
    expect(c).toMatchObject({ kind: 'check', verdict: 'failed', severity: 'fail', specRef: 'RFC 6749 §5.1', target: as.issuer });
    expect(c.steps[0]!.expectations[0]).toMatchObject({ passed: false, expected: 'no-store' });
    expect(c.exchanges.length).toBeGreaterThan(0);
    expect(r.cases.find((x) => x.id === 'AS-MD-SCOPES')!.severity).toBe('warning');
  });

  it('skips with the reason when a fixture is not configured', async () => {
    as.setQuirks([]);
    const opts = as.verifyOptions({ only: ['AS-TOK-UNAUTHORIZED-CLIENT', 'AS-AZ-CODE-RESPONSE'] });
    const r = await runVerify({ ...opts, fixtures: { ...opts.fixtures, noClientCredentialsClient: undefined }, login: undefined });
    expect(r.cases.map((c) => [c.verdict, c.message])).toEqual([
      ['skipped', 'fixture F8 (client not allowed client_credentials) is not configured (fixtures.noClientCredentialsClient)'],
      ['skipped', 'no login driver configured (login)'],
    ]);
  });

  it('applies expected failures passed in the options', async () => {
    as.setQuirks(['no-pragma']);
    const r = await runVerify(as.verifyOptions({ only: ['AS-TR-PRAGMA'], expectedFailures: [{ id: 'AS-TR-PRAGMA', reason: 'OAuth 2.1' }] }));
    expect(r.cases[0]!.verdict).toBe('expected-failure');
    expect(r.summary.expectedFailures).toBe(1);
  });

  it('rejects bad input with VerifyError codes', async () => {
    await expect(runVerify({ issuer: 'not a url', client: { client_id: 'a', client_secret: 'b' } })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      issues: ['issuer: must be an absolute URL'],
    });
    await expect(runVerify(as.verifyOptions({ only: ['NO-SUCH-CHECK'] }))).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    await expect(runVerify(as.verifyOptions({ plan: 'rfc6749', only: ['AS-ISS-SUCCESS'] }))).rejects.toThrow('not in plan rfc6749: AS-ISS-SUCCESS');
  });

  it('fails discovery with both URLs named when no metadata is served', async () => {
    const server = createServer((_q, res) => {
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tenant`;
    try {
      await expect(runVerify({ issuer, client: { client_id: 'a', client_secret: 'b' } })).rejects.toMatchObject({
        code: 'DISCOVERY_FAILED',
        issues: [`${issuer.replace('/tenant', '')}/.well-known/oauth-authorization-server/tenant: HTTP 404`, `${issuer}/.well-known/openid-configuration: HTTP 404`],
      });
    } finally {
      server.close();
    }
  });
});
