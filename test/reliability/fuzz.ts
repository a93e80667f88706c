/**
 * A seeded request fuzzer for `oauth-harness serve`: well-formed and malformed requests
 * to every endpoint of every issuer, to the admin API and to paths nobody serves, over
 * node:http and raw sockets (absolute-form targets, broken request lines, oversized
 * bodies). Deterministic for a seed, so a failure is replayed by its number.
 *
 * Only ever talks to the loopback origin it is given.
 */
import { Agent, request } from 'node:http';
import { connect } from 'node:net';

/** Percent-encodes any string, lone surrogates included (as `?`). */
const enc = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '?'));

/** A small, fast, seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzIssuer {
  profile: string;
  issuer: string;
  client_id: string;
  client_secret: string | null;
  redirect_uris: string[];
  /** Endpoint paths under the issuer, by name (`token`, `revocation`, …). */
  paths: Record<string, string>;
}

export interface FuzzRequest {
  /** For the report: what the request was meant to hit. */
  kind: string;
  /** The issuer it targets, when any. */
  profile?: string;
  method: string;
  /** Origin-form target (`/rfc-strict/token?x=1`), or an absolute URL. */
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Send over a raw socket exactly these bytes (request line, headers and body). */
  raw?: Buffer;
}

export interface FuzzResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Switch values a patch may carry: valid ones (to reach every behaviour) and a few invalid ones. */
const SWITCH_VALUES: Record<string, Record<string, unknown[]>> = {
  clientAuth: { methods: [['client_secret_basic'], ['client_secret_post'], ['client_secret_query'], []], rejectMultiple: [true, false], basicEncoding: ['raw', 'form-urlencoded'], invalidClientStatus: [400, 401, 500] },
  authorize: { errorsAfterLogin: [true, false] },
  tokenEndpoint: { methods: [['GET'], ['POST', 'GET'], ['PUT']] },
  redirectUri: { matching: ['exact', 'prefix', 'loopback-any-port'], optionalWhenSingle: [true, false] },
  scopes: { onUnregistered: ['reject', 'narrow'], delimiter: [' ', ','], userCanDeny: [true, false], alwaysAdd: [['openid'], ['a b']], defaultScopes: [[], ['read']] },
  refresh: { policy: ['always', 'never', 'offline-scope', 'offline-param'], oncePerUser: [true, false], rotation: ['keep', 'rotate', 'rotate-keep-old'], reuseDetection: ['reject', 'revoke-grant'], gracePeriod: [0, 30, -1], forClientCredentials: [true, false] },
  lifetimes: { accessToken: [null, 0, 1, 3600, 1e300], refreshToken: [null, 0, 60], code: [0, 600], clientCredentialsToken: [null, 1], interaction: [0, 600] },
  tokenResponse: { format: ['json', 'form', 'text-plain-form', 'form-unless-accept-json'], tokenType: ['Bearer', 'bearer', 'omit'], expiresIn: ['number', 'string', 'expires'], scope: ['always', 'if-different', 'never'], noStore: [true, false], accessTokenFormat: ['opaque', 'jwt'], extraFields: [{ instance_url: 'https://x.test' }, { access_token: 5 }] },
  errors: { style: ['rfc', 'facebook', 'github'] },
  revocation: { enabled: [true, false], style: ['rfc7009', 'invalid-token-400'], cascade: [true, false], strictRequest: [true, false] },
  introspection: { enabled: [true, false], strictRequest: [true, false] },
  pkce: { supported: [true, false], required: [true, false], methods: [['S256'], ['plain'], []] },
  network: { ipAllowList: [[], ['127.0.0.1'], ['10.0.0.0/8'], ['::1/128'], ['not-an-ip'], ['10.0.0.0/99']], domainAllowList: [[], ['client.example.test'], ['https://x/']], trustForwardedFor: [true, false] },
  discovery: { enabled: [true, false], kind: ['oauth', 'oidc'], issParameter: [true, false], extra: [{ issuer: 'http://evil.example' }] },
  paths: { token: ['/t', '/token', 'tok', '', '/authorize'], revocation: ['/r', '/x y'], jwks: ['/keys'] },
  api: { readScope: [null, 'read'], writeScope: [null, 'write'], records: [0, 1000, 1001] },
};

const METHODS = ['GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE'];
const PARAMS = ['grant_type', 'code', 'redirect_uri', 'client_id', 'client_secret', 'refresh_token', 'scope', 'token', 'token_type_hint', 'code_verifier', 'state', 'response_type', 'code_challenge', 'code_challenge_method', 'txn', 'username', 'password', 'decision', 'nonce', 'prompt', 'access_type'];
const GRANTS = ['authorization_code', 'refresh_token', 'client_credentials', 'password', 'urn:ietf:params:oauth:grant-type:jwt-bearer', '', 'AUTHORIZATION_CODE'];
const CONTENT_TYPES = ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=utf-8', 'application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/yaml', '', 'application/x-www-form-urlencoded;;;', 'APPLICATION/X-WWW-FORM-URLENCODED'];
const NASTY = ['', ' ', '%', '%zz', '%00', '\u0000', '\u202e', 'é', '😀', '\ud800', '"', '\\', "'", '<script>', '../../etc/passwd', 'a'.repeat(300), '-1', '1e309', 'null', 'undefined', '{}', '[]', '__proto__', 'constructor', 'http://evil.example/cb', 'http://127.0.0.1:9/cb#frag', '\r\nX-Injected: 1'];

export class FuzzGenerator {
  private readonly r: () => number;
  constructor(seed: number, private readonly origin: string, private readonly issuers: FuzzIssuer[], private readonly adminIssuers: string[]) {
    this.r = prng(seed);
  }

  private int(n: number): number {
    return Math.floor(this.r() * n);
  }
  private pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  private chance(p: number): boolean {
    return this.r() < p;
  }

  private word(): string {
    if (this.chance(0.3)) return this.pick(NASTY);
    const n = 1 + this.int(24);
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(this.chance(0.9) ? 97 + this.int(26) : 32 + this.int(95));
    return s;
  }

  private value(i: FuzzIssuer, name: string): string {
    if (this.chance(0.25)) return this.word();
    switch (name) {
      case 'grant_type':
        return this.pick(GRANTS);
      case 'client_id':
        return this.chance(0.8) ? i.client_id : this.word();
      case 'client_secret':
        return this.chance(0.7) ? (i.client_secret ?? '') : this.word();
      case 'redirect_uri':
        return this.chance(0.7) ? (i.redirect_uris[0] ?? '') : this.pick(NASTY);
      case 'scope':
        return this.pick(['read', 'read write', 'openid offline_access', 'read,write', 'admin', '']);
      case 'response_type':
        return this.pick(['code', 'token', 'code id_token', '']);
      case 'code_challenge_method':
        return this.pick(['S256', 'plain', 'S512']);
      case 'code_challenge':
        return this.chance(0.5) ? 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' : this.word();
      default:
        return this.word();
    }
  }

  private form(i: FuzzIssuer): string {
    const p = new URLSearchParams();
    const n = this.int(7);
    for (let k = 0; k < n; k++) {
      const name = this.chance(0.9) ? this.pick(PARAMS) : this.word();
      p.append(name, this.value(i, name));
    }
    if (this.chance(0.6)) p.set('grant_type', this.pick(GRANTS));
    return p.toString();
  }

  private jsonValue(depth = 0): unknown {
    const k = this.int(depth > 3 ? 4 : 7);
    if (k === 0) return null;
    if (k === 1) return this.chance(0.5) ? this.int(1e6) - 5e5 : this.pick([1e300, -1e300, 0.5, -0, Number.MAX_SAFE_INTEGER]);
    if (k === 2) return this.word();
    if (k === 3) return this.chance(0.5);
    if (k === 4) return Array.from({ length: this.int(4) }, () => this.jsonValue(depth + 1));
    return Object.fromEntries(Array.from({ length: this.int(4) }, () => [this.chance(0.5) ? this.pick(['lifetimes', 'network', 'paths', 'advance', 'user', 'untick', 'times', 'action', 'username', 'provider', 'steps', 'profile']) : this.word(), this.jsonValue(depth + 1)]));
  }

  private nastyBody(): Buffer {
    switch (this.int(8)) {
      case 0:
        return Buffer.from('['.repeat(2000 + this.int(50_000)));
      case 1:
        return Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]);
      case 2:
        return Buffer.from('null');
      case 3:
        return Buffer.from('a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n');
      case 4:
        return Buffer.from(`grant_type=client_credentials&${'x='.repeat(5000)}`);
      case 5:
        return Buffer.from(JSON.stringify(this.jsonValue()));
      case 6:
        return Buffer.from('*unknown_alias');
      default:
        return Buffer.alloc(this.int(4096), 0x41 + this.int(26));
    }
  }

  private authorization(i: FuzzIssuer): Record<string, string> {
    const k = this.int(8);
    if (k === 0) return {};
    if (k <= 2) return { authorization: `Basic ${Buffer.from(`${encodeURIComponent(i.client_id)}:${encodeURIComponent(i.client_secret ?? '')}`).toString('base64')}` };
    if (k === 3) return { authorization: `Basic ${Buffer.from(this.word()).toString('base64')}` };
    if (k === 4) return { authorization: `Basic ${this.word()}` };
    if (k === 5) return { authorization: `Bearer ${this.word()}` };
    if (k === 6) return { authorization: `Basic ${Buffer.from('%:%zz').toString('base64')}` };
    return { authorization: this.word() };
  }

  /** The next request. */
  next(): FuzzRequest {
    const roll = this.r();
    if (roll < 0.05) return this.rawRequest();
    if (roll < 0.17) return this.adminRequest();
    if (roll < 0.2) return { kind: 'unknown-path', method: this.pick(METHODS), target: `/${enc(this.word())}/${enc(this.word())}`, headers: {} };
    const i = this.pick(this.issuers);
    const names = Object.keys(i.paths);
    const endpoint = this.pick(names);
    const base = new URL(i.issuer).pathname;
    let method = this.chance(0.75) ? (endpoint === 'authorize' || endpoint === 'discovery' || endpoint === 'jwks' || endpoint === 'api' ? 'GET' : 'POST') : this.pick(METHODS);
    const headers: Record<string, string> = { ...this.authorization(i) };
    let query = '';
    let body: Buffer | undefined;
    if (method === 'GET' || method === 'HEAD') {
      if (this.chance(0.7)) query = `?${this.form(i)}`;
    } else {
      headers['content-type'] = this.chance(0.7) ? 'application/x-www-form-urlencoded' : this.pick(CONTENT_TYPES);
      body = this.chance(0.85) ? Buffer.from(this.form(i)) : this.nastyBody();
      if (this.chance(0.015)) body = Buffer.alloc(1024 * 1024 + 1 + this.int(3 * 1024 * 1024), 0x61);
    }
    if (this.chance(0.1)) headers['x-forwarded-for'] = this.pick(['10.0.0.1', 'not-an-ip', '::1', '', '1.2.3.4, 5.6.7.8', '999.1.1.1']);
    if (this.chance(0.05)) headers.accept = this.pick(['application/json', '*/*', 'text/html', '']);
    if (this.chance(0.02)) method = this.pick(['PROPFIND', 'M-SEARCH', 'PURGE']);
    return { kind: endpoint, profile: i.profile, method, target: `${base}${i.paths[endpoint]}${query}`, headers, ...(body ? { body } : {}) };
  }

  private adminRequest(): FuzzRequest {
    const segment = this.pick(this.adminIssuers);
    const action = this.pick(['', 'exchanges?since=0', 'exchanges?since=abc', 'switches', 'switches', 'switches', 'switches', 'scenario', 'consent', 'steps', 'verdicts', 'verdicts?client_id=x', 'revoke-grants', 'reset']);
    const global = this.chance(0.25);
    const path = global ? this.pick(['/_admin', '/_admin/clock', '/_admin/reset', '/_admin/nope']) : `/_admin/${segment}/${action}`;
    const method = action === 'switches' ? this.pick(['PATCH', 'PATCH', 'GET', 'PUT']) : this.pick(['GET', 'POST', 'PATCH', 'DELETE', 'PUT']);
    const headers: Record<string, string> = {};
    if (this.chance(0.8)) headers['content-type'] = this.pick(['application/json', 'application/json', 'application/json', 'application/yaml', 'text/plain', 'application/x-www-form-urlencoded']);
    if (this.chance(0.1)) headers.origin = this.pick(['http://evil.example', 'null', 'http://127.0.0.1:1']);
    if (this.chance(0.1)) headers['sec-fetch-site'] = this.pick(['cross-site', 'same-site', 'same-origin', 'none']);
    if (this.chance(0.1)) headers.host = this.pick(['evil.example', 'localhost', '127.0.0.1', '[::1]', 'attacker.localhost.evil']);
    let body: Buffer | undefined;
    if (method !== 'GET') {
      const k = action === 'switches' && this.chance(0.7) ? 2 : this.int(6);
      if (k === 0) body = this.nastyBody();
      else if (k === 1) body = Buffer.from(JSON.stringify({ advance: this.pick([1e300, -5, '2h', '99999999999999999999d', 'x', 0.001, null]) }));
      else if (k === 2) body = Buffer.from(JSON.stringify(this.switchPatch()));
      else if (k === 3) body = Buffer.from(JSON.stringify({ provider: { profile: this.pick(['rfc-strict', 'nope', 5]) }, steps: [null, 1, { connect: 5 }] }));
      else body = Buffer.from(JSON.stringify(this.jsonValue()));
    }
    return { kind: 'admin', method, target: path, headers, ...(body ? { body } : {}) };
  }

  /** A patch of one to three switches, mostly valid. */
  private switchPatch(): Record<string, Record<string, unknown>> {
    const patch: Record<string, Record<string, unknown>> = {};
    for (let n = 1 + this.int(3); n > 0; n--) {
      const group = this.pick(Object.keys(SWITCH_VALUES));
      const field = this.pick(Object.keys(SWITCH_VALUES[group]!));
      (patch[group] ??= {})[field] = this.pick(SWITCH_VALUES[group]![field]!);
    }
    return patch;
  }

  private rawRequest(): FuzzRequest {
    const i = this.pick(this.issuers);
    const base = new URL(i.issuer).pathname;
    const host = new URL(this.origin).host;
    const k = this.int(7);
    let text: string;
    if (k === 0) {
      // absolute-form request target (RFC 9112 §3.2.2)
      const body = `grant_type=client_credentials&client_id=${encodeURIComponent(i.client_id)}&client_secret=${encodeURIComponent(i.client_secret ?? '')}`;
      text = `POST ${this.origin}${base}${i.paths.token} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
    } else if (k === 1) text = `GET ${this.word()} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;
    else if (k === 2) text = `POST ${base}${i.paths.token} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 5\r\nContent-Length: 7\r\nConnection: close\r\n\r\nhello`;
    else if (k === 3) text = `POST ${base}${i.paths.token} HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n`;
    else if (k === 4) text = `GET ${base}/.well-known/openid-configuration HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`;
    else if (k === 5) text = `GET http://127.0.0.1:1${base}/jwks HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;
    else text = `${this.word()}\r\n\r\n`;
    return { kind: 'raw', profile: i.profile, method: 'RAW', target: '', headers: {}, raw: Buffer.from(text, 'latin1') };
  }
}

/**
 * How long a connection may stay silent before it counts as no answer: only a server that
 * hangs gets near it, so a loaded machine (slow, but answering) does not fail the suite.
 */
export const IDLE_MS = 60_000;

/** Sends one request to the origin; resolves with the answer, or `undefined` when the server closed without one. */
export function send(origin: string, agent: Agent, q: FuzzRequest, limit = 4 * 1024 * 1024): Promise<FuzzResponse | undefined> {
  const u = new URL(origin);
  if (q.raw) return sendRaw(u, q.raw);
  // Header values a client can send at all (node:http refuses CR, LF, NUL and non-Latin-1).
  const headers = Object.fromEntries(Object.entries(q.headers).map(([k, v]) => [k, v.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?')]));
  if (q.body) headers['content-length'] = String(q.body.length);
  return new Promise((resolve) => {
    const req = request({ host: u.hostname, port: u.port, method: q.method, path: q.target, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= limit) chunks.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve(undefined));
    });
    req.on('error', () => resolve(undefined));
    req.setTimeout(IDLE_MS, () => req.destroy());
    req.end(q.body);
  });
}

function sendRaw(u: URL, bytes: Buffer): Promise<FuzzResponse | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: u.hostname, port: Number(u.port) });
    const chunks: Buffer[] = [];
    socket.setTimeout(IDLE_MS, () => socket.destroy());
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      if (!m) return resolve(undefined);
      const split = text.indexOf('\r\n\r\n');
      const head = text.slice(0, split < 0 ? text.length : split);
      const headers: Record<string, string> = {};
      for (const line of head.split('\r\n').slice(1)) {
        const c = line.indexOf(':');
        if (c > 0) headers[line.slice(0, c).toLowerCase()] = line.slice(c + 1).trim();
      }
      resolve({ status: Number(m[1]), headers, body: split < 0 ? '' : text.slice(split + 4) });
    });
    socket.end(bytes);
  });
}

/** Resident set size of a process, in bytes (Linux /proc). */
export async function rssOf(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}
