/**
 * `container:glewlwyd`: Debian's Glewlwyd 2.7 in a container, provisioned with the
 * imitated profile's client (under an id of letters and digits only, its own way: see
 * `../client-id.ts`), scopes and users. Glewlwyd keeps its own ways where no
 * setting changes them (403 without a body for a failed client authentication,
 * `token_type: bearer` in lower case, no new refresh token on refresh unless rotating):
 * scenario failures and parity differences show them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../../mocks/package-root.js';
import { GlewlwydContainer, type GlewlwydClient } from '../containers/glewlwyd/glewlwyd-container.js';
import { chooseProfile, imitationOf, type Imitation } from '../imitation.js';
import type { StartedTarget, StartTargetOptions } from '../started-target.js';
import { glewlwydServer } from '../containers/glewlwyd/definition.js';
import { glewlwydUserAgent, glewlwydVerifyDriver } from '../containers/glewlwyd/glewlwyd-http-login.js';
import { registeredClientId } from '../client-id.js';
import { containerTarget } from './container-target.js';

const GLEWLWYD_IMITATES = glewlwydServer.imitates;

const GLEWLWYD_CAPABILITIES = glewlwydServer.capabilities;

/**
 * The browser `verify` drives through Glewlwyd's JavaScript login page: `OAUTH_HARNESS_CHROMIUM`,
 * else Debian's chromium, else Chrome as GitHub's Ubuntu runners have it; undefined when none is there.
 */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.OAUTH_HARNESS_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/**
 * The login script, as a file a browser session loads: the compiled one under `dist/`, or
 * its TypeScript source when this module runs from source (vitest). Found from the package
 * root, since the bundled command line has no folder per server.
 */
export function glewlwydLoginScript(): string {
  const fromSource = import.meta.url.endsWith('.ts');
  const file = join(packageRoot(), ...(fromSource ? ['src'] : ['dist', 'src']), 'targets', 'containers', 'glewlwyd', `glewlwyd-playwright-login.${fromSource ? 'ts' : 'js'}`);
  if (existsSync(file)) return file;
  throw new Error(`the Glewlwyd login script is missing: ${file}`);
}

/**
 * The clients Glewlwyd is provisioned with for `im`: the imitated client under Glewlwyd's own
 * form of its id (definition.ts `clientId`, ../client-id.ts: `harness-client` →
 * `harnessclient`, the id the reference client then uses), unless the scenario named the id;
 * and, when the id was changed, the profile's id as it is (`literal`), verify's
 * special-characters client (F4, AS-CA-BASIC-FORMDECODE), so Glewlwyd's refusal of it stays visible.
 * Both are registered with the scopes the mock's client registration allows (`im.client.scopes`),
 * not every scope the server knows (`im.scopes`, which adds those the scenario asks for): a
 * scope asked for beyond the registration exists at Glewlwyd and is a real test of what it does.
 */
export function glewlwydClients(im: Pick<Imitation, 'client' | 'clientIdNamed'>): { client: GlewlwydClient; literal?: GlewlwydClient } {
  const clientId = registeredClientId(glewlwydServer.imitation.clientId, { id: im.client.id, named: im.clientIdNamed });
  const as = (id: string): GlewlwydClient => ({ clientId: id, clientSecret: im.client.secret, redirectUris: [...im.client.redirectUris], scopes: [...im.client.scopes] });
  return { client: as(clientId), ...(clientId === im.client.id ? {} : { literal: as(im.client.id) }) };
}

export async function startGlewlwydTarget(o: StartTargetOptions): Promise<StartedTarget> {
  const profile = chooseProfile('container:glewlwyd', GLEWLWYD_IMITATES, o.profile);
  const im = imitationOf(profile, o.seed ?? 1, o.settings, o.changes);
  const [first, ...others] = im.users;
  const { client, literal } = glewlwydClients(im);
  const clientId = client.clientId;
  const builder = new GlewlwydContainer()
    .withClient(client)
    .withExtraScopes(im.scopes)
    .withUser(first!)
    .withRotation(im.rotateRefreshTokens)
    .withTtl({ accessToken: im.lifetimes.accessToken, refreshToken: im.lifetimes.refreshToken, code: im.lifetimes.code });
  for (const u of others) builder.withExtraUser(u);
  if (literal) builder.withExtraClient(literal);
  if (o.baseImage) builder.withBaseImage(o.baseImage);
  const server = await builder.start();
  return containerTarget(server, ({ issuer, metadata, stop }) => {
    const browser = chromiumPath();
    return {
      label: 'container:glewlwyd',
      issuer,
      metadata,
      client: { ...im.client, id: clientId, scopes: [...im.client.scopes, server.getScope()] },
      users: new Map(im.users.map((u) => [u.username, u])),
      profileLike: [profile],
      imitation: glewlwydServer.imitation,
      capabilities: GLEWLWYD_CAPABILITIES,
      userAgent: glewlwydUserAgent(),
      now: () => Date.now(),
      verifyConfig: () => ({
        issuer,
        client: { client_id: clientId, client_secret: im.client.secret, redirect_uri: im.client.redirectUri },
        // OpenID requests (the OP-DISC rows add `openid`) carry a nonce, which Glewlwyd requires.
        scopes: { default: im.client.scopes[0], refresh: im.client.scopes.slice(0, 2).join(' '), clientCredentials: server.getScope() },
        fixtures: {
          user: { username: first!.username, password: first!.password },
          ...(literal ? { specialCharsClient: { client_id: literal.clientId, client_secret: literal.clientSecret } } : {}),
        },
        // for users of verifyConfig() alone (the CLI's --config): the browser login; verifyOnTarget signs in over HTTP
        ...(browser ? { login: { kind: 'playwright' as const, script: glewlwydLoginScript(), executablePath: browser } } : {}),
        propagationSeconds: 2,
      }),
      // Glewlwyd's login page only calls its login API: sign in over HTTP, no browser needed
      verifyUserAgent: () => glewlwydVerifyDriver({ user: { username: first!.username, password: first!.password } }),
      stop,
    };
  });
}
