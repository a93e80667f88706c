/**
 * Section 2: a refresh storm on `rotating-refresh`. Many clients refresh the same grant
 * at once over HTTP; exactly one must win each rotation, every other one must get
 * `invalid_grant`, and reuse must revoke the grant when the profile says so
 * (RFC 9700 §4.14.2). Used by `npm run bench` (against the CLI process) and by
 * test/bench/refresh-storm.test.ts (against `serveCommand` in-process).
 */
import { createHash, randomBytes } from 'node:crypto';
import { formUserAgent } from '../user-agent/form-user-agent.js';

/** The issuer under test, as `oauth-harness serve --json` describes it. */
export interface StormIssuer {
  profile: string;
  issuer: string;
  discovery: string;
  authorization_endpoint: string;
  token_endpoint: string;
  client_id: string;
  client_secret: string | null;
  redirect_uris: string[];
  users: { username: string; password: string }[];
}

/** One storm: `concurrency` refreshes of one refresh token sent at once. */
export interface StormRound {
  concurrency: number;
  ok: number;
  invalidGrant: number;
  /** Answers that were neither a token response nor `invalid_grant` (status and body). */
  unexpected: string[];
  ms: number;
  winner?: { access_token: string; refresh_token: string };
}

interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
  text: string;
}

export class StormClient {
  private introspectionEndpoint = '';
  constructor(readonly issuer: StormIssuer) {}

  private get basic(): string {
    const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
    return `Basic ${Buffer.from(`${enc(this.issuer.client_id)}:${enc(this.issuer.client_secret ?? '')}`).toString('base64')}`;
  }

  private async post(url: string, form: Record<string, string>): Promise<TokenAnswer> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization: this.basic },
      body: new URLSearchParams(form).toString(),
    });
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      /* kept as text */
    }
    return { status: res.status, body, text };
  }

  /** Signs alice in through the login page and redeems the code (with PKCE): a fresh grant. */
  async newGrant(): Promise<{ access_token: string; refresh_token: string }> {
    const i = this.issuer;
    const meta = (await (await fetch(i.discovery)).json()) as { introspection_endpoint?: string };
    this.introspectionEndpoint = meta.introspection_endpoint ?? '';
    const verifier = randomBytes(32).toString('base64url');
    const redirectUri = i.redirect_uris[0]!;
    const url = new URL(i.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: i.client_id,
      redirect_uri: redirectUri,
      scope: 'read offline_access',
      state: randomBytes(8).toString('hex'),
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    const user = i.users[0]!;
    const ua = await formUserAgent().authorize(url.href, redirectUri, { username: user.username, password: user.password }, fetch);
    if (ua.kind !== 'callback') throw new Error(`sign-in failed: ${JSON.stringify(ua)}`);
    const code = new URL(ua.url).searchParams.get('code');
    if (!code) throw new Error(`no code in ${ua.url}`);
    const t = await this.post(i.token_endpoint, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier });
    if (t.status !== 200 || typeof t.body.refresh_token !== 'string') throw new Error(`code exchange failed: ${t.status} ${t.text}`);
    return { access_token: String(t.body.access_token), refresh_token: t.body.refresh_token };
  }

  /** Refreshes once. */
  refresh(refreshToken: string): Promise<TokenAnswer> {
    return this.post(this.issuer.token_endpoint, { grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  /** Whether the provider says a token is active (RFC 7662). */
  async active(token: string): Promise<boolean> {
    const r = await this.post(this.introspectionEndpoint, { token });
    if (r.status !== 200) throw new Error(`introspection failed: ${r.status} ${r.text}`);
    return r.body.active === true;
  }

  /** Sends `concurrency` refreshes of the same token at once and sorts the answers. */
  async storm(refreshToken: string, concurrency: number): Promise<StormRound> {
    const t0 = performance.now();
    const answers = await Promise.all(Array.from({ length: concurrency }, () => this.refresh(refreshToken)));
    const ms = performance.now() - t0;
    const round: StormRound = { concurrency, ok: 0, invalidGrant: 0, unexpected: [], ms };
    for (const a of answers) {
      if (a.status === 200 && typeof a.body.access_token === 'string' && typeof a.body.refresh_token === 'string') {
        round.ok++;
        round.winner = { access_token: a.body.access_token, refresh_token: a.body.refresh_token };
      } else if (a.status === 400 && a.body.error === 'invalid_grant') round.invalidGrant++;
      else round.unexpected.push(`${a.status} ${a.text.slice(0, 200)}`);
    }
    return round;
  }
}

/** One named pass/fail finding of the storm. */
export interface StormCheck {
  name: string;
  passed: boolean;
  detail: string;
}

export interface StormResult {
  concurrency: number;
  /** The profile as shipped (rotation with reuse detection): one storm, then the grant must be dead. */
  revokeOnReuse: { round: StormRound; checks: StormCheck[] };
  /** The same profile with `reuseDetection: reject` (reuse refused, grant kept): a chain of storms, one winner each. */
  rotationChain: { rounds: StormRound[]; checks: StormCheck[] };
  passed: boolean;
}

const check = (name: string, passed: boolean, detail: string): StormCheck => ({ name, passed, detail });
/** The storm's rule: one winner, every other answer `invalid_grant`. */
export const oneWinner = (r: StormRound, label: string): StormCheck =>
  check(`${label}: exactly one refresh succeeds, the rest get invalid_grant`, r.ok === 1 && r.invalidGrant === r.concurrency - 1 && r.unexpected.length === 0, `${r.ok} succeeded, ${r.invalidGrant} invalid_grant, ${r.unexpected.length} other${r.unexpected.length ? ` (first: ${r.unexpected[0]})` : ''}`);

/**
 * Runs the storm against an issuer of the `rotating-refresh` profile. `setReuseDetection`
 * changes the switch between the two parts (the serve admin API does it over HTTP).
 */
export async function runRefreshStorm(issuer: StormIssuer, o: { concurrency: number; rotations: number; setReuseDetection: (value: 'revoke-grant' | 'reject') => Promise<void> }): Promise<StormResult> {
  const client = new StormClient(issuer);

  // Part 1: the profile as shipped. The first loser is a reuse: the whole grant goes.
  await o.setReuseDetection('revoke-grant');
  const g = await client.newGrant();
  const round = await client.storm(g.refresh_token, o.concurrency);
  const revokeChecks = [oneWinner(round, 'storm')];
  if (round.winner) {
    const next = await client.refresh(round.winner.refresh_token);
    revokeChecks.push(
      check('the winner\'s new refresh token is refused after the reuse (grant revoked)', next.status === 400 && next.body.error === 'invalid_grant', `${next.status} ${next.text.slice(0, 160)}`),
      check('the winner\'s access token is inactive after the reuse', !(await client.active(round.winner.access_token)), 'introspection'),
    );
  }
  revokeChecks.push(check('the first access token of the grant is inactive after the reuse', !(await client.active(g.access_token)), 'introspection'));

  // Part 2: reuse only refused (`reuseDetection: reject`), a chain of rotations: one winner each, nothing lost.
  await o.setReuseDetection('reject');
  const chain: StormRound[] = [];
  const chainChecks: StormCheck[] = [];
  const used: string[] = [];
  let current = (await client.newGrant()).refresh_token;
  for (let i = 0; i < o.rotations; i++) {
    const r = await client.storm(current, o.concurrency);
    chain.push(r);
    chainChecks.push(oneWinner(r, `rotation ${i + 1}`));
    if (!r.winner) break;
    used.push(current);
    current = r.winner.refresh_token;
  }
  const last = chain.at(-1)?.winner;
  if (last) {
    chainChecks.push(check('the last rotation\'s refresh token and access token are active', (await client.active(last.refresh_token)) && (await client.active(last.access_token)), 'introspection'));
    const stale = await Promise.all(used.map((t) => client.active(t)));
    chainChecks.push(check('every rotated refresh token is inactive', stale.every((a) => !a), `${stale.filter(Boolean).length} of ${stale.length} still active`));
    const again = await client.refresh(last.refresh_token);
    chainChecks.push(check('the chain goes on: the last refresh token refreshes once more', again.status === 200, `${again.status}`));
  }
  await o.setReuseDetection('revoke-grant');
  const passed = [...revokeChecks, ...chainChecks].every((c) => c.passed);
  return { concurrency: o.concurrency, revokeOnReuse: { round, checks: revokeChecks }, rotationChain: { rounds: chain, checks: chainChecks }, passed };
}

/** A `setReuseDetection` that uses the serve admin API (`PATCH /_admin/<profile>/switches`). */
export function viaAdminApi(admin: string, profile: string): (value: 'revoke-grant' | 'reject') => Promise<void> {
  return (value) => patchSwitches(admin, profile, { refresh: { reuseDetection: value } });
}

/** Changes switches of a served issuer (`PATCH /_admin/<profile>/switches`). */
export async function patchSwitches(admin: string, profile: string, patch: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${admin}/${profile}/switches`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) });
  if (res.status !== 200) throw new Error(`admin API: ${res.status} ${await res.text()}`);
}
