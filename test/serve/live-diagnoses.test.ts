/**
 * `GET /_admin/<issuer>/diagnoses`: a developer running an app against `serve` gets the
 * cause and the fix of what went wrong, live, as `run` reports them (issue 12, item 10),
 * with the provider family of the profile or of a loaded scenario (item 9).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, serve, type Served } from './serve-fixture.js';

let s: Served;
beforeAll(async () => {
  s = await serve(['docusign-like', 'rfc-strict']);
});
afterAll(() => s.close());

const issuer = (name: string) => s.info.issuers.find((i) => i.profile === name)!;

/** Authorization request → queued consent → the code, as a browser would bring it back. */
async function code(name: string, query: Record<string, string>): Promise<string> {
  const i = issuer(name);
  await s.admin(`/${name}/consent`, { body: { user: 'alice' } });
  const q = new URLSearchParams({ response_type: 'code', client_id: i.client_id, redirect_uri: i.redirect_uris[0]!, state: 's'.repeat(24), ...query });
  const res = await fetch(`${i.authorization_endpoint}?${q}`, { redirect: 'manual' });
  return new URL(res.headers.get('location')!).searchParams.get('code')!;
}

describe('GET /_admin/<issuer>/diagnoses', () => {
  it('names the cause and the fix of a failed login, live, without a secret in it', async () => {
    const i = issuer('docusign-like');
    expect((await s.admin('/docusign-like/diagnoses')).json).toEqual({ family: 'docusign', diagnoses: [] });
    const c = await code('docusign-like', { scope: 'signature' });
    const res = await fetch(i.token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'authorization_code', code: c, redirect_uri: i.redirect_uris[0]!, client_id: i.client_id, client_secret: i.client_secret! }) });
    expect(res.status).toBe(401);
    const { status, json } = await s.admin('/docusign-like/diagnoses');
    expect(status).toBe(200);
    const d = json.diagnoses.find((x: { id: string }) => x.id === 'credentials-wrong-placement');
    expect(d).toMatchObject({ level: 'error', title: 'Client credentials are sent where the provider does not accept them' });
    expect(d.cause).toMatch(/form body.*HTTP Basic header/);
    expect(d.fix[0]).toMatch(/Basic header/);
    expect(JSON.stringify(json)).not.toContain(i.client_secret!);
    // the same, for that client only; an unknown client or family is a 400 naming the valid ones
    expect((await s.admin(`/docusign-like/diagnoses?client_id=${encodeURIComponent(i.client_id)}`)).json.diagnoses.map((x: { id: string }) => x.id)).toContain('credentials-wrong-placement');
    expect((await s.admin('/docusign-like/diagnoses?client_id=nobody')).status).toBe(400);
    const bad = await s.admin('/docusign-like/diagnoses?family=gogle');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toMatch(/did you mean google\?.*provider families: google, dropbox/);
  });

  it('uses the provider family a loaded scenario declares (no host names): needs-offline on rfc-strict declared as google', async () => {
    const loaded = await s.admin('/rfc-strict/scenario', { body: { provider: { profile: 'rfc-strict', family: 'google', switches: { refresh: { policy: 'offline-param' } } } } });
    expect(loaded.status).toBe(200);
    const i = issuer('rfc-strict');
    const c = await code('rfc-strict', { scope: 'read' });
    const tokens = await fetch(i.token_endpoint, { method: 'POST', headers: { authorization: basic(i.client_id, i.client_secret!), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'authorization_code', code: c, redirect_uri: i.redirect_uris[0]! }) });
    expect(((await tokens.json()) as Record<string, unknown>).refresh_token).toBeUndefined();
    const { json } = await s.admin('/rfc-strict/diagnoses');
    expect(json.family).toBe('google');
    const needs = json.diagnoses.find((x: { id: string }) => x.id === 'missing-refresh-token-needs-offline');
    expect(needs?.fix[0]).toBe("Add access_type=offline to the integration's authorization parameters.");
    // without the family, nothing in the traffic names the parameter
    const undeclared = (await s.admin('/rfc-strict/diagnoses?family=microsoft')).json.diagnoses.map((x: { id: string; fix: string[] }) => `${x.id}: ${x.fix[0]}`);
    expect(undeclared).toContain("missing-refresh-token-needs-offline: Add offline_access to the integration's scopes.");
  });
});
