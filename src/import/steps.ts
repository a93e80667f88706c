/**
 * The generated scenario's steps: one per planned step, each with the expectations that
 * capture what the recording shows (the reported failure included): how the client's
 * operation ended and with which error code, what it sent and what the provider
 * answered, which tokens it holds afterwards, and which diagnoses the exchange raises.
 * Error codes are the ones the reference client reports for that answer (an OAuth
 * `error`, `reconnect_required` after a refused refresh, `redirect_rejected` when the
 * provider did not send the browser back).
 */
import { errorOf, isHtml, pathOf } from '../diagnoses/traffic.js';
import { credentialPlacement, getHeader, oauthErrorCode } from '../observe/wire.js';
import type { DiagnosisResult, Exchange } from '../results/model.js';
import type { ClientFacts } from './infer-client.js';
import { ALLOWED_ADDRESS, REFUSED_ADDRESS, type NetworkFacts } from './infer-endpoints.js';
import type { RefreshFacts } from './infer-refresh.js';
import type { ScopeFacts } from './infer-scopes.js';
import type { PlannedStep } from './flow.js';

/** One step of the draft: the YAML mapping, and comments written above it. */
export interface DraftStep {
  step: Record<string, unknown>;
  comments: string[];
  /** Recorded exchanges of the step (for the report). */
  seqs: number[];
  /** Recorded exchanges of later steps that could not be replayed after this one. */
  dropped?: number[];
}

/** What the reference client reports for a failed token response. */
export function clientErrorOf(res: Exchange['response']): string {
  const code = oauthErrorCode(res);
  if (code) return code;
  if (res.status === 404 || isHtml(res)) return 'endpoint_not_oauth';
  return 'unexpected_response';
}

/** `GET /token → 401 (#7)`: a recorded exchange without its query (which may hold secrets). */
export function line(e: Exchange): string {
  let host = '';
  try {
    host = new URL(e.request.url).host;
  } catch {
    /* keep it empty */
  }
  return `${e.request.method} ${host}${pathOf(e.request.url)} → ${e.response.status} (#${e.seq})`;
}

function tokenExpect(e: Exchange, kind: 'connect' | 'clientCredentials' | 'refresh', ok: boolean, body: Record<string, unknown>, previousRt: string | undefined, keepsOld = false): Record<string, unknown> {
  // keys in the order a reader asks: how it ended, what was sent, what came back, what the client holds
  const expect: Record<string, unknown> = ok ? { outcome: 'success' } : {};
  const placement = credentialPlacement(e.request);
  const request: Record<string, unknown> = {};
  if (kind !== 'refresh' && placement !== 'none') request.credentials = placement;
  if (e.request.method === 'GET') request.method = 'GET';
  if (kind === 'refresh') request.params = { grant_type: 'refresh_token' };
  const withRequest = () => {
    if (Object.keys(request).length) expect.request = request;
  };
  if (ok) {
    withRequest();
    expect.response = { status: e.response.status, ...(kind === 'refresh' ? { body: { refresh_token: typeof body.refresh_token === 'string' ? 'present' : 'absent' } } : {}) };
    const tokens: Record<string, unknown> = {};
    if (kind !== 'refresh') {
      tokens.access = 'present';
      if (kind === 'connect') tokens.refresh = typeof body.refresh_token === 'string' ? 'present' : 'absent';
      const raw = body.expires_in ?? body.expires;
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
      tokens.expires = n === undefined ? 'never' : `${n}s`;
      if (typeof body.scope === 'string') tokens.scopes = body.scope.split(/[ ,]+/).filter(Boolean);
    } else if (previousRt !== undefined && !keepsOld) {
      tokens.refreshRotated = typeof body.refresh_token === 'string' && body.refresh_token !== previousRt;
    }
    if (Object.keys(tokens).length) expect.tokens = tokens;
    return expect;
  }
  const err = errorOf(e.response);
  const code = clientErrorOf(e.response);
  expect.error = kind === 'refresh' && code === 'invalid_grant' ? 'reconnect_required' : code;
  if (e.response.status === 200 && err?.code) expect.warnings = ['error-with-http-200'];
  withRequest();
  expect.response = { status: e.response.status, ...(err?.code ? { error: err.code } : {}) };
  if (kind !== 'refresh') expect.tokens = { access: 'absent' };
  return expect;
}

/** Authorization parameters the reference client sets itself. */
const OWN = new Set(['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method', 'nonce']);

export interface StepInputs {
  /** Parameters of the first authorization request (the client's authorizationParams come from it). */
  firstParams?: URLSearchParams;
  scopes: ScopeFacts;
  client: ClientFacts;
  refresh: RefreshFacts;
  network: NetworkFacts;
  diagnoses: DiagnosisResult[];
}

/** The draft steps for a plan. */
export function draftSteps(plan: PlannedStep[], x: StepInputs): DraftStep[] {
  const out: DraftStep[] = [];
  let lastRt: string | undefined;
  for (const p of plan) {
    const seqs = p.exchanges.map((e) => e.seq);
    const recorded = p.exchanges.filter((e) => e.endpoint !== 'decision' || e.request.method === 'POST').map(line);
    const comments = recorded.length ? [`recorded: ${recorded.slice(0, 6).join('; ')}${recorded.length > 6 ? `; … ${recorded.length - 6} more` : ''}`] : [];
    const g = p.grant;
    if (p.action === 'advanceClock') {
      out.push({ step: { advanceClock: `${p.seconds}s` }, comments: [`${p.seconds} s passed in the recording: the access token expired meanwhile`], seqs });
      continue;
    }
    if (p.action === 'connect') {
      const a = p.authorization;
      const consent = a ? x.scopes.consent.get(a.request.seq) : undefined;
      const connect: Record<string, unknown> = { user: 'alice' };
      if (consent?.deny) connect.consent = { deny: true };
      else if (consent?.untick.length) connect.consent = { untick: consent.untick };
      if (x.network.refuseBrowserAddress) connect.from = REFUSED_ADDRESS;
      else if (x.network.refuseClientAddress) connect.from = ALLOWED_ADDRESS;
      if (a && x.firstParams) {
        const differ = [...new Set([...a.params.keys(), ...x.firstParams.keys()])].filter((k) => !OWN.has(k) && a.params.get(k) !== x.firstParams!.get(k));
        if (differ.length) comments.push(`this login sent ${differ.map((k) => `${k}=${a.params.get(k) ?? '(none)'}`).join(', ')} unlike the first; the scenario sends the first login's parameters on every login (client.authorizationParams)`);
      }
      const tampered = a && x.client.tamperedState.has(a.request.seq);
      if (tampered) connect.tamper = 'state';
      let expect: Record<string, unknown>;
      if (a && !a.response && a.stoppedAt) {
        expect = { error: 'redirect_rejected', redirect: 'none' };
        comments.push(`the provider did not send the browser back: ${line(a.stoppedAt)}${errorOf(a.stoppedAt.response)?.text ? ` "${errorOf(a.stoppedAt.response)!.text.slice(0, 120)}"` : ''}`);
      } else if (a?.response?.params.get('error')) {
        expect = { error: a.response.params.get('error')!, redirect: 'issued' };
        const d = a.response.params.get('error_description');
        comments.push(`the provider sent the browser back with error=${a.response.params.get('error')}${d ? ` "${d.slice(0, 120)}"` : ''}`);
      } else if (tampered && !x.client.faults.includes('ignore-state')) {
        expect = { error: 'state_mismatch', redirect: 'issued' };
        comments.push('the state that came back differs from the one the client sent');
      } else if (g) {
        expect = tokenExpect(g.exchange, 'connect', g.ok, g.body, undefined);
        if (g.ok && typeof g.body.refresh_token === 'string') lastRt = g.body.refresh_token;
      } else if (a?.response) {
        expect = { redirect: 'issued' };
        comments.push('the code exchange is not in the recording (it happens on the client\'s server): the scenario expects only that the provider sent a code back');
      } else {
        expect = {};
        comments.push('the authorization request did not finish in the recording');
      }
      out.push({ step: { connect, ...(Object.keys(expect).length ? { expect } : {}) }, comments, seqs });
      continue;
    }
    if (p.action === 'clientCredentials') {
      const scope = g?.params.get('scope');
      const step: Record<string, unknown> = { clientCredentials: scope ? { scopes: scope.split(/[ ,]+/).filter(Boolean) } : {} };
      if (g) step.expect = tokenExpect(g.exchange, 'clientCredentials', g.ok, g.body, undefined);
      out.push({ step, comments, seqs });
      continue;
    }
    if (p.action === 'refresh') {
      if (g && x.refresh.revokedBefore.has(g.exchange.seq)) {
        out.push({ step: { revokeGrantAtProvider: { user: 'alice' } }, comments: ['the refresh below was refused with invalid_grant although its token was never rotated: the grant is revoked at the provider first (the user removed the app, a password change, or the refresh token expired)'], seqs: [] });
      }
      const step: Record<string, unknown> = { refresh: {} };
      if (g) step.expect = tokenExpect(g.exchange, 'refresh', g.ok, g.body, lastRt, x.client.faults.includes('keep-old-refresh-token') || x.refresh.faults.includes('keep-old-refresh-token'));
      if (g?.ok && typeof g.body.refresh_token === 'string') lastRt = g.body.refresh_token;
      out.push({ step, comments, seqs });
      continue;
    }
    if (p.action === 'callApi') {
      const api = p.api;
      if (!api) {
        out.push({ step: { refresh: {} }, comments, seqs });
        continue;
      }
      const userinfo = api.endpoint === 'userinfo';
      const write = !['GET', 'HEAD'].includes(api.request.method);
      const hasToken = /^bearer /i.test(getHeader(api.request.headers, 'authorization') ?? '') || /[?&]access_token=/.test(api.request.url);
      const callApi: Record<string, unknown> = { resource: userinfo ? 'userinfo' : write ? 'rest' : 'odata4' };
      if (!hasToken) callApi.auth = 'none';
      const status = api.response.status;
      const expect: Record<string, unknown> = { response: { status } };
      if (status >= 400) expect.error = oauthErrorCode(api.response) ?? 'api_error';
      else expect.outcome = 'success';
      if (g?.ok && typeof g.body.refresh_token === 'string') lastRt = g.body.refresh_token;
      comments.push(`the provider's own API (${pathOf(api.request.url)}) is played by the mock's ${userinfo ? 'userinfo endpoint' : write ? 'REST service (POST)' : 'OData service (GET)'}`);
      out.push({ step: { callApi, expect }, comments, seqs });
      continue;
    }
    if (p.action === 'revoke') {
      const e = p.exchanges[0]!;
      const params = new URLSearchParams(e.request.body ?? '');
      const hint = params.get('token_type_hint');
      const token = params.get('token') ?? '';
      const which = hint === 'access_token' ? 'access' : hint === 'refresh_token' || token === lastRt ? 'refresh' : 'access';
      const ok = e.response.status === 200;
      const err = errorOf(e.response);
      const expect: Record<string, unknown> = ok ? { outcome: 'success', response: { status: 200 } } : { error: clientErrorOf(e.response), response: { status: e.response.status, ...(err?.code ? { error: err.code } : {}) } };
      out.push({ step: { revoke: { token: which }, expect }, comments, seqs });
    }
  }
  const kept = dropAfterReconnect(out);
  attachDiagnoses(kept, x.diagnoses);
  return kept;
}

/** Steps that need the client to hold tokens: refreshing, revoking, calling the API with a Bearer token. */
function needsTokens(s: DraftStep): boolean {
  const api = s.step.callApi as Record<string, unknown> | undefined;
  return s.step.refresh !== undefined || s.step.revoke !== undefined || (api !== undefined && api.auth !== 'none');
}

/**
 * After a failed login, or a refused refresh (`reconnect_required`), the reference client
 * holds no tokens and waits for a new login; what the recorded client did meanwhile with
 * a token it should not have had (an API call with an error taken for a token, another
 * refresh) cannot be replayed. Those steps are left out, with a comment on the step that
 * ended the connection.
 */
function dropAfterReconnect(steps: DraftStep[]): DraftStep[] {
  const out: DraftStep[] = [];
  let ended: DraftStep | undefined;
  for (const s of steps) {
    if (s.step.connect !== undefined || s.step.clientCredentials !== undefined) ended = undefined;
    if (ended && needsTokens(s)) {
      const why = ended.step.connect !== undefined ? 'the reference client holds no token after the failed login' : 'the reference client asks for a new login after invalid_grant';
      ended.comments.push(`not replayed: ${why}; the recorded client went on (${s.comments[0]?.replace(/^recorded: /, '') ?? Object.keys(s.step)[0]})`);
      ended.dropped = [...(ended.dropped ?? []), ...s.seqs];
      continue;
    }
    out.push(s);
    const expect = s.step.expect as Record<string, unknown> | undefined;
    if (expect?.error === 'reconnect_required' || (s.step.connect !== undefined && expect?.error !== undefined)) ended = s;
  }
  return out;
}

/** Puts each recorded diagnosis on the step that holds its last evidence (the last step without evidence). */
function attachDiagnoses(steps: DraftStep[], diagnoses: DiagnosisResult[]): void {
  for (const d of diagnoses) {
    const last = Math.max(...(d.evidence ?? []), -1);
    const gone = steps.find((s) => s.dropped?.includes(last));
    if (gone) {
      gone.comments.push(`diagnosis ${d.id} of the recording rests on what was not replayed`);
      continue;
    }
    let i = last < 0 ? -1 : steps.findIndex((s) => s.seqs.includes(last));
    if (i < 0) i = steps.length - 1;
    // a step without an action that can fail keeps no expectation of its own: use the next one that has
    while (i < steps.length - 1 && (steps[i]!.step.advanceClock !== undefined || steps[i]!.step.revokeGrantAtProvider !== undefined)) i++;
    const s = steps[i];
    if (!s) continue;
    const expect = (s.step.expect ??= {}) as Record<string, unknown>;
    const list = (expect.diagnoses ??= []) as string[];
    if (!list.includes(d.id)) list.push(d.id);
  }
}
