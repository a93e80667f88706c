/** Fingerprinting a profile as `serve` serves it, with the test user and a form login. */
import { startServe } from '../../src/serve/start-serve.js';
import { runFingerprint, type Fingerprint } from '../../src/fingerprint/run-fingerprint.js';

/** The loopback redirect URI every built-in profile registers. */
export const LOOPBACK_REDIRECT = 'http://127.0.0.1:8910/callback';

/** Serves `profile` (a built-in name or a profile file), its switches changed by `switches`, and fingerprints it. */
export async function fingerprintServed(profile: string, o: { switches?: Record<string, unknown>; login?: boolean; endpoints?: Record<string, string>; scopes?: { default?: string; clientCredentials?: string } } = {}): Promise<Fingerprint> {
  const served = await startServe({ profiles: [profile], port: 0, seed: 1 });
  try {
    const i = served.info.issuers[0]!;
    if (o.switches) {
      const res = await fetch(`${served.info.admin}/${i.profile}/switches`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(o.switches) });
      if (!res.ok) throw new Error(`PATCH switches: ${res.status} ${await res.text()}`);
    }
    const scopes = i.clients[0]!.scopes;
    const user = i.users[0]!;
    return await runFingerprint({
      issuer: i.issuer,
      client: { client_id: i.client_id, client_secret: i.client_secret!, redirect_uri: i.redirect_uris.find((r) => r.startsWith('http://127.0.0.1')) ?? i.redirect_uris[0] ?? LOOPBACK_REDIRECT },
      scopes: o.scopes ?? { default: scopes[0], clientCredentials: scopes.slice(0, 2).join(' ') },
      fixtures: { user: { username: user.username, password: user.password } },
      ...(o.login === false ? {} : { login: { kind: 'form' as const, fields: { username: '{{username}}', password: '{{password}}' } } }),
      // endpoint paths under the issuer, given as a user gives those of a server without metadata
      ...(o.endpoints ? { endpoints: Object.fromEntries(Object.entries(o.endpoints).map(([k, path]) => [k, `${i.issuer}${path}`])) } : {}),
    });
  } finally {
    await served.close();
  }
}
