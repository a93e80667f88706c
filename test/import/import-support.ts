/**
 * Helpers for the import's tests: read a HAR fixture, edit it, import it, run the
 * generated scenario independently of the import's own check, and list the secrets a
 * HAR carries (found here by a separate reading, not by the redaction under test).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { importRecording, type ImportResult } from '../../src/import/import-recording.js';
import type { CaseResult } from '../../src/results/model.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { loadScenario } from '../../src/scenario/load.js';
import { FIXTURE_DIR, type HarLike } from './har-fixtures.js';

export const fixturePath = (name: string) => fileURLToPath(new URL(`${name}.har`, FIXTURE_DIR));

export function readHar(name: string): HarLike {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8')) as HarLike;
}

/** Imports a HAR given as data (written to a temporary file first). */
export async function importHar(har: HarLike, name = 'edited', o: { check?: boolean } = {}): Promise<ImportResult> {
  const dir = mkdtempSync(join(tmpdir(), 'import-test-'));
  try {
    const file = join(dir, `${name}.har`);
    writeFileSync(file, JSON.stringify(har));
    return await importRecording({ file, display: `${name}.har`, check: o.check ?? false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The value the import inferred for a path (`clientAuth.methods`, `client.credentials`), or undefined. */
export function inferred(r: ImportResult, path: string): unknown {
  return r.inferences.find((i) => i.path.join('.') === path)?.value;
}

/** Runs generated scenario text the way `oauth-harness run` would (load, validate, run on the mock). */
export async function runGenerated(yamlText: string, id: string): Promise<CaseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'import-run-'));
  try {
    const file = join(dir, `${id}.yaml`);
    writeFileSync(file, yamlText);
    return await runScenario(loadScenario(file, dir), { seed: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The generated scenario as data. */
export function scenarioOf(r: ImportResult): any {
  return parse(r.yaml);
}

const SECRET_NAMES = ['client_secret', 'code', 'code_verifier', 'access_token', 'refresh_token', 'id_token', 'password', 'token'];

/** Every secret value a HAR carries: secret parameters, JSON members, credentials in headers, cookies. */
export function secretsIn(har: HarLike): string[] {
  const out = new Set<string>();
  const params = (p: URLSearchParams) => {
    for (const n of SECRET_NAMES) for (const v of p.getAll(n)) out.add(v);
  };
  for (const e of har.log.entries) {
    const url = new URL(e.request.url);
    params(url.searchParams);
    if (e.request.postData?.text) params(new URLSearchParams(e.request.postData.text));
    for (const h of [...e.request.headers, ...e.response.headers]) {
      const name = h.name.toLowerCase();
      if (name === 'authorization') {
        const [scheme, value = ''] = h.value.split(' ');
        out.add(value);
        if (scheme?.toLowerCase() === 'basic') out.add(decodeURIComponent(Buffer.from(value, 'base64').toString().split(':')[1] ?? ''));
      }
      if (name === 'cookie' || name === 'set-cookie') out.add(h.value);
      if (name === 'location') params(new URL(h.value, e.request.url).searchParams);
    }
    const text = e.response.content.text ?? '';
    try {
      const body = JSON.parse(text) as Record<string, unknown>;
      for (const n of SECRET_NAMES) if (typeof body[n] === 'string') out.add(body[n] as string);
    } catch {
      /* not JSON */
    }
  }
  return [...out].filter((s) => s.length >= 8);
}
