/**
 * The HAR fixtures of test/fixtures/har/: flows recorded with chromium against `serve`
 * (see har-recorder.ts), and hand edits of recorded ones for quirks no profile serves
 * (each edit is written here as code, so it is reviewable and repeatable).
 *
 * Re-record them with `RECORD_HAR=1 npx vitest run test/import/record-har-fixtures.test.ts`.
 */
import type { FlowPlan } from './har-recorder.js';

export const FIXTURE_DIR = new URL('../fixtures/har/', import.meta.url);

/** Flows recorded as they are. */
export const RECORDED: Record<string, FlowPlan> = {
  'rfc-strict-full': { profile: 'rfc-strict', placement: 'basic', scope: 'read write openid', pkce: true, after: ['api', 'userinfo', 'refresh', 'revoke-refresh', 'revoke-refresh'] },
  'docusign-body-credentials': { profile: 'docusign-like', placement: 'body', scope: 'signature', pkce: true },
  'github-wrong-secret': { profile: 'github-like', placement: 'body', scope: 'repo', wrongSecret: 'a-revoked-secret-0123' },
  'github-form-response': { profile: 'github-like', placement: 'body', scope: 'repo,gist', acceptJson: false, after: ['api'] },
  'facebook-get-untick': { profile: 'facebook-like', placement: 'get', scope: 'public_profile,email,user_likes', untick: ['user_likes'] },
  'google-no-offline': { profile: 'google-like', placement: 'body', scope: 'openid email', pkce: true },
  'google-once-per-user': { profile: 'google-like', placement: 'body', scope: 'openid email', pkce: true, extra: { access_type: 'offline' }, again: [{}, { prompt: 'consent' }] },
  'rotating-reuse': { profile: 'rotating-refresh', placement: 'basic', scope: 'read offline_access', pkce: true, after: ['refresh', 'refresh-old', 'refresh'] },
  'consent-denied': { profile: 'rfc-strict', placement: 'basic', scope: 'read', pkce: true, deny: true },
  'billing-expired': { profile: 'billing-like', placement: 'basic', scope: 'billing.read', pkce: true, after: ['api', { advance: '20m' }, 'api'] },
  'salesforce-refresh-scope': { profile: 'salesforce-like', placement: 'body', scope: 'api refresh_token', pkce: true, after: ['refresh'] },
  'redirect-unregistered': { profile: 'docusign-like', placement: 'basic', scope: 'signature', pkce: true, unregisteredRedirect: true },
  'pkce-required': { profile: 'rfc-strict', placement: 'basic', scope: 'read', pkce: false, switches: { pkce: { required: true } } },
  'salesforce-ip-refused': { profile: 'salesforce-like', placement: 'body', scope: 'api', pkce: true, switches: { network: { ipAllowList: ['198.51.100.0/24'] } } },
  'insufficient-scope': { profile: 'rfc-strict', placement: 'basic', scope: 'write', pkce: true, after: ['api'] },
};

interface HarEntryLike {
  startedDateTime: string;
  request: { method: string; url: string; headers: { name: string; value: string }[]; postData?: { text?: string } };
  response: { status: number; headers: { name: string; value: string }[]; content: { text?: string; mimeType?: string }; redirectURL?: string };
}
export interface HarLike {
  log: { entries: HarEntryLike[] } & Record<string, unknown>;
}

const isToken = (e: HarEntryLike) => /\/token$/.test(new URL(e.request.url).pathname) && e.request.method !== 'OPTIONS';

/** Rewrites the JSON body of every successful token response. */
function editTokenResponses(har: HarLike, edit: (body: Record<string, unknown>) => void): HarLike {
  for (const e of har.log.entries) {
    if (!isToken(e) || e.response.status !== 200 || !e.response.content.text) continue;
    const body = JSON.parse(e.response.content.text) as Record<string, unknown>;
    edit(body);
    e.response.content.text = JSON.stringify(body);
  }
  return har;
}

/** The first token request answered with an error instead, and the recording ending there. */
function refuseFirstToken(har: HarLike, status: number, error: Record<string, string>): HarLike {
  const i = har.log.entries.findIndex(isToken);
  const e = har.log.entries[i]!;
  e.response.status = status;
  e.response.content.text = JSON.stringify(error);
  har.log.entries = har.log.entries.slice(0, i + 1);
  return har;
}

/** Rewrites the client's callback URL wherever it appears: the callback request, the redirects to it. */
function editCallbacks(har: HarLike, change: (url: URL) => unknown): HarLike {
  const rewrite = (u: string) => {
    const url = new URL(u);
    change(url);
    return url.toString();
  };
  for (const e of har.log.entries) {
    if (new URL(e.request.url).pathname === '/callback') e.request.url = rewrite(e.request.url);
    for (const h of e.response.headers) if (h.name.toLowerCase() === 'location' && h.value.includes('/callback')) h.value = rewrite(h.value);
    if (e.response.redirectURL?.includes('/callback')) e.response.redirectURL = rewrite(e.response.redirectURL);
  }
  return har;
}

type HarEntry = HarLike['log']['entries'][number];
const headerOf = (e: HarEntryLike, name: string) => e.response.headers.find((h) => h.name.toLowerCase() === name)?.value;
const setResponseHeader = (e: HarEntryLike, name: string, value: string) => {
  e.response.headers = [...e.response.headers.filter((h) => h.name.toLowerCase() !== name), { name, value }];
};
const firstTokenOk = (har: HarLike) => har.log.entries.find((e) => isToken(e) && e.response.status === 200)!;

/**
 * An introspection (RFC 7662) of the first token response's access token, inserted after
 * it: active, expiring `lifetime` seconds after that response's Date.
 */
function introspectFirstToken(har: HarLike, lifetime: number): HarLike {
  const token = firstTokenOk(har);
  const at = (JSON.parse(token.response.content.text!) as { access_token: string }).access_token;
  const date = Date.parse(headerOf(token, 'date')!);
  const entry: HarEntry = {
    startedDateTime: new Date(Date.parse(token.startedDateTime) + 5).toISOString(),
    request: { method: 'POST', url: token.request.url.replace(/\/token$/, '/introspect'), headers: token.request.headers.filter((h) => /^(authorization|content-type)$/i.test(h.name)), postData: { text: `token=${encodeURIComponent(at)}` } },
    response: {
      status: 200,
      headers: [{ name: 'content-type', value: 'application/json' }, { name: 'cache-control', value: 'no-store' }, { name: 'Date', value: headerOf(token, 'date')! }],
      content: { mimeType: 'application/json', text: JSON.stringify({ active: true, client_id: 'harness-client', scope: 'read write openid', token_type: 'Bearer', exp: Math.floor(date / 1000) + lifetime }) },
    },
  };
  har.log.entries.splice(har.log.entries.indexOf(token) + 1, 0, entry);
  return har;
}

/** Hand edits: the name of the derived fixture, the recording it starts from, the edit and why. */
export const EDITED: Record<string, { from: string; why: string; edit: (har: HarLike) => HarLike }> = {
  'azure-expires-in-string': {
    from: 'rfc-strict-full',
    why: 'Azure AD v1 sends expires_in as a string ("3600")',
    edit: (har) => editTokenResponses(har, (b) => (b.expires_in = String(b.expires_in))),
  },
  'token-type-missing': {
    from: 'rfc-strict-full',
    why: 'LinkedIn-style token responses without token_type',
    edit: (har) => editTokenResponses(har, (b) => delete b.token_type),
  },
  'salesforce-ip-refused-at-token': {
    from: 'salesforce-refresh-scope',
    why: 'Salesforce refuses the token request of a server outside the login IP ranges: invalid_grant "ip restricted"',
    edit: (har) => refuseFirstToken(har, 400, { error: 'invalid_grant', error_description: 'ip restricted' }),
  },
  'state-changed-on-the-way-back': {
    from: 'rfc-strict-full',
    why: 'the state of the authorization response differs from the request (a forged callback) and the client redeems the code anyway',
    edit: (har) => editCallbacks(har, (url) => url.searchParams.has('state') && url.searchParams.set('state', 'forged-by-an-attacker')),
  },
  'token-type-uppercase-refresh-lifetime': {
    from: 'rfc-strict-full',
    why: 'token_type "BEARER" (a provider that writes it in capitals) and refresh_token_expires_in beside the refresh token (Microsoft, Spotify, GitHub Apps)',
    edit: (har) =>
      editTokenResponses(har, (b) => {
        b.token_type = 'BEARER';
        if (b.refresh_token) b.refresh_token_expires_in = 86400;
      }),
  },
  'expires-unsaid-introspected': {
    from: 'rfc-strict-full',
    why: 'Salesforce: no expires_in in the token responses, but introspection shows the token ends 7200 s after its issue (the session timeout)',
    edit: (har) => introspectFirstToken(editTokenResponses(har, (b) => delete b.expires_in), 7200),
  },
  'clock-ahead-introspected': {
    from: 'rfc-strict-full',
    why: 'introspection shows the token ends 300 s sooner than expires_in said: the provider\'s clock runs 5 minutes ahead',
    edit: (har) => introspectFirstToken(har, 3600 - 300),
  },
  'expired-on-arrival': {
    from: 'rfc-strict-full',
    why: 'the API refuses the token at its first use, a moment after it was issued with expires_in 3600: the provider\'s clock runs an hour or more ahead',
    edit: (har) => {
      const api = har.log.entries.findIndex((e) => new URL(e.request.url).pathname.includes('/api/'));
      const e = har.log.entries[api]!;
      e.response.status = 401;
      e.response.content = { mimeType: 'application/json', text: JSON.stringify({ error: 'invalid_token', error_description: 'The access token expired' }) };
      setResponseHeader(e, 'www-authenticate', 'Bearer error="invalid_token", error_description="The access token expired"');
      har.log.entries = har.log.entries.slice(0, api + 1);
      return har;
    },
  },
  'state-not-echoed': {
    from: 'rfc-strict-full',
    why: 'the provider sends the browser back without the state the request carried (a login detour that lost it), and the client redeems the code anyway',
    edit: (har) => editCallbacks(har, (url) => url.searchParams.delete('state')),
  },
  'client-id-wanted-with-basic': {
    from: 'rfc-strict-full',
    why: 'the client authenticates with Basic only, and the provider wants client_id in the body as well (Atlassian, HubSpot): invalid_request',
    edit: (har) => refuseFirstToken(har, 400, { error: 'invalid_request', error_description: 'client_id is required in the request body' }),
  },
  'slack-error-http-200': {
    from: 'github-wrong-secret',
    why: 'Slack: errors in its own shape, {ok: false, error, warning}, with HTTP 200',
    edit: (har) => {
      // GitHub's token endpoint is …/access_token
      for (const e of har.log.entries.filter((x) => /token$/.test(new URL(x.request.url).pathname))) {
        e.response.status = 200;
        e.response.content = { mimeType: 'application/json', text: JSON.stringify({ ok: false, error: 'invalid_client', warning: 'The client secret is not the one registered' }) };
        setResponseHeader(e, 'content-type', 'application/json');
      }
      return har;
    },
  },
  'hubspot-error-shape': {
    from: 'rotating-reuse',
    why: 'HubSpot: errors as {status, message, correlationId, category}, no error member, at RFC statuses',
    edit: (har) => {
      for (const e of har.log.entries.filter((x) => isToken(x) && x.response.status === 400)) {
        const rfc = JSON.parse(e.response.content.text!) as { error: string; error_description: string };
        e.response.content = { mimeType: 'application/json', text: JSON.stringify({ status: rfc.error, message: rfc.error_description, correlationId: '6b1f0c4e-2d6a-4c1e-9d2b-58a1c1d0e7f3', category: 'VALIDATION_ERROR' }) };
      }
      return har;
    },
  },
  'refresh-scope-beyond-grant': {
    from: 'rotating-reuse',
    why: "Microsoft: offline_access brings a refresh token but is left out of the granted scope; the client (requests-oauthlib, Authlib) sends its login scope again at refresh and the provider refuses it with invalid_scope",
    edit: (har) => {
      const tokens = har.log.entries.filter((e) => isToken(e));
      const [code, first] = [tokens[0]!, tokens[1]!];
      const body = JSON.parse(code.response.content.text!) as Record<string, unknown>;
      code.response.content.text = JSON.stringify({ ...body, scope: 'read' });
      first.request.postData = { ...first.request.postData, text: `${first.request.postData!.text}&scope=read+offline_access` };
      first.response.status = 400;
      first.response.content.text = JSON.stringify({ error: 'invalid_scope', error_description: 'the requested scope exceeds the scope of the grant: offline_access' });
      har.log.entries = har.log.entries.slice(0, har.log.entries.indexOf(first) + 1);
      return har;
    },
  },
  'browser-only': {
    from: 'docusign-body-credentials',
    why: 'a browser recording of a client whose server redeems the code: no token request in the HAR',
    edit: (har) => {
      har.log.entries = har.log.entries.filter((e) => !isToken(e));
      return har;
    },
  },
  'server-side-only': {
    from: 'rfc-strict-full',
    why: 'a recording made on the client\'s server (mitmproxy in front of it): token, API and revocation requests only, no browser traffic',
    edit: (har) => {
      har.log.entries = har.log.entries.filter((e) => isToken(e) || /\/(api|userinfo|revoke)/.test(new URL(e.request.url).pathname));
      return har;
    },
  },
  'several-origins': {
    from: 'google-no-offline',
    why: 'the login on one host and the token endpoint on another (accounts.google.com and oauth2.googleapis.com): the token requests moved to localhost',
    edit: (har) => {
      for (const e of har.log.entries) if (isToken(e)) e.request.url = e.request.url.replace('127.0.0.1', 'localhost');
      return har;
    },
  },
};
