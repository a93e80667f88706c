import { describe, expect, it } from 'vitest';
import { fingerprint, SecretSet, spellings } from '../../src/redaction/redact.js';
import { scrubCase, scrubText } from '../../src/redaction/scrub.js';
import type { CaseResult } from '../../src/results/model.js';

describe('SecretSet.sweep', () => {
  it('finds a secret raw, percent-encoded, form-encoded and JSON-escaped', () => {
    const secret = "p@ss w!rd'(x)*~\"/\\";
    const s = new SecretSet();
    s.add(secret);
    for (const form of spellings(secret)) expect(s.sweep(`a ${form} b`)).toBe(`a ${fingerprint(secret)} b`);
    expect(s.sweep(new URLSearchParams({ client_secret: secret }).toString())).toBe(`client_secret=${fingerprint(secret)}`);
    expect(s.sweep(JSON.stringify({ client_secret: secret }))).toBe(`{"client_secret":"${fingerprint(secret)}"}`);
  });
});

describe('scrubText (no list of secrets needed)', () => {
  it('marks values of secret-named parameters in forms, URLs and JSON', () => {
    expect(scrubText('grant_type=refresh_token&refresh_token=rt-abc123&client_id=app')).toBe(`grant_type=refresh_token&refresh_token=${fingerprint('rt-abc123')}&client_id=app`);
    expect(scrubText('https://x.test/cb?code=c0de123&state=s1')).toBe(`https://x.test/cb?code=${fingerprint('c0de123')}&state=s1`);
    expect(scrubText('{"access_token": "at-1", "token_type": "Bearer", "expires_in": 3600}')).toBe(`{"access_token": "${fingerprint('at-1')}", "token_type": "Bearer", "expires_in": 3600}`);
    expect(scrubText('the API said: Bearer eyJhbGciOi.eyJzdWIi.sig is expired')).toBe(`the API said: Bearer ${fingerprint('eyJhbGciOi.eyJzdWIi.sig')} is expired`);
  });

  it('leaves look-alikes and existing markers alone', () => {
    const text = `response_type=code&code_challenge=abc&error_code=7&grant_type=authorization_code ${fingerprint('x')} HTTP Basic authentication failed; Bearer realm="api"`;
    expect(scrubText(text)).toBe(text);
    expect(scrubText(`refresh_token=${fingerprint('x')}`)).toBe(`refresh_token=${fingerprint('x')}`);
  });

  it('marks literal secrets in expectations about secret parameters, not matchers', () => {
    const c = {
      id: 'x', title: 'x', kind: 'scenario', target: 't', verdict: 'failed', durationMs: 0, exchanges: [], diagnoses: [],
      steps: [{ name: 's', passed: false, expectations: [
        { path: 'steps[0].expect.request.params.client_secret', passed: false, message: 'm', expected: 'hunter2-secret', actual: 'other-secret' },
        { path: 'steps[0].expect.request.params.client_secret', passed: true, message: 'm', expected: 'absent' },
        { path: 'steps[0].expect.request.params.scope', passed: true, message: 'm', expected: 'read write' },
      ] }],
    } as CaseResult;
    const [a, b, s] = scrubCase(c).steps[0]!.expectations;
    expect(a).toMatchObject({ expected: fingerprint('hunter2-secret'), actual: fingerprint('other-secret') });
    expect(b!.expected).toBe('absent');
    expect(s!.expected).toBe('read write');
  });
});
