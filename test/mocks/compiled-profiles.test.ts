/**
 * Compiled profiles (`dist/mocks/profiles.json`, written by `npm run build`): `serve`
 * builds the same provider from them as from the YAML, drops them when stale, and so
 * starts without zod, yaml or faker.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtInProvider, COMPILED_SEED, compiledProfile, currentCompiled } from '../../mocks/compiled-profiles.js';
import { packageRoot } from '../../mocks/package-root.js';
import { profileSource } from '../../mocks/profile-files.js';
import { buildProvider, compileProfile, listProfiles, loadProfile } from '../../mocks/profiles.js';
import type { MockProvider } from '../../mocks/provider/provider.js';

const ISSUER = 'https://oauth-harness.test/p';
const shape = (p: MockProvider) => ({ switches: p.context.switches, clients: [...p.context.clients.values()], users: [...p.context.users.values()] });

describe('compiled profiles', () => {
  it.each(listProfiles())('%s: the build compiled it from the current YAML', (name) => {
    expect(compiledProfile(name, COMPILED_SEED)).toEqual(compileProfile(name, COMPILED_SEED));
  });

  it.each(listProfiles())('%s: the build\'s loadProfile reads the compiled profile, equal to the YAML checked now (nothing lost in JSON)', async (name) => {
    const dist = (await import(pathToFileURL(join(packageRoot(), 'dist', 'mocks', 'profiles.js')).href)) as typeof import('../../mocks/profiles.js');
    const fromYaml = loadProfile(name);
    expect(compiledProfile(name, COMPILED_SEED)!.profile).toStrictEqual(fromYaml);
    expect(dist.loadProfile(name)).toStrictEqual(fromYaml);
  });

  it.each(listProfiles())('%s: the provider serve builds equals buildProvider from the YAML', async (name) => {
    const fast = await builtInProvider({ profile: name, issuer: ISSUER, seed: COMPILED_SEED });
    expect(shape(fast)).toEqual(shape(buildProvider({ profile: name, issuer: ISSUER, seed: COMPILED_SEED })));
  });

  it('a changed YAML text or another seed is not served from the compiled file', () => {
    const c = compileProfile('rfc-strict', COMPILED_SEED);
    const text = profileSource('rfc-strict');
    expect(currentCompiled(c, text, COMPILED_SEED)).toEqual(c);
    expect(currentCompiled(c, `${text}\n# edited\n`, COMPILED_SEED)).toBeUndefined();
    expect(currentCompiled(c, text, COMPILED_SEED + 1)).toBeUndefined();
  });

  it('another seed is built from the YAML, with that seed\'s secrets and users', async () => {
    const p = await builtInProvider({ profile: 'rfc-strict', issuer: ISSUER, seed: 7 });
    expect(shape(p)).toEqual(shape(buildProvider({ profile: 'rfc-strict', issuer: ISSUER, seed: 7 })));
    expect(shape(p).clients[0]!.client_secret).not.toBe(compiledProfile('rfc-strict', COMPILED_SEED)!.clients[0]!.client_secret);
  });

  it('copies: a change to one provider\'s clients does not reach the next', async () => {
    const a = await builtInProvider({ profile: 'rfc-strict', issuer: ISSUER, seed: COMPILED_SEED });
    [...a.context.clients.values()][0]!.redirect_uris.push('https://extra.test/cb');
    expect(compiledProfile('rfc-strict', COMPILED_SEED)!.clients[0]!.redirect_uris).not.toContain('https://extra.test/cb');
  });

  it('serve answers discovery without loading zod, yaml or faker', async () => {
    // A resolve hook logs every module the serve process loads.
    const hook = `data:text/javascript,${encodeURIComponent(
      "import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent('export async function resolve(s, c, n) { const r = await n(s, c); process.stderr.write(\"LOADED \" + r.url + \"\\\\n\"); return r; }'));",
    )}`;
    const bin = join(packageRoot(), 'bin', 'oauth-harness.js');
    const child = spawn(process.execPath, ['--import', hook, bin, 'serve', '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const loaded: string[] = [];
    createInterface({ input: child.stderr }).on('line', (l) => l.startsWith('LOADED ') && loaded.push(l.slice(7)));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      const { issuers } = JSON.parse(line) as { issuers: { discovery: string }[] };
      expect((await fetch(issuers[0]!.discovery)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    // the bundled command line (decision 024), each dependency in a chunk named after it
    expect(loaded.some((u) => u.startsWith(pathToFileURL(join(packageRoot(), 'dist', 'cli')).href))).toBe(true);
    expect(loaded.filter((u) => /node_modules\/(zod|yaml|@faker-js)\/|\/chunks\/vendor-(zod|faker-js-faker)-/.test(u))).toEqual([]);
  });
});
