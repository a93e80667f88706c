/**
 * A deliberately broken authorization server for unit tests: a node:http server on
 * 127.0.0.1 that is conformant until quirks are switched on, one per deviation
 * (`setQuirks(['no-cache-control'])`). Each check is shown failing against the quirk
 * that names its requirement, and passing without it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FIXTURE_CLIENTS } from './oidc-provider/clients.js';
import type { VerifyOptions } from '../../src/verify/run-verify.js';
import { authorizeEndpoint, consentPage, consentSubmit, loginPage, loginSubmit } from './broken-as/authorize.js';
import { html, json, readReq } from './broken-as/http.js';
import { jwks, oauthMetadata, openidConfiguration } from './broken-as/metadata.js';
import type { Quirk } from './broken-as/quirks.js';
import { resourceEndpoint } from './broken-as/resource.js';
import { registrationEndpoint } from './broken-as/registration.js';
import { introspectionEndpoint, revocationEndpoint } from './broken-as/revocation.js';
import { AsState, OTHER_AUDIENCE, RS_AUDIENCE, USER } from './broken-as/state.js';
import { tokenEndpoint } from './broken-as/token.js';

export type { Quirk } from './broken-as/quirks.js';
export { QUIRKS } from './broken-as/quirks.js';

export interface BrokenAs {
  /** Issuer (`http://127.0.0.1:<port>`). */
  readonly issuer: string;
  /** Replace the active quirks and forget all grants. */
  setQuirks(quirks: readonly Quirk[]): void;
  /** `runVerify` options with every fixture of this server configured. */
  verifyOptions(overrides?: Partial<VerifyOptions>): VerifyOptions;
  close(): Promise<void>;
}

type Handler = (state: AsState, req: Awaited<ReturnType<typeof readReq>>, res: import('node:http').ServerResponse) => void | Promise<void>;

const ROUTES: Record<string, Handler> = {
  '/.well-known/oauth-authorization-server': oauthMetadata,
  '/.well-known/openid-configuration': openidConfiguration,
  '/jwks': jwks,
  '/authorize': authorizeEndpoint,
  '/token': tokenEndpoint,
  '/revoke': revocationEndpoint,
  '/introspect': introspectionEndpoint,
  '/register': registrationEndpoint,
  '/api/resource': resourceEndpoint,
  '/userinfo': (_s, _q, res) => json(res, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer realm="broken-as"' }),
};

/** Start the server on a random loopback port. */
export async function startBrokenAs(): Promise<BrokenAs> {
  let state: AsState | undefined;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const r = await readReq(req, `http://${req.headers.host ?? '127.0.0.1'}`);
      const s = state!;
      const path = r.url.pathname;
      try {
        if (path === '/login') return r.method === 'POST' ? loginSubmit(s, r, res) : loginPage(s, r, res);
        if (path === '/consent') return r.method === 'POST' ? await consentSubmit(s, r, res) : consentPage(s, r, res);
        const handler = ROUTES[path];
        if (!handler) return html(res, 404, '<p>not found</p>');
        await handler(s, r, res);
      } catch (e) {
        res.statusCode = 500;
        res.end(String(e));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state = await AsState.create(issuer);
  const current = state;
  return {
    issuer,
    setQuirks(quirks) {
      current.quirks = new Set(quirks);
      current.reset();
    },
    verifyOptions(overrides = {}) {
      return {
        issuer,
        plan: 'bcp',
        client: { client_id: 'client-1', client_secret: 'secret-1', redirect_uri: 'https://client.example/cb' },
        scopes: { default: 'openid', refresh: 'openid offline_access a b', extra: 'email', clientCredentials: 'api a' },
        fixtures: {
          ...FIXTURE_CLIENTS,
          user: USER,
          resourceServer: {
            url: `${issuer}/api/resource`,
            scope: 'api',
            insufficientScope: 'a',
            resource: RS_AUDIENCE,
            foreignResource: OTHER_AUDIENCE,
            introspectionClient: { client_id: 'rs-1', client_secret: 'secret-rs' },
          },
          registration: {},
        },
        login: { kind: 'form', fields: { username: '{{username}}', password: '{{password}}' } },
        lifetimes: { code: current.lifetimes.code, accessToken: current.lifetimes.accessToken, leeway: 0.5 },
        propagationSeconds: 0.5,
        ...overrides,
      };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
