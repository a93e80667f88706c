import { describe, expect, it } from 'vitest';
import { authorizeAndConsent, basic, call, firstClient, testProvider } from '../testing.js';

describe('smoke', () => {
  it('code flow on rfc-strict', async () => {
    const p = testProvider('rfc-strict');
    const c = firstClient(p);
    const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: c.client_id, redirect_uri: c.redirect_uris[0]!, scope: 'read write', state: 's1' });

    expect(location?.searchParams.get('state')).toBe('s1');
    const code = location!.searchParams.get('code')!;
    const tok = await call(p, '/token', { form: { grant_type: 'authorization_code', code, redirect_uri: c.redirect_uris[0]! }, headers: { authorization: basic(c.client_id, c.client_secret!) } });
    expect(tok.status).toBe(200);
    expect(tok.json.refresh_token).toBeTruthy();
    const api = await call(p, '/api/0/odata/Account', { headers: { authorization: `Bearer ${tok.json.access_token}` } });
    expect(api.status).toBe(200);
    expect(api.json.value.length).toBe(5);
  });
});
