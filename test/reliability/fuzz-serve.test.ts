/**
 * Seeded fuzzing of `oauth-harness serve` (the built CLI, as a process: `npm test` builds
 * first). 10,000 requests, bounded in count, against every issuer of the nine profiles,
 * the admin API and unknown paths, well-formed and hostile alike (oversized bodies,
 * alias bombs, invalid UTF-8, `[` × 50,000, absolute-form targets, broken request lines).
 *
 * Asserted: the server never answers 5xx and never dies; the token, revocation and
 * introspection endpoints of RFC-style issuers answer every 4xx with an RFC 6749 §5.2
 * JSON error; the server's resident memory stays bounded; and it still answers
 * discovery afterwards. Replay a failure with `FUZZ_SEED=<seed>`.
 *
 * The work is a number of requests (FUZZ_COUNT), never a duration, and nothing asserted
 * depends on the clock: a loaded machine makes it slower (about 23 s at a load average of
 * 11 on 2 cores), not different. The timeouts only catch a server that hangs: a connection
 * silent for a minute (`IDLE_MS` in fuzz.ts), the whole test after 10 minutes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuzzGenerator, rssOf, send, type FuzzIssuer, type FuzzRequest, type FuzzResponse } from './fuzz.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'oauth-harness.js');
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const CONCURRENCY = 16;
/** What the server may hold after all of it (it starts at about 55 MB). */
const RSS_LIMIT = 250 * 1024 * 1024;
const PROFILES = ['rfc-strict', 'google-like', 'docusign-like', 'facebook-like', 'github-like', 'salesforce-like', 'billing-like', 'rotating-refresh', 'identity-service-like'];
/** Issuers the admin requests change (switches, loaded scenarios): their error style may change under the fuzzer. */
const ADMIN_TARGETS = ['billing-like', 'rotating-refresh'];
/** Profiles whose errors are not RFC 6749 §5.2 JSON on purpose. */
const OWN_ERROR_STYLE = new Set(['facebook-like', 'github-like']);
const OAUTH_ENDPOINTS = new Set(['token', 'revocation', 'introspection']);
const ERROR_CHARS = /^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/;

let child: ChildProcess;
let origin = '';
let issuers: FuzzIssuer[] = [];

beforeAll(async () => {
  child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--json', ...PROFILES.flatMap((p) => ['--profile', p])], { stdio: ['ignore', 'pipe', 'pipe'] });
  const info = await new Promise<any>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  origin = info.origin;
  issuers = await Promise.all(
    info.issuers.map(async (i: any): Promise<FuzzIssuer> => {
      const doc = (await (await fetch(i.discovery)).json()) as Record<string, string>;
      const rel = (url: string | undefined) => (url ? url.slice(i.issuer.length) : undefined);
      const paths: Record<string, string> = {
        authorize: rel(i.authorization_endpoint)!,
        decision: `${rel(i.authorization_endpoint)}/decision`,
        token: rel(i.token_endpoint)!,
        jwks: rel(doc.jwks_uri)!,
        discovery: rel(i.discovery)!,
        api: '/api/0/odata/Account',
        selectQuery: '/api/0/DataService/json/SyncReply/SelectQuery',
        basicWs: '/api/ws/basic/Account',
      };
      for (const [name, url] of [['revocation', doc.revocation_endpoint], ['introspection', doc.introspection_endpoint], ['userinfo', doc.userinfo_endpoint]] as const) if (url) paths[name] = rel(url)!;
      return { profile: i.profile, issuer: i.issuer, client_id: i.client_id, client_secret: i.client_secret, redirect_uris: i.redirect_uris, paths };
    }),
  );
}, 120_000);

afterAll(() => {
  child?.kill('SIGKILL');
});

/** What is wrong with one answer, or undefined. */
function problem(q: FuzzRequest, r: FuzzResponse | undefined): string | undefined {
  if (!r) return q.raw ? undefined : 'no answer (connection closed)';
  if (r.status >= 500) return `HTTP ${r.status}: ${r.body.slice(0, 200)}`;
  if (q.profile && OAUTH_ENDPOINTS.has(q.kind) && !OWN_ERROR_STYLE.has(q.profile) && !ADMIN_TARGETS.includes(q.profile) && r.status >= 400 && q.method !== 'HEAD') {
    if (!String(r.headers['content-type'] ?? '').startsWith('application/json')) return `an OAuth error (${r.status}) that is not JSON: ${r.headers['content-type']}`;
    let body: { error?: unknown; error_description?: unknown };
    try {
      body = JSON.parse(r.body);
    } catch {
      return `an OAuth error (${r.status}) whose body is not JSON: ${r.body.slice(0, 100)}`;
    }
    if (typeof body.error !== 'string' || !/^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/.test(body.error)) return `no RFC 6749 §5.2 error code: ${r.body.slice(0, 100)}`;
    if (body.error_description !== undefined && (typeof body.error_description !== 'string' || !ERROR_CHARS.test(body.error_description))) return `error_description outside RFC 6749 §5.2's characters: ${r.body.slice(0, 200)}`;
  }
  return undefined;
}

describe(`serve under ${COUNT} seeded hostile requests (seed ${SEED})`, () => {
  it('never answers 5xx or dies, answers OAuth errors as RFC 6749 §5.2 JSON, and keeps its memory bounded', async () => {
    const gen = new FuzzGenerator(SEED, origin, issuers, ADMIN_TARGETS);
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    let peak = 0;
    const started = performance.now();
    const worker = async () => {
      while (sent < COUNT) {
        const n = sent++;
        const q = gen.next();
        const r = await send(origin, agent, q);
        if (r) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        const p = problem(q, r);
        if (p && failures.length < 25) failures.push(`#${n} ${q.method} ${q.target || q.raw?.toString('latin1').slice(0, 80)} [${q.kind}${q.profile ? ` ${q.profile}` : ''}] ${q.body ? `(${q.body.length} bytes: ${q.body.toString('latin1').slice(0, 60)}) ` : ''}→ ${p}`);
        if (n % 500 === 0) peak = Math.max(peak, await rssOf(child.pid!));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, await rssOf(child.pid!));
    agent.destroy();
    console.log(`fuzz: ${COUNT} requests in ${seconds.toFixed(1)} s (seed ${SEED}), peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
    expect(failures).toEqual([]);
    expect(child.exitCode).toBeNull();
    expect(peak).toBeLessThan(RSS_LIMIT);
    const after = await fetch(`${issuers[0]!.issuer}/.well-known/openid-configuration`);
    expect(after.status).toBe(200);
  }, 600_000);
});
