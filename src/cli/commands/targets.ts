/** `oauth-harness targets`: where scenarios and `verify` can run, from the server registry. */
import { SERVERS } from '../../targets/servers/registry.js';

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

export function targetsText(): string {
  const row = (name: string, text: string) => `${name.padEnd(26)}${text}`;
  const lines = [row('mock', 'the mock provider over HTTP on 127.0.0.1 (imitates every built-in profile)')];
  for (const s of SERVERS) {
    lines.push(row(`container:${s.name}`, s.title));
    lines.push(row('', `imitates: ${s.imitates.join(', ')}; user can deny: ${yesNo(s.capabilities.deny)}, untick scopes: ${yesNo(s.capabilities.untick)}; resources: ${s.capabilities.resources.join(', ') || 'none'}`));
  }
  lines.push(row('https://issuer.example', 'a server you run: no switches, no clock moves (run, verify)'));
  lines.push('', 'Containers need a Docker engine and the testcontainers package (npm i -D testcontainers).');
  return `${lines.join('\n')}\n`;
}
