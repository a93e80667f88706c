/**
 * Every inference of the import, shown to follow the recording: the same HAR edited to
 * show the opposite behaviour yields the opposite value (or none). A test per switch:
 * the unedited recording gives one value, the contradicting edit another.
 */
import { describe, expect, it } from 'vitest';
import { EDITED, type HarLike } from './har-fixtures.js';
import { importHar, inferred, readHar } from './import-support.js';

type Entry = HarLike['log']['entries'][number];

const path = (e: Entry) => new URL(e.request.url).pathname;
const isToken = (e: Entry) => /token$/.test(path(e));
const tokenOk = (e: Entry) => isToken(e) && e.response.status === 200;
const header = (e: Entry, name: string) => e.response.headers.find((h) => h.name.toLowerCase() === name);

function edit(har: HarLike, pick: (e: Entry) => boolean, change: (e: Entry) => void): HarLike {
  for (const e of har.log.entries) if (pick(e)) change(e);
  return har;
}
function body(e: Entry, change: (b: Record<string, unknown>) => void): void {
  const b = JSON.parse(e.response.content.text ?? '{}') as Record<string, unknown>;
  change(b);
  e.response.content.text = JSON.stringify(b);
}
function setHeader(e: Entry, name: string, value: string | undefined): void {
  e.response.headers = e.response.headers.filter((h) => h.name.toLowerCase() !== name);
  if (value !== undefined) e.response.headers.push({ name, value });
}

interface Case {
  /** The switch or setting. */
  path: string;
  from: string;
  /** What the unedited recording gives. */
  before: unknown;
  /** The edit that shows the opposite, and what it gives. */
  edit: (har: HarLike) => HarLike;
  after: unknown;
}

const jwt = `${Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'at+jwt' })).toString('base64url')}.${Buffer.from('{"sub":"alice"}').toString('base64url')}.c2lnbmF0dXJl`;

const CASES: Case[] = [
  { path: 'tokenResponse.tokenType', from: 'rfc-strict-full', before: 'Bearer', after: 'bearer', edit: (h) => edit(h, tokenOk, (e) => body(e, (b) => (b.token_type = 'bearer'))) },
  { path: 'tokenResponse.tokenType', from: 'rfc-strict-full', before: 'Bearer', after: 'omit', edit: (h) => edit(h, tokenOk, (e) => body(e, (b) => delete b.token_type)) },
  { path: 'tokenResponse.expiresIn', from: 'rfc-strict-full', before: 'number', after: 'expires', edit: (h) => edit(h, tokenOk, (e) => body(e, (b) => ((b.expires = b.expires_in), delete b.expires_in))) },
  { path: 'lifetimes.accessToken', from: 'rfc-strict-full', before: 3600, after: 120, edit: (h) => edit(h, tokenOk, (e) => body(e, (b) => (b.expires_in = 120))) },
  { path: 'lifetimes.accessToken', from: 'rfc-strict-full', before: 3600, after: null, edit: (h) => edit(h, tokenOk, (e) => body(e, (b) => delete b.expires_in)) },
  {
    path: 'tokenResponse.format',
    from: 'rfc-strict-full',
    before: 'json',
    after: 'form',
    edit: (h) =>
      edit(h, tokenOk, (e) => {
        e.response.content.text = new URLSearchParams(JSON.parse(e.response.content.text!) as Record<string, string>).toString();
        setHeader(e, 'content-type', 'application/x-www-form-urlencoded');
      }),
  },
  { path: 'tokenResponse.noStore', from: 'rfc-strict-full', before: true, after: false, edit: (h) => edit(h, tokenOk, (e) => setHeader(e, 'cache-control', 'max-age=60')) },
  { path: 'tokenResponse.scope', from: 'rotating-reuse', before: 'always', after: 'if-different', edit: (h) => edit(h, tokenOk, (e) => body(e, (b) => delete b.scope)) },
  { path: 'tokenResponse.accessTokenFormat', from: 'rfc-strict-full', before: 'opaque', after: 'jwt', edit: (h) => edit(h, tokenOk, (e) => body(e, (b) => (b.access_token = jwt))) },
  { path: 'tokenResponse.extraFields', from: 'rfc-strict-full', before: undefined, after: { instance_url: 'https://eu1.example.test' }, edit: (h) => edit(h, tokenOk, (e) => body(e, (b) => (b.instance_url = 'https://eu1.example.test'))) },
  { path: 'scopes.delimiter', from: 'rotating-reuse', before: ' ', after: ',', edit: (h) => edit(h, tokenOk, (e) => body(e, (b) => (b.scope = 'read,offline_access'))) },
  {
    path: 'errors.style',
    from: 'docusign-body-credentials',
    before: 'rfc',
    after: 'facebook',
    edit: (h) => edit(h, (e) => isToken(e) && e.response.status === 401, (e) => body(e, (b) => ((b.error = { message: 'Error validating client secret.', type: 'OAuthException', code: 1 }), delete b.error_description))),
  },
  { path: 'errors.style', from: 'docusign-body-credentials', before: 'rfc', after: 'github', edit: (h) => edit(h, (e) => isToken(e) && e.response.status === 401, (e) => (e.response.status = 200)) },
  {
    path: 'clientAuth.methods',
    from: 'docusign-body-credentials',
    before: ['client_secret_basic'],
    after: ['client_secret_post'],
    // the same body credentials accepted: a token instead of the refusal
    edit: (h) => edit(h, (e) => isToken(e), (e) => ((e.response.status = 200), (e.response.content.text = JSON.stringify({ access_token: 'at-123456789', token_type: 'Bearer', expires_in: 60 })))),
  },
  {
    path: 'clientAuth.invalidClientStatus',
    from: 'docusign-body-credentials',
    before: 401,
    after: 400,
    edit: (h) => edit(h, (e) => isToken(e), (e) => ((e.response.status = 400), setHeader(e, 'www-authenticate', undefined))),
  },
  { path: 'tokenEndpoint.methods', from: 'facebook-get-untick', before: ['GET', 'POST'], after: ['POST'], edit: (h) => edit(h, isToken, (e) => ((e.response.status = 405), (e.response.content.text = JSON.stringify({ error: 'invalid_request', error_description: 'the token endpoint accepts POST only' })), setHeader(e, 'allow', 'POST'))) },
  { path: 'client.credentials', from: 'facebook-get-untick', before: 'query', after: 'body', edit: (h) => edit(h, isToken, (e) => ((e.request.method = 'POST'), (e.request.postData = { text: new URL(e.request.url).search.slice(1) }), (e.request.url = e.request.url.split('?')[0]!), e.request.headers.push({ name: 'content-type', value: 'application/x-www-form-urlencoded' }))) },
  { path: 'refresh.policy', from: 'rfc-strict-full', before: 'always', after: 'never', edit: (h) => edit(h, tokenOk, (e) => body(e, (b) => delete b.refresh_token)) },
  { path: 'refresh.rotation', from: 'rfc-strict-full', before: 'keep', after: 'rotate', edit: (h) => edit(h, (e) => tokenOk(e) && (e.request.postData?.text ?? '').includes('grant_type=refresh_token'), (e) => body(e, (b) => (b.refresh_token = 'a-brand-new-refresh-token'))) },
  {
    path: 'refresh.reuseDetection',
    from: 'rotating-reuse',
    before: 'revoke-grant',
    after: 'reject',
    // the newest refresh token still works after the reuse
    edit: (h) => {
      const refreshes = h.log.entries.filter((e) => isToken(e) && (e.request.postData?.text ?? '').includes('grant_type=refresh_token'));
      const last = refreshes[refreshes.length - 1]!;
      last.response.status = 200;
      last.response.content.text = JSON.stringify({ access_token: 'at-after-reuse-1', token_type: 'Bearer', expires_in: 300, refresh_token: 'rt-after-reuse-1', scope: 'read offline_access' });
      return h;
    },
  },
  { path: 'refresh.oncePerUser', from: 'google-once-per-user', before: true, after: undefined, edit: (h) => edit(h, tokenOk, (e) => body(e, (b) => (b.refresh_token ??= `rt-${Math.random().toString(36).slice(2)}xyz`))) },
  { path: 'discovery.issParameter', from: 'rfc-strict-full', before: true, after: false, edit: (h) => edit(h, (e) => !!header(e, 'location')?.value.includes('iss='), (e) => setHeader(e, 'location', header(e, 'location')!.value.replace(/&iss=[^&]*/, ''))) },
  { path: 'revocation.style', from: 'rfc-strict-full', before: 'rfc7009', after: 'invalid-token-400', edit: (h) => edit(h, (e) => path(e).endsWith('/revoke') && h.log.entries.filter((x) => path(x).endsWith('/revoke')).indexOf(e) === 1, (e) => ((e.response.status = 400), (e.response.content.text = JSON.stringify({ error: 'invalid_token', error_description: 'Token expired or revoked' })))) },
  { path: 'pkce.required', from: 'pkce-required', before: true, after: false, edit: () => readHar('github-form-response') },
  { path: 'api.readScope', from: 'insufficient-scope', before: 'read', after: null, edit: (h) => edit(h, (e) => path(e).includes('/api/'), (e) => ((e.response.status = 200), setHeader(e, 'www-authenticate', undefined))) },
  { path: 'network.ipAllowList', from: 'salesforce-ip-refused-at-token', before: ['198.51.100.0/24'], after: undefined, edit: (h) => edit(h, isToken, (e) => (e.response.content.text = JSON.stringify({ error: 'invalid_grant', error_description: 'authorization code expired' }))) },
  { path: 'scopes.userCanDeny', from: 'facebook-get-untick', before: true, after: undefined, edit: (h) => edit(h, (e) => e.request.method === 'POST' && path(e).endsWith('/decision'), (e) => (e.request.postData = { text: `${e.request.postData!.text}&scope=user_likes` })) },
  {
    path: 'scopes.onUnregistered',
    from: 'consent-denied',
    before: undefined,
    after: 'reject',
    edit: (h) => edit(h, (e) => !!header(e, 'location')?.value.includes('error=access_denied'), (e) => setHeader(e, 'location', header(e, 'location')!.value.replace('error=access_denied', 'error=invalid_scope'))),
  },
  { path: 'tokenResponse.tokenType', from: 'rfc-strict-full', before: 'Bearer', after: 'N_A', edit: (h) => edit(h, tokenOk, (e) => body(e, (b) => (b.token_type = 'N_A'))) },
  { path: 'tokenResponse.refreshTokenExpiresIn', from: 'rfc-strict-full', before: false, after: true, edit: EDITED['token-type-uppercase-refresh-lifetime']!.edit },
  { path: 'tokenResponse.expiresIn', from: 'rfc-strict-full', before: 'number', after: 'omit', edit: EDITED['expires-unsaid-introspected']!.edit },
  { path: 'lifetimes.clockSkew', from: 'rfc-strict-full', before: undefined, after: 300, edit: EDITED['clock-ahead-introspected']!.edit },
  { path: 'lifetimes.clockSkew', from: 'rfc-strict-full', before: undefined, after: 3600, edit: EDITED['expired-on-arrival']!.edit },
  { path: 'authorize.echoState', from: 'rfc-strict-full', before: true, after: false, edit: EDITED['state-not-echoed']!.edit },
  { path: 'clientAuth.requireClientIdInBody', from: 'rfc-strict-full', before: false, after: true, edit: EDITED['client-id-wanted-with-basic']!.edit },
  { path: 'errors.shape', from: 'docusign-body-credentials', before: undefined, after: { status: '{error}', message: '{error_description}' }, edit: (h) => edit(h, (e) => isToken(e) && e.response.status === 401, (e) => (e.response.content.text = JSON.stringify({ status: 'invalid_client', message: 'client credentials in the body are not accepted' }))) },
  { path: 'errors.status', from: 'docusign-body-credentials', before: null, after: 422, edit: (h) => edit(h, (e) => isToken(e) && e.response.status === 401, (e) => (e.response.status = 422)) },
  { path: 'refresh.scopeCheck', from: 'rotating-reuse', before: undefined, after: 'reject', edit: EDITED['refresh-scope-beyond-grant']!.edit },
  { path: 'scopes.dropFromGrant', from: 'rotating-reuse', before: undefined, after: ['offline_access'], edit: EDITED['refresh-scope-beyond-grant']!.edit },
  { path: 'client.clientSecret', from: 'github-wrong-secret', before: 'not-the-registered-secret', after: undefined, edit: (h) => edit(h, isToken, (e) => (e.response.content.text = JSON.stringify({ access_token: 'gho_abcdefgh12345', token_type: 'bearer', scope: 'repo' }))) },
];

describe('each inference follows the recording: the contradicting edit changes it', () => {
  for (const c of CASES) {
    it(`${c.path}: ${JSON.stringify(c.before)} from ${c.from}, ${JSON.stringify(c.after)} once the HAR shows otherwise`, async () => {
      const before = await importHar(readHar(c.from), c.from);
      expect(inferred(before, c.path)).toEqual(c.before);
      const after = await importHar(c.edit(readHar(c.from)), `${c.from}-edited`);
      expect(inferred(after, c.path)).toEqual(c.after);
    });
  }

  it('client faults: a forged state the client accepted, a reused rotated refresh token', async () => {
    const forged = await importHar(readHar('state-changed-on-the-way-back'));
    const honest = await importHar(readHar('rfc-strict-full'));
    expect(forged.yaml).toMatch(/faults: \[ignore-state\]/);
    expect(honest.yaml).not.toMatch(/faults:/);
    expect((await importHar(readHar('rotating-reuse'))).yaml).toMatch(/faults: \[keep-old-refresh-token\]/);
  });

  it('an uncertain inference is written with the other reading, and the base profile value it keeps', async () => {
    const r = await importHar(readHar('rfc-strict-full'));
    expect(r.yaml).toMatch(/# uncertain: the recording does not show whether client_secret_post would be accepted too; rfc-strict's \["client_secret_basic","client_secret_post"\] is as consistent with the recording and kept\n\s+methods: \[client_secret_basic, client_secret_post\]/);
    expect(r.yaml).toMatch(/# uncertain: `never` is as consistent/);
  });
});
