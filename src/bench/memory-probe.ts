/**
 * Section 5b, run as its own process (`node --expose-gc`): a million requests with
 * one-second lifetimes straight into `provider.handle`, the clock moved on as they go,
 * sampling RSS and the store's sizes. Expired codes, tokens and grants must be swept and
 * the recorded-exchange ring must stay bounded, so memory stays flat.
 * Task JSON in argv[2]: `{ "requests": 1000000, "profile": "rotating-refresh" }`.
 */
import { buildProvider } from '../../mocks/profiles.js';
import { createClock } from '../../mocks/provider/clock.js';
import type { ProviderRequest } from '../../mocks/provider/http.js';
import { authorizeAndConsent, basic, call, firstClient } from '../../mocks/testing.js';

export interface MemorySample {
  requests: number;
  rssBytes: number;
  heapUsedBytes: number;
  store: { accessTokens: number; refreshTokens: number; codes: number; grants: number; interactions: number };
  exchanges: number;
}

export interface MemoryProbeResult {
  requests: number;
  seconds: number;
  record: number;
  samples: MemorySample[];
}

const task = JSON.parse(process.argv[2] ?? '{}') as { requests?: number; profile?: string; every?: number };
const total = task.requests ?? 1_000_000;
const every = task.every ?? Math.max(1, Math.floor(total / 10));
const clock = createClock(Date.UTC(2030, 0, 1));
const RECORD = 10_000;
const p = buildProvider({
  profile: task.profile ?? 'rotating-refresh',
  issuer: 'https://oauth-harness.test/p',
  clock,
  record: RECORD,
  switches: { lifetimes: { accessToken: 1, refreshToken: 1, code: 1, clientCredentialsToken: 1, interaction: 1 } },
  clients: [{ client_id: 'harness-client', grant_types: ['authorization_code', 'refresh_token', 'client_credentials'] }],
});
const client = firstClient(p);
const tokenPath = p.context.switches.paths.token;
const auth = basic(client.client_id, client.client_secret!);
const ccRequest = (): ProviderRequest => ({
  method: 'POST',
  url: `${p.issuer}${tokenPath}`,
  path: tokenPath,
  query: new URLSearchParams(),
  headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: auth, accept: 'application/json' },
  body: 'grant_type=client_credentials&scope=read',
  remoteAddress: '127.0.0.1',
});

/** A login, a code exchange and a refresh: 4 requests that create an interaction, a grant, a code, access and refresh tokens. */
async function userFlow(): Promise<number> {
  const redirect_uri = client.redirect_uris[0]!;
  const { location } = await authorizeAndConsent(p, { response_type: 'code', client_id: client.client_id, redirect_uri, scope: 'read' });
  const code = location?.searchParams.get('code');
  if (!code) throw new Error(`no code: ${location}`);
  const t = await call(p, tokenPath, { form: { grant_type: 'authorization_code', code, redirect_uri }, headers: { authorization: auth } });
  if (t.status !== 200) throw new Error(`code exchange: ${t.status} ${t.body}`);
  const r = await call(p, tokenPath, { form: { grant_type: 'refresh_token', refresh_token: t.json.refresh_token }, headers: { authorization: auth } });
  if (r.status !== 200) throw new Error(`refresh: ${r.status} ${r.body}`);
  return 4;
}

function sample(requests: number): MemorySample {
  globalThis.gc?.();
  const s = p.context.store;
  const m = process.memoryUsage();
  return {
    requests,
    rssBytes: m.rss,
    heapUsedBytes: m.heapUsed,
    store: { accessTokens: s.accessTokens.size, refreshTokens: s.refreshTokens.size, codes: s.codes.size, grants: s.grants.size, interactions: s.interactions.size },
    exchanges: p.exchanges.length,
  };
}

const t0 = performance.now();
const samples: MemorySample[] = [sample(0)];
let done = 0;
let nextSample = every;
while (done < total) {
  // 96 client_credentials tokens, then one user flow (4 requests); 100 ms of clock per 100 requests.
  for (let i = 0; i < 96; i++) {
    const res = await p.handle(ccRequest());
    if (res.status !== 200) throw new Error(`client_credentials: ${res.status} ${res.body}`);
  }
  done += 96 + (await userFlow());
  clock.advance(100);
  if (done >= nextSample) {
    samples.push(sample(done));
    nextSample += every;
  }
}
const result: MemoryProbeResult = { requests: done, seconds: (performance.now() - t0) / 1000, record: RECORD, samples };
process.stdout.write(`${JSON.stringify(result)}\n`);
