/**
 * `oauth-harness serve --profile NAME… [--port N]`: the mock provider as a standalone
 * HTTP server on 127.0.0.1, one issuer per profile at `http://127.0.0.1:PORT/<profile>`,
 * with the admin API at `/_admin` (src/serve/admin-api.ts).
 */
import { HarnessError } from '../../errors/harness-error.js';
import { startServe, type ServeInfo } from '../../serve/start-serve.js';
import { parseSeed } from '../parse-seed.js';

export type { ServeInfo } from '../../serve/start-serve.js';

export interface ServeOptions {
  profile: string[];
  port: string;
  host: string;
  json?: boolean;
  seed: string;
  redirectUri?: string[];
  /** How many exchanges each issuer keeps for the admin API (0 = none, for load tests). */
  record?: string;
  /** The largest request body read, in bytes. */
  maxBody?: string;
  /** Host names the admin API answers besides loopback names (repeatable). */
  allowedHost?: string[];
  /** A token the admin API requires (`Authorization: Bearer …`). */
  adminToken?: string;
  /** The origin issuers are published under (a container's published port, a compose service name). */
  publicUrl?: string;
}

export async function serveCommand(o: ServeOptions): Promise<{ close: () => Promise<void>; info: ServeInfo }> {
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new HarnessError('USAGE', `--port: expected a port number, got "${o.port}"`);
  const seed = parseSeed(o.seed);
  const record = o.record === undefined ? 1000 : Number(o.record);
  if (!Number.isInteger(record) || record < 0) throw new HarnessError('USAGE', `--record: expected a whole number ≥ 0, got "${o.record}"`);
  const maxBody = o.maxBody === undefined ? undefined : Number(o.maxBody);
  if (maxBody !== undefined && (!Number.isInteger(maxBody) || maxBody < 1)) throw new HarnessError('USAGE', `--max-body: expected a whole number of bytes ≥ 1, got "${o.maxBody}"`);
  return startServe({ profiles: o.profile, port, host: o.host, seed, record, redirectUris: o.redirectUri ?? [], maxBody, allowedHosts: o.allowedHost ?? [], adminToken: o.adminToken ?? process.env.OAUTH_HARNESS_ADMIN_TOKEN, ...(o.publicUrl !== undefined ? { publicUrl: o.publicUrl } : {}) }, '--');
}

/** Prints the start-up banner. Client secrets are printed here on purpose: they are the mock's test credentials. */
export function printServeInfo(info: ServeInfo, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(info)}\n`);
    return;
  }
  const lines = [`oauth-harness serve: listening on ${info.origin} (admin API: ${info.admin})`];
  for (const i of info.issuers) {
    lines.push(
      '',
      `  ${i.profile}`,
      `    issuer:        ${i.issuer}`,
      `    discovery:     ${i.discovery}`,
      `    authorize:     ${i.authorization_endpoint}`,
      `    token:         ${i.token_endpoint}`,
      ...(i.revocation_endpoint ? [`    revocation:    ${i.revocation_endpoint}`] : []),
      `    client_id:     ${i.client_id}`,
      `    client_secret: ${i.client_secret ?? '(public client)'}`,
      `    redirect_uris: ${i.redirect_uris.join(' ')}`,
      `    users:         ${i.users.map((u) => `${u.username} / ${u.password}`).join(', ')}`,
    );
  }
  lines.push('', 'Press Ctrl+C to stop.');
  process.stdout.write(`${lines.join('\n')}\n`);
}
