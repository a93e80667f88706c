/**
 * `oauth-harness fingerprint --issuer URL --client-id ID --client-secret S [--redirect-uri U]
 * [--config verify.yaml] [--authorization-endpoint URL --token-endpoint URL …] [--out FILE]
 * [--name NAME] [--list]`: probe a live authorization
 * server and write a profile (the `mocks/profiles` format) that `serve --profile FILE`
 * serves. `--list` prints the probes and what they send, and sends nothing. Without
 * `--out` the profile goes to stdout and the progress to stderr. Exit 0, or 2 on bad
 * input (nothing written).
 */
import { HarnessError } from '../../errors/harness-error.js';
import { prepareOutFile, writeFileAtomic } from '../../import/write-atomic.js';
import { dim } from '../console-output.js';

export interface FingerprintCommandOptions {
  issuer?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  config?: string;
  out?: string;
  name?: string;
  list?: boolean;
  /** A real server to start and probe (`container:oidc-provider`). */
  target?: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  revocationEndpoint?: string;
  introspectionEndpoint?: string;
}

/** The probes as a table: what each sends, at most how many requests, whether it needs a login. */
export async function probeList(): Promise<string> {
  const { PROBES, NOT_PROBED } = await import('../../fingerprint/run-fingerprint.js');
  const { REQUEST_BUDGET } = await import('../../fingerprint/session.js');
  const lines = ['oauth-harness fingerprint sends these requests, in this order (nothing else; at most', `${PROBES.reduce((n, p) => n + p.requests, 0)} requests, stopped at ${REQUEST_BUDGET}):`, ''];
  for (const p of PROBES) {
    lines.push(`  ${p.id.padEnd(20)} ≤ ${String(p.requests).padStart(2)} request${p.requests === 1 ? ' ' : 's'}${p.login ? ' (needs a login)' : ''}`);
    lines.push(`    ${p.sends}`);
    lines.push(`    determines: ${p.infers.join(', ')}`);
  }
  lines.push('', 'Never determined (written as undetermined in the profile):');
  for (const [k, why] of Object.entries(NOT_PROBED)) lines.push(`  ${k}: ${why}`);
  return `${lines.join('\n')}\n`;
}

export async function fingerprintCommand(o: FingerprintCommandOptions): Promise<number> {
  if (o.list) {
    process.stdout.write(await probeList());
    return 0;
  }
  if (o.name !== undefined && !/^[a-z0-9-]+$/.test(o.name)) throw new HarnessError('USAGE', `--name: "${o.name}" is not a profile name (lower-case letters, digits and dashes)`);
  const verify = await import('../../verify/index.js');
  const wrap = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      if (e instanceof verify.VerifyError) {
        const [first, ...rest] = e.message.split('\n');
        throw new HarnessError(e.code === 'DISCOVERY_FAILED' ? 'TARGET_UNREACHABLE' : 'CONFIG_INVALID', first ?? e.message, e.issues.length ? e.issues : rest);
      }
      throw e;
    }
  };
  if (o.target) return fingerprintTarget(o, wrap);
  const file = o.config ? await wrap(() => verify.loadVerifyConfig(o.config!)) : undefined;
  const merged = verify.mergeVerifyFlags(file, { issuer: o.issuer, clientId: o.clientId, clientSecret: o.clientSecret, redirectUri: o.redirectUri });
  // endpoints of a server without metadata: the flags over verify.yaml's `endpoints`
  const flags = { authorization_endpoint: o.authorizationEndpoint, token_endpoint: o.tokenEndpoint, revocation_endpoint: o.revocationEndpoint, introspection_endpoint: o.introspectionEndpoint };
  for (const [member, v] of Object.entries(flags)) {
    if (v !== undefined && !/^https?:\/\//i.test(v)) throw new HarnessError('USAGE', `--${member.replace('_endpoint', '').replace(/_/g, '-')}-endpoint: "${v}" is not an absolute http(s) URL`);
  }
  const endpoints = { ...merged.endpoints, ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) };
  const input = { ...merged, ...(Object.keys(endpoints).length ? { endpoints } : {}) };
  if (!input.issuer) throw new HarnessError('USAGE', 'fingerprint needs --issuer URL (or issuer: in --config)');
  if (!input.client?.client_id || !input.client.client_secret) throw new HarnessError('USAGE', 'fingerprint needs --client-id and --client-secret (or client: in --config)');
  if (o.out) prepareOutFile(o.out);
  const say = (s: string) => (o.out ? process.stdout : process.stderr).write(`${s}\n`);
  const { runFingerprint } = await import('../../fingerprint/run-fingerprint.js');
  const { profileYaml } = await import('../../fingerprint/emit-profile.js');
  say(`oauth-harness fingerprint: ${input.issuer}${input.login ? '' : ' (no login configured: the login probe is skipped)'}`);
  const fp = await wrap(() => runFingerprint({ ...input, onProbe: (p, n) => say(dim(`  ${p.id.padEnd(20)} ${n} request${n === 1 ? '' : 's'}`)) }));
  const yaml = profileYaml(fp, { ...(o.name ? { name: o.name } : {}), secrets: [input.client.client_secret, input.fixtures?.user?.password ?? ''].filter(Boolean) });
  if (o.out) writeFileAtomic(o.out, yaml);
  else process.stdout.write(yaml);
  say(`${fp.requests} requests; ${fp.inferences.length} switches determined, ${fp.unknowns.length} left undetermined (listed in the profile's notes)`);
  if (o.out) say(`wrote ${o.out}: serve it with oauth-harness serve --profile ${o.out}`);
  return 0;
}

/** `--target container:NAME`: starts the server, probes it with the client and user it was set up with, stops it. */
async function fingerprintTarget(o: FingerprintCommandOptions, wrap: <T>(work: () => Promise<T>) => Promise<T>): Promise<number> {
  if (o.issuer || o.clientId || o.config) throw new HarnessError('USAGE', '--target starts the server with its own issuer, client and user: leave out --issuer, --client-id and --config');
  if (o.out) prepareOutFile(o.out);
  const say = (s: string) => (o.out ? process.stdout : process.stderr).write(`${s}\n`);
  const { fingerprintOnTarget } = await import('../../targets/fingerprint-on-target.js');
  const { profileYaml } = await import('../../fingerprint/emit-profile.js');
  const t = await wrap(() => fingerprintOnTarget({ target: o.target!, onStarted: (issuer) => void say(`oauth-harness fingerprint: ${o.target} at ${issuer}`), onProbe: (p, n) => say(dim(`  ${p.id.padEnd(20)} ${n} request${n === 1 ? '' : 's'}`)) }));
  const yaml = profileYaml(t.fingerprint, { ...(o.name ? { name: o.name } : {}), secrets: t.secrets });
  if (o.out) writeFileAtomic(o.out, yaml);
  else process.stdout.write(yaml);
  say(`${t.fingerprint.requests} requests; ${t.fingerprint.inferences.length} switches determined, ${t.fingerprint.unknowns.length} left undetermined (the server was set up to imitate ${t.profile})`);
  if (o.out) say(`wrote ${o.out}: serve it with oauth-harness serve --profile ${o.out}`);
  return 0;
}
