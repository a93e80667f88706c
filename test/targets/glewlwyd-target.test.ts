/**
 * `verify --target container:glewlwyd` and scenarios on Glewlwyd. Glewlwyd keeps ways
 * of its own that the checks and scenarios must catch: 403 without a body for a failed
 * client authentication (RFC 6749 §5.2 wants 400/401 invalid_client), 403 invalid_code
 * for a reused code (§5.2: 400 invalid_grant), no RFC 8414 metadata, and Basic
 * credentials that are not form-decoded (§2.3.1), so a client id with `-` sent as
 * `harness%2Dclient` is unknown to it.
 */
import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/results/model.js';
import { containerTestsEnabled } from '../../src/targets/containers/runtime.js';
import { runOnTarget } from '../../src/targets/run-on-target.js';
import { chromiumPath } from '../../src/targets/servers/glewlwyd.js';
import { verifyOnTarget } from '../../src/targets/verify-on-target.js';
import { scenarioById } from './catalog-fixtures.js';

const run = await containerTestsEnabled('glewlwyd target');
/** Glewlwyd's login page needs a browser; without chromium the checks that sign in skip. */
const browser = chromiumPath() !== undefined;

describe.runIf(run)('verifyOnTarget(container:glewlwyd)', () => {
  const only = ['OP-DISC-REQUIRED', 'AS-MD-LOCATION', 'AS-CA-INVALID-CLIENT-401', 'AS-TR-TOKEN-TYPE', 'AS-TR-NO-STORE', 'AS-AC-SINGLE-USE'];

  it('runs the plan’s checks and catches Glewlwyd’s deviations', async () => {
    const result = await verifyOnTarget({ target: 'container:glewlwyd', plan: 'bcp', only });
    const byId = new Map<string, CaseResult>(result.cases.map((c) => [c.id, c]));
    expect(result.command).toBe('verify');
    expect(result.cases.map((c) => c.id).sort()).toEqual([...only].sort());
    expect(result.cases.every((c) => c.target === 'container:glewlwyd')).toBe(true);
    expect(byId.get('OP-DISC-REQUIRED')!.verdict).toBe('passed');
    expect(byId.get('AS-MD-LOCATION')).toMatchObject({ verdict: 'failed', message: expect.stringMatching(/\/\.well-known\/oauth-authorization-server\/api\/oidc answered HTTP 404$/) });
    expect(byId.get('AS-CA-INVALID-CLIENT-401')).toMatchObject({ verdict: 'failed', message: 'Basic with a wrong secret: expected HTTP 401 with error invalid_client, got HTTP 403 without a JSON error' });
    if (browser) {
      expect(byId.get('AS-TR-TOKEN-TYPE')).toMatchObject({ verdict: 'passed', message: expect.stringContaining('token_type "bearer"') });
      expect(byId.get('AS-TR-NO-STORE')!.verdict).toBe('passed');
      expect(byId.get('AS-AC-SINGLE-USE')).toMatchObject({ verdict: 'failed', message: expect.stringContaining('got HTTP 403 error=invalid_code') });
    } else {
      for (const id of ['AS-TR-TOKEN-TYPE', 'AS-TR-NO-STORE', 'AS-AC-SINGLE-USE']) expect(byId.get(id)!.verdict, id).toBe('skipped');
    }
  });
});

describe.runIf(run)('runOnTarget(container:glewlwyd)', () => {
  it('signs in through the login API, and shows that Glewlwyd does not form-decode Basic credentials', async () => {
    const result = await runOnTarget({ target: 'container:glewlwyd', scenarios: ['state-tampered', 'rfc7009-revoked-and-unknown-tokens', 'consent-denied'].map(scenarioById), seed: 1 });
    const [tampered, revocation, denied] = result.cases;
    expect(tampered!.verdict).toBe('passed');
    expect(tampered!.exchanges.filter((e) => e.from === 'user-agent').map((e) => `${e.endpoint} ${e.request.method} ${new URL(e.request.url).pathname} ${e.response.status}`)).toEqual([
      'authorize GET /api/oidc/auth 302',
      'decision POST /api/auth/ 200',
      'decision PUT /api/auth/grant/harness-client 200',
      'decision GET /api/oidc/auth 302',
    ]);
    // oauth4webapi sends Basic base64("harness%2Dclient:<secret>"), as RFC 6749 §2.3.1 asks; Glewlwyd does not decode it.
    expect(revocation).toMatchObject({ verdict: 'failed', message: expect.stringContaining('unauthorized_client') });
    const token = revocation!.exchanges.find((e) => e.endpoint === 'token')!;
    expect([token.response.status, token.response.body]).toEqual([403, '{"error":"unauthorized_client"}']);
    expect(denied).toMatchObject({ verdict: 'skipped', message: 'container:glewlwyd: steps[0]: its login cannot refuse consent (connect.consent.deny)' });
  });
});
