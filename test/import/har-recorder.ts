/**
 * Recording real HAR files for the import's tests: chromium (playwright-core, Debian's
 * /usr/bin/chromium) with Playwright's `recordHar` signs in at a mock provider served
 * by `serve` on loopback, through a small single-page client on another loopback port
 * that does the whole flow from the browser: authorization request, code exchange,
 * API calls, refreshes, revocation. Chromium runs with `--disable-web-security` so the
 * page may call the provider's token endpoint across origins (the mock sends no CORS
 * headers); every request is then in one HAR, as a devtools "Save all as HAR" of a
 * browser-based client would have it.
 *
 * A flow that lets time pass asks the admin API to advance the provider's clock; the
 * recorder then takes that request out of the HAR and moves the later entries' start
 * times by as much, as a recording made over real time would show.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { startServe } from '../../src/serve/start-serve.js';
import { CHROMIUM_ARGS } from '../../src/user-agent/playwright-login.js';

export const CHROMIUM = '/usr/bin/chromium';

/** What the page does after the authorization response. */
export type AfterStep = 'api' | 'userinfo' | 'refresh' | 'refresh-old' | 'revoke-refresh' | 'revoke-access' | { advance: string };

export interface FlowPlan {
  profile: string;
  /** Where the client puts its credentials at the token endpoint. */
  placement: 'basic' | 'body' | 'get';
  scope: string;
  /** Extra authorization request parameters. */
  extra?: Record<string, string>;
  pkce?: boolean;
  /** Send `Accept: application/json` on token requests (default true). */
  acceptJson?: boolean;
  /** A secret other than the registered one. */
  wrongSecret?: string;
  /** What the user does at consent. */
  untick?: string[];
  deny?: boolean;
  /** Connect again afterwards, once per entry, with these extra parameters (later logins). */
  again?: Record<string, string>[];
  after?: AfterStep[];
  /** Switch overrides set through the admin API before the flow (not part of the recording). */
  switches?: Record<string, unknown>;
  /** Send a redirect URI the provider has not registered. */
  unregisteredRedirect?: boolean;
}

const PAGE = String.raw`<!doctype html><html><head><meta charset="utf-8"><title>client</title></head><body><pre id="log"></pre><script>
const log = (m) => { document.getElementById('log').textContent += m + '\n'; };
const b64url = (buf) => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const rand = () => b64url(crypto.getRandomValues(new Uint8Array(32)));
const form = (o) => new URLSearchParams(o).toString();
async function start(plan) {
  const state = rand(); const verifier = rand();
  sessionStorage.setItem('pending', JSON.stringify({ state, verifier }));
  const u = new URL(plan.authorize);
  u.searchParams.set('response_type', 'code'); u.searchParams.set('client_id', plan.client_id);
  u.searchParams.set('redirect_uri', plan.redirect_uri); if (plan.scope) u.searchParams.set('scope', plan.scope);
  u.searchParams.set('state', state);
  if (plan.pkce) { u.searchParams.set('code_challenge', b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)))); u.searchParams.set('code_challenge_method', 'S256'); }
  for (const [k, v] of Object.entries(plan.extra || {})) u.searchParams.set(k, v);
  location.assign(u.toString());
}
async function token(plan, params) {
  const headers = {}; if (plan.acceptJson !== false) headers.accept = 'application/json';
  const secret = plan.wrongSecret || plan.client_secret;
  let res;
  if (plan.placement === 'get') {
    const u = new URL(plan.token); for (const [k, v] of Object.entries({ ...params, client_id: plan.client_id, client_secret: secret })) u.searchParams.set(k, v);
    res = await fetch(u, { headers });
  } else {
    const body = { ...params };
    if (plan.placement === 'basic') headers.authorization = 'Basic ' + btoa(encodeURIComponent(plan.client_id) + ':' + encodeURIComponent(secret));
    else { body.client_id = plan.client_id; body.client_secret = secret; }
    headers['content-type'] = 'application/x-www-form-urlencoded';
    res = await fetch(plan.token, { method: 'POST', headers, body: form(body) });
  }
  const text = await res.text();
  let fields = {}; try { fields = JSON.parse(text); } catch { fields = Object.fromEntries(new URLSearchParams(text)); }
  log('token ' + res.status);
  return fields;
}
async function callback(plan) {
  const q = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem('pending') || '{}');
  if (q.get('error')) { log('error ' + q.get('error')); return; }
  const params = { grant_type: 'authorization_code', code: q.get('code'), redirect_uri: plan.redirect_uri };
  if (plan.pkce) params.code_verifier = pending.verifier;
  let t = await token(plan, params);
  if (!t.access_token) return;
  const rts = t.refresh_token ? [t.refresh_token] : [];
  for (const step of plan.after || []) {
    if (step === 'api' || step === 'userinfo') {
      const res = await fetch(step === 'api' ? plan.api : plan.userinfo, { headers: { authorization: 'Bearer ' + t.access_token, accept: 'application/json' } });
      log(step + ' ' + res.status);
    } else if (step === 'refresh' || step === 'refresh-old') {
      const rt = step === 'refresh' ? rts[rts.length - 1] : rts[0];
      const n = await token(plan, { grant_type: 'refresh_token', refresh_token: rt });
      if (n.access_token) t = { ...t, access_token: n.access_token };
      if (n.refresh_token && !rts.includes(n.refresh_token)) rts.push(n.refresh_token);
    } else if (step === 'revoke-refresh' || step === 'revoke-access') {
      const headers = { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic ' + btoa(encodeURIComponent(plan.client_id) + ':' + encodeURIComponent(plan.client_secret)) };
      const tok = step === 'revoke-refresh' ? rts[rts.length - 1] : t.access_token;
      const res = await fetch(plan.revoke, { method: 'POST', headers, body: form({ token: tok, token_type_hint: step === 'revoke-refresh' ? 'refresh_token' : 'access_token' }) });
      log('revoke ' + res.status);
    } else if (step.advance) {
      await fetch(plan.admin + '/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance: step.advance }) });
      log('advanced ' + step.advance);
    }
  }
}
const plan = location.hash ? JSON.parse(decodeURIComponent(location.hash.slice(1))) : JSON.parse(sessionStorage.getItem('plan') || 'null');
sessionStorage.setItem('plan', JSON.stringify(plan));
(location.pathname === '/callback' ? callback(plan) : start(plan)).then(() => { if (location.pathname === '/callback') log('done'); }, (e) => log('failed ' + e));
</script></body></html>`;

function startPageServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/favicon')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(PAGE);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/** Parses `2h`, `20m`, `90s` into milliseconds. */
function ms(d: string): number {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(d);
  if (!m) throw new Error(`bad duration ${d}`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms'];
}

/** Records one flow into `file` (a HAR 1.2 with embedded bodies). */
export async function recordFlow(plan: FlowPlan, file: string): Promise<void> {
  const page = await startPageServer();
  const redirect = `${page.origin}/callback`;
  const served = await startServe({ profiles: [plan.profile], port: 0, seed: 1, redirectUris: [redirect] });
  const issuer = served.info.issuers[0]!;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, '--disable-web-security'] });
  try {
    const context = await browser.newContext({ recordHar: { path: file, content: 'embed', mode: 'full' } });
    const tab = await context.newPage();
    tab.setDefaultTimeout(10_000);
    const user = issuer.users[0]!;
    const clientPlan = {
      ...plan,
      authorize: issuer.authorization_endpoint,
      token: issuer.token_endpoint,
      revoke: issuer.revocation_endpoint,
      api: `${issuer.issuer}/api/0/odata/Account`,
      userinfo: `${issuer.issuer}/userinfo`,
      admin: served.info.admin,
      client_id: issuer.client_id,
      client_secret: issuer.client_secret,
      redirect_uri: plan.unregisteredRedirect ? `${page.origin}/elsewhere/callback` : redirect,
    };
    if (plan.switches) {
      const res = await fetch(`${served.info.admin}/${plan.profile}/switches`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(plan.switches) });
      if (!res.ok) throw new Error(`PATCH switches: ${res.status} ${await res.text()}`);
    }
    const login = async (extra: Record<string, string> | undefined) => {
      await tab.goto(`${page.origin}/#${encodeURIComponent(JSON.stringify({ ...clientPlan, extra: { ...plan.extra, ...extra } }))}`);
      await tab.waitForURL((u) => !u.toString().startsWith(page.origin));
      if (await tab.locator('form#login').count()) {
        await tab.fill('input[name=username]', user.username);
        await tab.fill('input[name=password]', user.password);
        for (const s of plan.untick ?? []) await tab.uncheck(`input[name=scope][value="${s}"]`);
        await tab.click(plan.deny ? 'button[value=deny]' : 'button[value=allow]');
      }
      if (tab.url().startsWith(page.origin) || (await tab.locator('form#login').count()) === 0) {
        // back at the client, or stopped at an error page of the provider
        await tab.waitForFunction(() => !document.getElementById('log') || /done|error|failed/.test(document.getElementById('log')?.textContent ?? ''), undefined, { timeout: 10_000 }).catch(() => undefined);
      }
    };
    await login(undefined);
    for (const extra of plan.again ?? []) {
      await login(extra);
    }
    await context.close();
  } finally {
    await browser.close();
    await served.close();
    await new Promise((r) => page.server.close(r));
  }
  shiftAdvancedTime(file);
}

/** Replaces each admin clock advance by a shift of the later entries' start times. */
function shiftAdvancedTime(file: string): void {
  const har = JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: { startedDateTime: string; request: { url: string; postData?: { text?: string } } }[] } };
  let shift = 0;
  const kept = [];
  for (const e of har.log.entries) {
    if (/\/_admin\//.test(e.request.url)) {
      const advance = /"advance":"([^"]+)"/.exec(e.request.postData?.text ?? '')?.[1];
      if (advance) shift += ms(advance);
      continue;
    }
    if (shift) e.startedDateTime = new Date(Date.parse(e.startedDateTime) + shift).toISOString();
    kept.push(e);
  }
  har.log.entries = kept;
  writeFileSync(file, `${JSON.stringify(har, null, 1)}\n`);
}
