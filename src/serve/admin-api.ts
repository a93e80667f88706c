/**
 * The admin API of `oauth-harness serve`, under the reserved path `/_admin` (JSON in and
 * out). Global: `GET /_admin` (issuers and the clock), `POST /_admin/clock
 * {"advance":"10m"}`, `POST /_admin/reset`. Per issuer, `/_admin/<issuer>/…`:
 *
 * | request | does |
 * |---|---|
 * | `GET /` | the issuer's URLs, client credentials, users, queued consent, step marks |
 * | `GET exchanges?since=N` | the recorded exchanges after sequence number N |
 * | `GET switches`, `PATCH switches` | read, or merge switch overrides |
 * | `POST scenario` | load a scenario's provider section (YAML or JSON); its connect steps queue consent decisions |
 * | `POST consent`, `GET consent`, `DELETE consent` | queue the next consent decisions `{user, untick, deny, wrongPassword, times}` |
 * | `POST steps` | mark a step `{action, name, tamper}`: later exchanges belong to it (for verdicts) |
 * | `GET verdicts?client_id=` | the client verdicts so far, from the recorded exchange |
 * | `GET diagnoses?client_id=&family=` | the diagnoses so far (cause and fix), from the recorded exchange; `family` overrides the declared provider family |
 * | `POST revoke-grants` | revoke a user's grants `{username, client_id}` ("remove app access") |
 * | `POST reset` | forget all state and recorded exchanges |
 *
 * Every request passes admin-guard.ts first (loopback Host, no cross-site request, JSON
 * for writes, the optional token). A refused request changes nothing: every input is
 * checked before anything is changed. Problems are answered one line each, `path:
 * message`, in `problems` (and joined in `error_description`).
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseDuration } from '../../mocks/provider/clock.js';
import { json, type ProviderRequest, type ProviderResponse } from '../../mocks/provider/http.js';
import { buildProvider, DEFAULT_CLIENT_ID, listProfiles, loadProfile } from '../../mocks/profiles.js';
import { mergeSwitches } from '../../mocks/provider/switches.js';
import type { NodeHttpServer } from '../../mocks/transports/node-http.js';
import { clientVerdicts, verdictContextOf } from '../drivers/client-verdicts.js';
import { HarnessError } from '../errors/harness-error.js';
import { toExchange } from '../observe/recorded-exchange.js';
import { declareFamily, familyProblem, liveDiagnoses } from './live-diagnoses.js';
import { issueLines, parseScenarioText, providerSectionProblems } from '../scenario/load.js';
import { MAX_NESTING, tooDeepAt, yamlTooDeepAt } from '../scenario/nesting.js';
import { STEP_ACTIONS } from '../scenario/schema.js';
import { refuseAdminRequest, type AdminAccess } from './admin-guard.js';
import type { ConsentDecision } from './auto-consent.js';
import { issuerInfo } from './issuer-info.js';
import type { Issuer, IssuerRegistry } from './issuers.js';

export interface AdminOptions {
  /** Seed for rebuilt providers (loaded scenarios). */
  seed: number;
  /** Redirect URIs `serve --redirect-uri` adds to every client, also after a scenario is loaded. */
  extraRedirectUris: string[];
  /** Who may use the admin API (admin-guard.ts). Without it (in-process tests), every request is taken. */
  access?: AdminAccess;
}

/** Queued consent decisions and step marks an issuer keeps at most: the admin API's own memory is bounded too. */
const MAX_QUEUED = 10_000;

/** A refusal; with `problems`, one line each (`path: message`), also joined in the description. */
function bad(description: string, status = 400, problems?: string[]): ProviderResponse {
  const text = problems?.length ? `${description}: ${problems.join('; ')}` : description;
  return json(status, { error: status === 404 ? 'not_found' : 'invalid_request', error_description: text, ...(problems?.length ? { problems } : {}) });
}

/** A request body that could not be read: why. */
class BodyError extends Error {}

/** The JSON body of a write ({} when empty). Nesting is checked before parsing (2 MB of `[` is refused at once). */
function body(req: ProviderRequest): unknown {
  if (!req.body.trim()) return {};
  const deep = tooDeepAt(req.body, MAX_NESTING);
  if (deep >= 0) throw new BodyError(`the body is nested more than ${MAX_NESTING} levels deep (at character ${deep + 1})`);
  try {
    return JSON.parse(req.body);
  } catch (e) {
    throw new BodyError(`the body is not JSON: ${(e as Error).message}`);
  }
}

/** A scenario posted as YAML or JSON: the text, and its top level (to tell a whole scenario from a provider section). */
function scenarioBody(req: ProviderRequest): unknown {
  if (!req.body.trim()) return {};
  const deep = yamlTooDeepAt(req.body, MAX_NESTING);
  if (deep >= 0) throw new BodyError(`the body is nested more than ${MAX_NESTING} levels deep (at character ${deep + 1})`);
  try {
    return parseYaml(req.body, { maxAliasCount: 100, logLevel: 'error' });
  } catch (e) {
    throw new BodyError(`the body is neither YAML nor JSON: ${(e as Error).message.split('\n')[0]}`);
  }
}

const consentSchema = z
  .object({
    user: z.string().default('alice'),
    untick: z.array(z.string()).default([]),
    deny: z.boolean().default(false),
    wrongPassword: z.boolean().default(false),
    /** How many authorizations this decision answers. */
    times: z.number().int().min(1).max(1000).default(1),
  })
  .strict();

const stepSchema = z.object({ action: z.enum(STEP_ACTIONS), name: z.string().optional(), tamper: z.string().optional() }).strict();

function issuerState(i: Issuer) {
  return { ...issuerInfo(i.provider), consent: i.consent, steps: i.marks };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Loads a scenario (or only its provider section) into an issuer. A whole scenario is
 * validated as the file loader validates a file (problems as `body:line:col: field:
 * message`); a provider section alone (`{profile, switches?, clients?}`, or
 * `{provider: {…}}`) as a scenario's `provider:` is.
 */
function loadScenario(registry: IssuerRegistry, i: Issuer, req: ProviderRequest, doc: unknown, o: AdminOptions): ProviderResponse {
  if (!isObject(doc)) return bad('not a scenario or provider section: the body must be a YAML or JSON mapping');
  // `{provider: …}` alone, or a bare provider section, is a provider section; anything more is a scenario.
  const keys = Object.keys(doc);
  const whole = keys.some((k) => k !== 'provider') && ('provider' in doc || 'steps' in doc || 'title' in doc);
  const sectionOnly = keys.length === 1 && 'provider' in doc ? doc.provider : doc;
  let section: { profile: string; switches: Record<string, unknown>; clients: Record<string, unknown>[] };
  let steps: unknown[] = [];
  if (whole) {
    try {
      const scenario = parseScenarioText(req.body, 'body');
      section = scenario.provider;
      steps = scenario.steps;
    } catch (e) {
      if (e instanceof HarnessError) return bad('not a valid scenario', 400, e.problems.length ? e.problems : [e.message]);
      throw e;
    }
  } else {
    const problems = providerSectionProblems(sectionOnly);
    if (problems.length) return bad('not a valid provider section', 400, problems);
    section = { switches: {}, clients: [], ...(sectionOnly as { profile: string }) };
  }
  const first = loadProfile(section.profile).clients[0]?.client_id ?? DEFAULT_CLIENT_ID;
  let provider;
  try {
    provider = buildProvider({
      profile: section.profile,
      issuer: i.provider.issuer,
      switches: section.switches,
      clients: section.clients.map((c) => ({ client_id: first, ...c })),
      seed: o.seed,
      clock: registry.clock,
      record: 5000,
    });
  } catch (e) {
    return bad(`invalid provider section: ${(e as Error).message}`);
  }
  if (o.extraRedirectUris.length) for (const c of provider.context.clients.values()) c.redirect_uris.push(...o.extraRedirectUris);
  const next = registry.mount(provider);
  declareFamily(provider, (section as { family?: string }).family);
  for (const s of steps as Record<string, unknown>[]) {
    const c = s?.connect as { user?: string; consent?: { deny?: boolean; untick?: string[] }; wrongPassword?: boolean } | undefined;
    if (c) next.consent.push({ user: c.user ?? 'alice', untick: c.consent?.untick ?? [], deny: c.consent?.deny ?? false, wrongPassword: c.wrongPassword ?? false });
  }
  return json(200, issuerState(next));
}

function issuerAction(registry: IssuerRegistry, i: Issuer, action: string, req: ProviderRequest, o: AdminOptions): ProviderResponse | undefined {
  const p = i.provider;
  const m = req.method;
  if (action === '' && m === 'GET') return json(200, issuerState(i));
  if (action === 'exchanges' && m === 'GET') {
    const since = Number(req.query.get('since') ?? 0);
    return json(200, { exchanges: p.exchanges.filter((e) => e.seq > since) });
  }
  if (action === 'switches' && m === 'GET') return json(200, p.context.switches);
  if (action === 'switches' && (m === 'PATCH' || m === 'POST')) {
    const b = body(req);
    if (!isObject(b)) return bad('the body must be a JSON object of switch overrides');
    let next;
    try {
      next = mergeSwitches(p.context.switches, b);
    } catch (e) {
      if (e instanceof z.ZodError) return bad('invalid switches', 400, issueLines(e.issues));
      throw e;
    }
    p.setSwitches(next);
    return json(200, p.context.switches);
  }
  if (action === 'scenario' && m === 'POST') return loadScenario(registry, i, req, scenarioBody(req), o);
  if (action === 'consent') {
    if (m === 'GET') return json(200, { consent: i.consent });
    if (m === 'DELETE') {
      i.consent.length = 0;
      return json(200, { consent: i.consent });
    }
    if (m === 'POST') {
      const r = consentSchema.safeParse(body(req));
      if (!r.success) return bad('invalid consent decision', 400, issueLines(r.error.issues));
      const { times, ...decision } = r.data;
      if (!p.context.users.has(decision.user)) return bad(`unknown user "${decision.user}"; users: ${[...p.context.users.keys()].join(', ')}`);
      if (i.consent.length + times > MAX_QUEUED) return bad(`at most ${MAX_QUEUED} consent decisions can be queued (${i.consent.length} are)`);
      for (let n = 0; n < times; n++) i.consent.push({ ...(decision as ConsentDecision) });
      return json(200, { consent: i.consent });
    }
  }
  if (action === 'steps' && m === 'POST') {
    const r = stepSchema.safeParse(body(req));
    if (!r.success) return bad(`expected {"action": one of ${STEP_ACTIONS.join(', ')}, "name"?, "tamper"?}`, 400, issueLines(r.error.issues));
    if (i.marks.length >= MAX_QUEUED) return bad(`at most ${MAX_QUEUED} step marks are kept; POST reset to start again`);
    const last = p.lastSeq;
    i.marks.push({ afterSeq: last, name: r.data.name ?? `${i.marks.length + 1}. ${r.data.action}`, action: r.data.action, ...(r.data.tamper ? { tamper: r.data.tamper } : {}) });
    return json(200, { steps: i.marks });
  }
  if (action === 'verdicts' && m === 'GET') {
    const clientId = req.query.get('client_id') ?? undefined;
    if (clientId && !p.context.clients.has(clientId)) return bad(`no client "${clientId}" is registered at this issuer`);
    const stepOf = (seq: number) => [...i.marks].reverse().find((mk) => mk.afterSeq < seq)?.name;
    const exchanges = p.exchanges.map((e) => toExchange(e, stepOf(e.seq)));
    const steps = i.marks.map((mk) => ({ name: mk.name, action: mk.action, tamper: mk.tamper }));
    return json(200, { verdicts: clientVerdicts(exchanges, verdictContextOf(p, clientId, steps)) });
  }
  if (action === 'diagnoses' && m === 'GET') {
    const clientId = req.query.get('client_id') ?? undefined;
    if (clientId && !p.context.clients.has(clientId)) return bad(`no client "${clientId}" is registered at this issuer`);
    const family = req.query.get('family') ?? undefined;
    const wrong = family === undefined ? undefined : familyProblem(family);
    if (wrong) return bad(wrong);
    const stepOf = (seq: number) => [...i.marks].reverse().find((mk) => mk.afterSeq < seq)?.name;
    return json(200, liveDiagnoses(p, stepOf, { clientId, family }));
  }
  if (action === 'revoke-grants' && m === 'POST') {
    const b = body(req) as { username?: unknown; client_id?: unknown } | null;
    if (typeof b?.username !== 'string') return bad('username is required');
    return json(200, { revoked: p.revokeGrants(b.username, typeof b.client_id === 'string' ? b.client_id : undefined) });
  }
  if (action === 'reset' && m === 'POST') {
    p.reset();
    i.consent.length = 0;
    i.marks.length = 0;
    return json(200, { reset: true });
  }
  return undefined;
}

/** Mounts the admin API on the server at `/_admin`. */
export function mountAdminApi(server: NodeHttpServer, registry: IssuerRegistry, o: AdminOptions): void {
  server.mountPath('_admin', adminHandler(registry, o));
}

/** The admin API as a request handler (requests under `/_admin`). */
export function adminHandler(registry: IssuerRegistry, o: AdminOptions): (req: ProviderRequest) => ProviderResponse {
  return (req): ProviderResponse => {
    const parts = req.path.split('/').filter(Boolean);
    const refused = o.access && refuseAdminRequest(req, o.access, parts.slice(1).join('/'));
    if (refused) return refused;
    try {
      return route(registry, parts, req, o);
    } catch (e) {
      if (e instanceof BodyError) return bad(e.message);
      throw e;
    }
  };
}

function route(registry: IssuerRegistry, parts: string[], req: ProviderRequest, o: AdminOptions): ProviderResponse {
  const now = () => new Date(registry.clock.now()).toISOString();
  if (parts.length === 0 && req.method === 'GET') return json(200, { issuers: [...registry.issuers.values()].map((i) => issuerInfo(i.provider)), now: now() });
  if (parts.length === 1 && parts[0] === 'clock' && req.method === 'POST') {
    const b = body(req) as { advance?: unknown } | null;
    const advance = b?.advance;
    if (typeof advance !== 'number' && typeof advance !== 'string') return bad('advance: expected a duration such as "2h", "90s", "3d", or a number of seconds');
    try {
      // The clock checks the step (not negative, at most 100 years) before it moves: a refused step changes nothing.
      registry.clock.advance(parseDuration(advance));
    } catch (e) {
      return bad(`advance: ${(e as Error).message}`);
    }
    return json(200, { now: now() });
  }
  if (parts.length === 1 && parts[0] === 'reset' && req.method === 'POST') {
    for (const i of registry.issuers.values()) issuerAction(registry, i, 'reset', req, o);
    return json(200, { reset: true });
  }
  const i = registry.get(parts[0] ?? '');
  if (!i) return bad(`no issuer "${parts[0]}"; issuers: ${[...registry.issuers.keys()].join(', ')}`, 404);
  return issuerAction(registry, i, parts.slice(1).join('/'), req, o) ?? bad(`unknown admin request ${req.method} /_admin/${parts.join('/')}`, 404);
}
