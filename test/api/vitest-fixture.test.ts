/**
 * `oauth-harness/vitest`: the fixture (a fresh provider per test, the file's profile,
 * another per test) with msw, and the matchers, each shown passing and failing.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { createOAuthTest, toHaveDiagnosis, toHaveReceivedCredentialsIn, toHaveVerdict } from '../../src/vitest.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const test = createOAuthTest({ profile: 'docusign-like', msw: server });
const seen: string[] = [];

async function exchange(oauth: { clients: { client_id: string; client_secret: string | null; redirect_uris: string[] }[]; endpoints: { authorization: string; token: string }; authorize: (u: string) => Promise<{ code?: string }> }, where: 'basic' | 'body') {
  const c = oauth.clients[0]!;
  const { code } = await oauth.authorize(`${oauth.endpoints.authorization}?response_type=code&client_id=${c.client_id}&redirect_uri=${encodeURIComponent(c.redirect_uris[0]!)}&state=${crypto.randomUUID()}`);
  const body = new URLSearchParams({ grant_type: 'authorization_code', code: code!, redirect_uri: c.redirect_uris[0]! });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (where === 'basic') headers.authorization = `Basic ${btoa(`${c.client_id}:${c.client_secret}`)}`;
  else body.set('client_secret', c.client_secret!), body.set('client_id', c.client_id);
  return fetch(oauth.endpoints.token, { method: 'POST', headers, body });
}

describe('the fixture', () => {
  test('gives each test a fresh provider of the file profile, reachable through msw', async ({ oauth }) => {
    expect(oauth.profile).toBe('docusign-like');
    expect(oauth.exchanges).toEqual([]);
    expect((await exchange(oauth, 'basic')).status).toBe(200);
    seen.push(oauth.issuer);
  });

  test('and a new one in the next test', async ({ oauth }) => {
    expect(oauth.exchanges).toEqual([]);
    expect(seen).toEqual([oauth.issuer]);
  });

  test('makes providers of other profiles per test', async ({ mockProvider }) => {
    const gh = await mockProvider({ profile: 'github-like', issuer: 'https://gh.example' });
    expect((await fetch(gh.endpoints.discovery)).status).toBe(200);
  });
});

describe('the matchers', () => {
  test('toHaveReceivedCredentialsIn passes on Basic, fails on body, and says what it saw', async ({ oauth }) => {
    await exchange(oauth, 'basic');
    expect(oauth).toHaveReceivedCredentialsIn('basic');
    expect(oauth).not.toHaveReceivedCredentialsIn('body');
    expect(toHaveReceivedCredentialsIn(oauth, 'body').message()).toMatch(/received: #\d+ basic/);
    expect(() => expect(oauth).toHaveReceivedCredentialsIn('carrier' as never)).toThrow(/unknown placement/);
  });

  test('toHaveReceivedCredentialsIn fails when nothing was sent', async ({ oauth }) => {
    expect(toHaveReceivedCredentialsIn(oauth, 'basic')).toMatchObject({ pass: false });
    expect(toHaveReceivedCredentialsIn(oauth, 'basic').message()).toMatch(/no token or revocation request/);
  });

  test('toHaveDiagnosis and toHaveVerdict follow the traffic', async ({ oauth }) => {
    expect((await exchange(oauth, 'body')).status).toBe(401);
    expect(oauth).toHaveDiagnosis('credentials-wrong-placement');
    expect(oauth).toHaveVerdict('credentials-placement', 'fail');
    expect(oauth).not.toHaveVerdict('credentials-placement', 'pass');
    expect(oauth.diagnose()).toHaveDiagnosis('credentials-wrong-placement');
    expect({ diagnoses: [] }).not.toHaveDiagnosis('credentials-wrong-placement');
    expect(toHaveVerdict(oauth, 'credentials-placement', 'pass').message()).toMatch(/it is fail/);
    expect(() => toHaveDiagnosis(oauth, 'credential-wrong-placement')).toThrow(/unknown diagnosis "credential-wrong-placement"; known: .*credentials-wrong-placement/);
    expect(() => toHaveVerdict(oauth, 'stat')).toThrow(/unknown verdict/);
  });

  test('a correct client gets no wrong-placement diagnosis', async ({ oauth }) => {
    await exchange(oauth, 'basic');
    expect(oauth).not.toHaveDiagnosis('credentials-wrong-placement');
    expect(oauth).toHaveVerdict('credentials-placement', 'pass');
  });
});
