/** `oauth-harness targets`: where scenarios and `verify` can run, from the server registry, and how much of the catalog each real server runs. */
import { join } from 'node:path';
import { packageRoot } from '../../../mocks/package-root.js';
import { findScenarioFiles, loadScenarios } from '../../scenario/load.js';
import { clientIdNote } from '../../targets/client-id.js';
import { catalogCoverage, type Coverage } from '../../targets/coverage.js';
import { SERVERS } from '../../targets/servers/registry.js';

const yesNo = (b: boolean) => (b ? 'yes' : 'no');
const percent = (n: number, of: number) => `${Math.floor((n / of) * 1000) / 10} %`;

/** The coverage lines: per server, together, and why the rest runs nowhere (each reason names the switch or step). */
export function coverageText(c: Coverage): string[] {
  const lines = [`The built-in catalog on real servers (computed from the registry; nothing is started):`];
  for (const s of c.servers) lines.push(`  container:${s.server} runs ${s.runs} of ${c.total} scenarios`);
  lines.push(`  at least one real server runs ${c.runsSomewhere} of ${c.total} scenarios (${percent(c.runsSomewhere, c.total)})`);
  if (c.nowhere.size) {
    lines.push(`No real server here runs the other ${c.total - c.runsSomewhere}:`);
    for (const [reason, n] of c.nowhere) lines.push(`  ${String(n).padStart(3)}  ${reason}`);
  }
  return lines;
}

export function targetsText(coverage: Coverage = builtInCoverage()): string {
  const row = (name: string, text: string) => `${name.padEnd(26)}${text}`;
  const lines = [row('mock', 'the mock provider over HTTP on 127.0.0.1 (imitates every built-in profile)')];
  for (const s of SERVERS) {
    lines.push(row(`container:${s.name}`, s.title));
    lines.push(row('', `imitates: ${s.imitates.join(', ')}; user can deny: ${yesNo(s.capabilities.deny)}, untick scopes: ${yesNo(s.capabilities.untick)}; resources: ${s.capabilities.resources.join(', ') || 'none'}`));
    const ids = clientIdNote(s);
    if (ids) lines.push(row('', ids));
  }
  lines.push(row('https://issuer.example', 'a server you run: no switches, no clock moves (run, verify)'));
  lines.push('', 'Containers need a Docker engine and the testcontainers package (npm i -D testcontainers).', '', ...coverageText(coverage));
  return `${lines.join('\n')}\n`;
}

/** The coverage of the catalog shipped with the package (`scenarios/`). */
export function builtInCoverage(): Coverage {
  const root = packageRoot();
  return catalogCoverage(loadScenarios(findScenarioFiles([join(root, 'scenarios')]), root));
}
