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
    edit: (har) => {
      const i = har.log.entries.findIndex(isToken);
      const e = har.log.entries[i]!;
      e.response.status = 400;
      e.response.content.text = JSON.stringify({ error: 'invalid_grant', error_description: 'ip restricted' });
      har.log.entries = har.log.entries.slice(0, i + 1);
      return har;
    },
  },
  'state-changed-on-the-way-back': {
    from: 'rfc-strict-full',
    why: 'the state of the authorization response differs from the request (a forged callback) and the client redeems the code anyway',
    edit: (har) => {
      const swap = (u: string) => {
        const url = new URL(u);
        if (url.searchParams.has('state')) url.searchParams.set('state', 'forged-by-an-attacker');
        return url.toString();
      };
      for (const e of har.log.entries) {
        if (new URL(e.request.url).pathname === '/callback') e.request.url = swap(e.request.url);
        for (const h of e.response.headers) if (h.name.toLowerCase() === 'location' && h.value.includes('/callback')) h.value = swap(h.value);
        if (e.response.redirectURL?.includes('/callback')) e.response.redirectURL = swap(e.response.redirectURL);
      }
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
