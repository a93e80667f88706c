/**
 * Parity compares protocol facts (status, error code, tokens issued), not prose: a
 * scenario that matches the mock's own wording (`error_description: /more than one/`)
 * and fails on a real server only for that wording is no difference; a failure about a
 * protocol fact still is.
 */
import { describe, expect, it } from 'vitest';
import type { CaseResult, Exchange } from '../../src/results/model.js';
import { compareCases } from '../../src/targets/parity/compare.js';

const token = (status: number, body: Record<string, unknown>): Exchange => ({
  seq: 1,
  from: 'client',
  to: 'authorization-server',
  endpoint: 'token',
  step: '1. connect',
  request: { method: 'POST', url: 'http://127.0.0.1/token', headers: {}, body: 'grant_type=authorization_code' },
  response: { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
});

function side(verdict: 'passed' | 'failed', failed: { path: string }[], exchange: Exchange): CaseResult {
  return {
    id: 'credentials-twice-rejected',
    title: 't',
    kind: 'scenario',
    target: 'x',
    verdict,
    durationMs: 1,
    steps: [{ name: '1. connect', passed: verdict === 'passed', expectations: failed.map((f) => ({ ...f, passed: false, message: 'no match' })) }],
    exchanges: [exchange],
    diagnoses: [],
  };
}

describe('parity compares protocol facts, not prose', () => {
  it('a failure only on error_description wording is no difference', () => {
    const mock = side('passed', [], token(400, { error: 'invalid_request', error_description: 'more than one client authentication method' }));
    const real = side('failed', [{ path: 'steps[0].expect.response.body.error_description' }], token(400, { error: 'invalid_request', error_description: 'client authentication must only be provided using one mechanism' }));
    expect(compareCases(mock, real)).toEqual([]);
  });

  it('a failure on the error code is a difference, in the verdicts and in the call', () => {
    const mock = side('passed', [], token(400, { error: 'invalid_request' }));
    const real = side('failed', [{ path: 'steps[0].expect.response.error' }, { path: 'steps[0].expect.response.body.error_description' }], token(400, { error: 'invalid_client' }));
    expect(compareCases(mock, real).map((d) => `${d.step} ${d.field} ${JSON.stringify(d.mock)}→${JSON.stringify(d.target)}`)).toEqual([
      '(case) case verdict "passed"→"failed"',
      '1. connect step verdict "passed"→"failed"',
      '1. connect error "invalid_request"→"invalid_client"',
    ]);
  });
});
