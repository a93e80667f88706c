import { describe, expect, it } from 'vitest';
import { learnSecrets, redactExchange, SecretSet } from '../../src/redaction/redact.js';
import type { Exchange } from '../../src/results/model.js';

const exchange = (authorization: string): Exchange => ({
  seq: 1,
  from: 'client',
  to: 'resource-server',
  request: { method: 'GET', url: 'https://api.example/x', headers: { authorization } },
  response: { status: 401, headers: {}, body: '{"message":"token is undefined"}' },
});

describe('redaction of placeholder credentials', () => {
  it('does not learn "Bearer undefined" as a secret, so the word survives elsewhere', () => {
    const secrets = new SecretSet();
    const e = exchange('Bearer undefined');
    learnSecrets(e, secrets);
    expect(secrets.has('undefined')).toBe(false);
    expect(redactExchange(e, secrets).response.body).toContain('token is undefined');
  });

  it('still learns and hides a real bearer token', () => {
    const secrets = new SecretSet();
    const e = exchange('Bearer at_realTokenValue123');
    learnSecrets(e, secrets);
    expect(secrets.has('at_realTokenValue123')).toBe(true);
    expect(JSON.stringify(redactExchange({ ...e, response: { ...e.response, body: 'at_realTokenValue123' } }, secrets))).not.toContain('at_realTokenValue123');
  });
});
