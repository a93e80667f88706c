import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { buildProvider } from '../../mocks/profiles.js';
import { startNodeHttpServer } from '../../mocks/transports/node-http.js';
import { runVerify } from '../../src/verify/index.js';
import { profileFixtureClients, shortLifetimeSwitches, verifyOptionsForProfile } from '../../src/verify/profiles/options.js';
import { deepMerge } from '../../mocks/provider/merge.js';
import { createClock } from '../../mocks/provider/clock.js';
const profiles = (process.env.PROFILES ?? 'rfc-strict').split(',');
const extra = process.env.EXTRA ? JSON.parse(process.env.EXTRA) : {};
it('explore', async () => {
  const server = await startNodeHttpServer({ port: 0 });
  const out: string[] = [];
  await Promise.all(profiles.map(async (profile) => {
    const p = buildProvider({ profile, issuer: `${server.origin}/${profile}`, seed: 1, clock: createClock(Date.now(), true), switches: deepMerge(shortLifetimeSwitches(profile), extra), clients: profileFixtureClients(profile) });
    server.mount(p);
    const t0 = Date.now();
    const r = await runVerify(verifyOptionsForProfile(p));
    out.push(`=== ${profile} duration ${Date.now() - t0}`);
    for (const c of r.cases) if (c.verdict !== 'passed') out.push(`${c.verdict.padEnd(9)} ${String(c.severity).padEnd(8)} ${c.id.padEnd(36)} ${(c.message ?? '').slice(0, 400).replace(/\n/g, ' | ')}`);
    out.push(JSON.stringify(r.summary));
    if (process.env.DUMP) writeFileSync(`/tmp/verify-${profile}.json`, JSON.stringify(r, null, 1));
  }));
  writeFileSync('/tmp/explore.out', out.join('\n'));
  await server.close();
}, 600_000);
