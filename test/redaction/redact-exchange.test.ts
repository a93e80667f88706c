import { describe, expect, it } from 'vitest';
import { fingerprint as redactionMarker, learnSecrets, redactExchange as redactWith, SecretSet } from '../../src/redaction/redact.js';
import { scrubText, secretNames } from '../../src/redaction/scrub.js';
import type { Exchange } from '../../src/results/model.js';

/** Redaction as `verify`'s probe does it: the configured secrets plus what the exchange carries. */
function redactExchange(e: Exchange, options: { secrets?: string[]; names?: string[] } = {}): Exchange {
  const secrets = new SecretSet();
  for (const s of options.secrets ?? []) secrets.add(s);
  return redactWith(e, secrets, { names: options.names ?? [] });
}

function ex(partial: { url?: string; reqHeaders?: Record<string, string>; reqBody?: string; resHeaders?: Record<string, string>; resBody?: string }): Exchange {
  return {
    seq: 1,
    from: 'harness',
    to: 'authorization-server',
    request: { method: 'POST', url: partial.url ?? 'https://as.example/token', headers: partial.reqHeaders ?? {}, ...(partial.reqBody ? { body: partial.reqBody } : {}) },
    response: { status: 200, headers: partial.resHeaders ?? {}, ...(partial.resBody ? { body: partial.resBody } : {}) },
  };
}

describe('redactExchange (verify\'s probe and the runner share it)', () => {
  it('uses the first 8 hex of sha256 as marker', () => {
    expect(redactionMarker('abc')).toBe('[redacted:ba7816bf]');
  });

  it('hides Basic and Bearer credentials but keeps the scheme', () => {
    const r = redactExchange(ex({ reqHeaders: { authorization: 'Basic Y2xpZW50OnNlY3JldA==' } }));
    expect(r.request.headers.authorization).toBe(`Basic ${redactionMarker('Y2xpZW50OnNlY3JldA==')}`);
  });

  it('hides secrets in form bodies, URLs, Location headers and JSON, and leaves the rest', () => {
    const r = redactExchange(
      ex({
        url: 'https://as.example/token?client_secret=s3&x=1',
        reqBody: 'grant_type=authorization_code&code=abc123&code_verifier=v3r1f13r&client_id=app',
        resHeaders: { location: 'https://app.example/cb?code=xyz&state=s' },
        resBody: '{"access_token":"at-1","token_type":"Bearer","refresh_token":"rt-1","expires_in":3600}',
      }),
    );
    expect(r.request.url).toBe(`https://as.example/token?client_secret=${redactionMarker('s3')}&x=1`);
    expect(r.request.body).toBe(`grant_type=authorization_code&code=${redactionMarker('abc123')}&code_verifier=${redactionMarker('v3r1f13r')}&client_id=app`);
    expect(r.response.headers.location).toBe(`https://app.example/cb?code=${redactionMarker('xyz')}&state=s`);
    expect(r.response.body).toBe(`{"access_token":"${redactionMarker('at-1')}","token_type":"Bearer","refresh_token":"${redactionMarker('rt-1')}","expires_in":3600}`);
  });

  it('hides parameters echoed in HTML (&amp;-separated) and configured secret values anywhere', () => {
    const r = redactExchange(ex({ resBody: 'Redirecting to https://app.example/cb?state=s&amp;code=c0d3value. Password: hunter22' }), { secrets: ['hunter22'] });
    expect(r.response.body).toBe(`Redirecting to https://app.example/cb?state=s&amp;code=${redactionMarker('c0d3value.')} Password: ${redactionMarker('hunter22')}`);
  });

  it('hides cookie values and the password field of a login form', () => {
    const r = redactExchange(ex({ reqHeaders: { cookie: 'sid=abc; theme=dark' }, reqBody: 'login=alice&pw=hunter2' }), { names: ['pw'] });
    expect(r.request.headers.cookie).toBe(`sid=${redactionMarker('abc')}; theme=${redactionMarker('dark')}`);
    expect(r.request.body).toBe(`login=alice&pw=${redactionMarker('hunter2')}`);
  });

  it('collects values worth hiding in later exchanges', () => {
    const secrets = new SecretSet();
    learnSecrets(ex({ resBody: '{"access_token":"a-long-token-value","scope":"x"}', resHeaders: { location: 'https://c/cb?code=code-value-123' } }), secrets);
    expect(secrets.all().sort()).toEqual(['a-long-token-value', 'code-value-123']);
  });

  it('hides a learned value wherever it reappears, and a login form field named as secret', () => {
    const secrets = new SecretSet();
    const first = ex({ resBody: 'sign in <a href="/cb?state=s&amp;code=c0d3-from-html">go</a>' });
    learnSecrets(first, secrets);
    const later = redactWith(ex({ reqBody: 'code=c0d3-from-html&pw=hunter2', resBody: 'echo c0d3-from-html' }), secrets, { names: ['pw'] });
    expect(JSON.stringify(later)).not.toContain('c0d3-from-html');
    expect(later.request.body).toBe(`code=${redactionMarker('c0d3-from-html')}&pw=${redactionMarker('hunter2')}`);
    expect(later.response.body).toBe(`echo ${redactionMarker('c0d3-from-html')}`);
  });

  it('redacts first, then cuts long bodies, so a cut never leaves part of a secret', () => {
    const secret = 'a-long-refresh-token-value';
    const body = `${'x'.repeat(20)} ${secret} and more`; // a cut at 30 falls inside the secret
    const secrets = new SecretSet();
    secrets.add(secret);
    const r = redactWith(ex({ resBody: body }), secrets, { maxBodyChars: 30 });
    expect(r.response.body).toMatch(/…\[truncated\]$/);
    expect(r.response.body).not.toContain(secret.slice(0, 5));
    expect(redactWith(ex({ resBody: 'short' }), secrets, { maxBodyChars: 30 }).response.body).toBe('short');
  });

  it('marks cookie values one by one and keeps their names and attributes', () => {
    const r = redactExchange(ex({ resHeaders: { 'set-cookie': 'sid=abc123; Path=/; HttpOnly\ntheme=dark' } }));
    expect(r.response.headers['set-cookie']).toBe(`sid=${redactionMarker('abc123')}; Path=/; HttpOnly\ntheme=${redactionMarker('dark')}`);
  });
});

describe('what redaction keeps between texts', () => {
  it('sweeps a secret learned after an earlier sweep of the same set', () => {
    const secrets = new SecretSet();
    secrets.add('first-secret-value');
    expect(secrets.sweep('a first-secret-value b')).toBe(`a ${redactionMarker('first-secret-value')} b`);
    secrets.add('second-secret-value');
    expect(secrets.sweep('second-secret-value and first-secret-value')).toBe(`${redactionMarker('second-secret-value')} and ${redactionMarker('first-secret-value')}`);
    // the longer value first: a secret holding another is replaced whole
    secrets.add('second-secret-value-longer');
    expect(secrets.sweep('x second-secret-value-longer')).toBe(`x ${redactionMarker('second-secret-value-longer')}`);
  });

  it('reads a name set of its own afresh, so names added to it later count', () => {
    const names = new Set(['my_secret']);
    expect(scrubText('my_secret=abcdef', names)).toBe(`my_secret=${redactionMarker('abcdef')}`);
    names.add('other_secret');
    expect(scrubText('other_secret=abcdef', names)).toBe(`other_secret=${redactionMarker('abcdef')}`);
  });

  it('gives the same set for the same extra names, with their patterns', () => {
    expect(secretNames(['pin'])).toBe(secretNames(['pin']));
    expect(scrubText('pin=12345678', secretNames(['pin']))).toBe(`pin=${redactionMarker('12345678')}`);
    expect(scrubText('pin=12345678')).toBe('pin=12345678');
  });
});
