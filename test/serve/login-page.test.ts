/**
 * The login-and-consent page of `serve`, end to end over HTTP like a person's browser:
 * the form is read from the page, a scope is unticked, the form is posted, the browser
 * is redirected with a code, and the token says which scopes were granted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, openLoginForm, serve, type Served } from './serve-fixture.js';

let s: Served;
beforeAll(async () => {
  s = await serve(['rfc-strict']);
});
afterAll(() => s.close());

const authorizationUrl = (i: Served['info']['issuers'][number], scope: string) =>
  `${i.authorization_endpoint}?${new URLSearchParams({ response_type: 'code', client_id: i.client_id, redirect_uri: i.redirect_uris[0]!, scope, state: 'state-0123456789-abcdefghij' })}`;

describe('login and consent page', () => {
  it('a person unticks a scope: the token carries only the ticked ones', async () => {
    const i = s.info.issuers[0]!;
    const form = await openLoginForm(authorizationUrl(i, 'read write'));
    expect(form.scopes).toEqual(['read', 'write']);
    expect(form.html).toContain('Sign in to continue to harness-client');
    const alice = i.users.find((u) => u.username === 'alice')!;
    const body = new URLSearchParams({ ...form.hidden, username: alice.username, password: alice.password, decision: 'allow' });
    body.append('scope', 'read'); // "write" unticked: a browser sends only checked boxes
    const res = await fetch(form.action, { method: 'POST', body, redirect: 'manual' });
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(i.redirect_uris[0]);
    expect(back.searchParams.get('state')).toBe('state-0123456789-abcdefghij');
    const token = await fetch(i.token_endpoint, {
      method: 'POST',
      headers: { authorization: basic(i.client_id, i.client_secret!), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: i.redirect_uris[0]! }),
    });
    expect(token.status).toBe(200);
    expect(await token.json()).toMatchObject({ scope: 'read', token_type: 'Bearer' });
  });

  it('a wrong password shows the page again with an error; Deny sends access_denied', async () => {
    const i = s.info.issuers[0]!;
    const form = await openLoginForm(authorizationUrl(i, 'read'));
    const wrong = await fetch(form.action, { method: 'POST', body: new URLSearchParams({ ...form.hidden, username: 'alice', password: 'nope', decision: 'allow', scope: 'read' }), redirect: 'manual' });
    expect(wrong.status).toBe(200);
    expect(await wrong.text()).toContain('Wrong username or password.');
    const deny = await fetch(form.action, { method: 'POST', body: new URLSearchParams({ ...form.hidden, decision: 'deny' }), redirect: 'manual' });
    expect(new URL(deny.headers.get('location')!).searchParams.get('error')).toBe('access_denied');
  });
});
