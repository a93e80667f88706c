/**
 * `serve` against hostile requests, one regression per finding of issue 14: bodies are
 * capped (413, JSON) and the exchange ring keeps at most 16 KiB of one; the admin API
 * answers only this machine (Host), refuses cross-site requests (Origin,
 * Sec-Fetch-Site) and writes that are not JSON, takes an optional token, and a refused
 * request changes nothing; switch patches and scenarios are validated as files are, and
 * their problems come back one line each; protocol edges (revocation and introspection
 * bodies, 405 on discovery and JWKS, absolute-form targets, `null` to SelectQuery).
 *
 * All traffic is to 127.0.0.1; the servers are stopped after the file.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCommand, type ServeInfo } from '../../src/cli/commands/serve.js';
import { basic } from '../serve/serve-fixture.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** One request with any headers (Host included), body as given. */
function http(url: string, o: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: `${u.pathname}${u.search}`, method: o.method ?? (o.body === undefined ? 'GET' : 'POST'), headers: { ...(o.body !== undefined ? { 'content-length': String(Buffer.byteLength(o.body)) } : {}), ...o.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode!, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

/** Bytes straight onto a socket; the answer's status line and body. */
function raw(origin: string, bytes: string): Promise<{ status: number; text: string }> {
  const u = new URL(origin);
  return new Promise((resolve) => {
    const s = connect({ host: u.hostname, port: Number(u.port) });
    let text = '';
    s.on('data', (c) => (text += c));
    s.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    s.end(bytes);
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };

let info: ServeInfo;
let close: () => Promise<void>;
let guarded: { info: ServeInfo; close: () => Promise<void> };
const issuer = (name = 'rfc-strict') => info.issuers.find((i) => i.profile === name)!;
const admin = (path: string, o: Parameters<typeof http>[1] = {}) => http(`${info.admin}${path}`, o);

beforeAll(async () => {
  ({ info, close } = await serveCommand({ profile: ['rfc-strict', 'salesforce-like'], port: '0', host: '127.0.0.1', seed: '1', allowedHost: ['mock.test'] }));
  guarded = await serveCommand({ profile: ['rfc-strict'], port: '0', host: '127.0.0.1', seed: '1', adminToken: 'a-long-admin-token-for-tests', maxBody: '100' });
});
afterAll(async () => {
  await close();
  await guarded.close();
});

describe('request bodies are bounded', () => {
  it('a body over --max-body is answered 413 with a JSON error, and the server goes on', async () => {
    const big = await http(issuer().token_endpoint, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.alloc(2 * 1024 * 1024 + 1, 'a') });
    expect(big.status).toBe(413);
    expect(big.headers['content-type']).toBe('application/json');
    expect(big.json).toMatchObject({ error: 'invalid_request', error_description: expect.stringMatching(/larger than 1048576 bytes/) });
    // chunked, without a Content-Length: refused as it arrives
    const chunked = await new Promise<number>((resolve) => {
      const u = new URL(issuer().token_endpoint);
      const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' } }, (res) => (res.resume(), resolve(res.statusCode!)));
      req.on('error', () => resolve(-1));
      for (let i = 0; i < 40; i++) req.write(Buffer.alloc(64 * 1024, 'b'));
      req.end();
    });
    expect(chunked).toBe(413);
    const small = await http(`${guarded.info.issuers[0]!.issuer}/token`, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'x'.repeat(101) });
    expect(small.status).toBe(413);
    expect((await fetch(issuer().discovery)).status).toBe(200);
  });

  it('the exchange ring keeps at most 16 KiB of a body, without a fragment of a secret at the cut', async () => {
    const secret = `tok_${'Z'.repeat(40)}`;
    const body = `grant_type=client_credentials&pad=${'p'.repeat(16 * 1024 - 60)}&client_secret=${secret}&more=${'m'.repeat(500 * 1024)}`;
    await http(issuer().token_endpoint, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const { json } = await admin('/rfc-strict/exchanges');
    const kept: string = json.exchanges.at(-1).request.body;
    expect(kept.length).toBeLessThan(16 * 1024 + 100);
    expect(kept).toMatch(/more characters not recorded\]$/);
    expect(kept).not.toMatch(/ZZZZ/); // the secret straddled the cut: none of it is kept
    expect(kept).toMatch(/ppp&… \[\d+ more characters not recorded\]$/); // the whole `client_secret=…` word went
  });

  it('SelectQuery with the body `null` (or any non-object JSON) is a 400, not a 500', async () => {
    const i = issuer();
    const tok = await http(i.token_endpoint, { headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(i.client_id, i.client_secret!) }, body: 'grant_type=client_credentials&scope=read+write' });
    for (const body of ['null', '5', '"x"', '[]', '{"columns":null}', '{"columns":{"items":7}}']) {
      const r = await http(`${i.issuer}/api/0/DataService/json/SyncReply/SelectQuery`, { headers: { authorization: `Bearer ${tok.json.access_token}`, ...JSON_TYPE }, body });
      expect(r.status, body).toBeLessThan(500);
    }
    const r = await http(`${i.issuer}/api/0/DataService/json/SyncReply/SelectQuery`, { headers: { authorization: `Bearer ${tok.json.access_token}`, ...JSON_TYPE }, body: 'null' });
    expect(r.status).toBe(400);
  });
});

describe('the admin API answers only this machine and only same-origin, JSON writes', () => {
  it('a Host that is not a loopback name, the bound address or an --allowed-host is refused, and leaks nothing (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${new URL(info.origin).port}`, 'localhost.evil.example', '127.0.0.1.nip.io', 'evil@127.0.0.1', '127.0.0.1/x']) {
      const r = await admin('/rfc-strict/', { headers: { host } });
      expect(r.status, `Host: ${host}`).toBe(403);
      expect(r.text).not.toContain(issuer().client_secret!);
      expect(r.json.error).toBe('access_denied');
    }
    for (const host of [`localhost:${new URL(info.origin).port}`, '127.0.0.1', '127.0.0.2:1', `[::1]:${new URL(info.origin).port}`, 'app.localhost', 'mock.test:8900', 'MOCK.test']) {
      expect((await admin('/rfc-strict/', { headers: { host } })).status, host).toBe(200);
    }
  });

  it('a cross-site write (Origin, Sec-Fetch-Site) is refused and moves nothing', async () => {
    const before = (await admin('')).json.now as string;
    const post = (headers: Record<string, string>) => admin('/clock', { headers, body: JSON.stringify({ advance: '2h' }) });
    expect((await post({ 'content-type': 'text/plain', origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ ...JSON_TYPE, origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ ...JSON_TYPE, origin: 'null' })).status).toBe(403);
    expect((await post({ ...JSON_TYPE, origin: 'http://localhost:1' })).status).toBe(403); // another local site
    expect((await post({ ...JSON_TYPE, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ ...JSON_TYPE, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await post({ 'content-type': 'text/plain' })).status).toBe(415); // a "simple" request needs no preflight: never taken
    expect((await post({ 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const after = (await admin('')).json.now as string;
    expect(Date.parse(after) - Date.parse(before)).toBeLessThan(60_000);
    // the same page's own requests, and tools without Origin, are taken
    expect((await post({ ...JSON_TYPE, origin: info.origin, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('--admin-token: every admin request needs it; OAuth endpoints do not', async () => {
    const a = guarded.info.admin;
    expect((await http(`${a}/rfc-strict/`)).status).toBe(401);
    expect((await http(`${a}/rfc-strict/`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    const ok = await http(`${a}/rfc-strict/`, { headers: { authorization: 'Bearer a-long-admin-token-for-tests' } });
    expect(ok.status).toBe(200);
    expect(ok.json.client_secret).toBeTruthy();
    expect((await fetch(guarded.info.issuers[0]!.discovery)).status).toBe(200);
  });

  it('{"advance": 1e300} and other absurd steps are refused and change nothing; GET /_admin keeps working', async () => {
    const before = Date.parse((await admin('')).json.now);
    for (const advance of [1e300, -5, '99999999999999999999d', 'soon', null, 1e400, '36501d']) {
      const r = await admin('/clock', { headers: JSON_TYPE, body: JSON.stringify({ advance }) });
      expect(r.status, String(advance)).toBe(400);
      expect(r.json.error_description).toMatch(/^advance: /);
    }
    const after = await admin('');
    expect(after.status).toBe(200);
    expect(Date.parse(after.json.now) - before).toBeLessThan(60_000);
    await admin('/reset', { method: 'POST' });
    expect((await admin('')).status).toBe(200);
  });

  it('2 MB of `[` is refused at once (413), 900 KB of `[` too (400, nesting), without blocking the issuers', async () => {
    const [big, deep, discovery] = await Promise.all([
      admin('/clock', { headers: JSON_TYPE, body: '['.repeat(2 * 1024 * 1024) }),
      admin('/clock', { headers: JSON_TYPE, body: '['.repeat(900 * 1024) }),
      http(issuer().discovery),
    ]);
    expect(big.status).toBe(413);
    expect(deep.status).toBe(400);
    expect(deep.json.error_description).toMatch(/nested more than 64 levels/);
    expect(discovery.status).toBe(200);
  });
});

describe('switch patches and scenarios are validated as files are, one line per problem', () => {
  it('invalid IPs, CIDR prefixes and paths are refused with `path: message` lines, and the issuer keeps working', async () => {
    const before = (await admin('/salesforce-like/switches')).json;
    const cases: [unknown, RegExp][] = [
      [{ network: { ipAllowList: ['not-an-ip'] } }, /^network\.ipAllowList\[0\]: "not-an-ip" is not an IP address or CIDR range/],
      [{ network: { ipAllowList: ['10.0.0.0/99'] } }, /^network\.ipAllowList\[0\]: "10\.0\.0\.0\/99": the prefix length must be a whole number from 0 to 32$/],
      [{ network: { ipAllowList: ['::1/200'] } }, /^network\.ipAllowList\[0\]: .*from 0 to 128$/],
      [{ paths: { token: 'tok' } }, /^paths\.token: a path under the issuer starts with "\/"/],
      [{ paths: { token: '' } }, /^paths\.token: a path under the issuer starts with "\/"/],
      [{ paths: { token: before.paths.authorize } }, new RegExp(`^paths\\.token: "${before.paths.authorize}" is already the authorize path$`)],
      [{ lifetimes: { accessToken: 1e300 } }, /^lifetimes\.accessToken: at most 3153600000 seconds/],
      [{ nope: 1 }, /^\(top level\): unknown field "nope"/],
    ];
    for (const [patch, line] of cases) {
      const r = await admin('/salesforce-like/switches', { method: 'PATCH', headers: JSON_TYPE, body: JSON.stringify(patch) });
      expect(r.status, JSON.stringify(patch)).toBe(400);
      expect(r.json.problems).toHaveLength(1);
      expect(r.json.problems[0]).toMatch(line);
      expect(r.json.error_description).not.toMatch(/"code":|\[\s*\{/); // not a zod JSON dump
    }
    expect((await admin('/salesforce-like/switches')).json).toEqual(before);
    const sf = issuer('salesforce-like');
    const tok = await http(sf.token_endpoint, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sf.client_id, client_secret: sf.client_secret! }).toString() });
    expect(tok.status).toBe(200);
    expect((await http(sf.discovery)).status).toBe(200);
  });

  it('a scenario with `steps: [null, 1, {connect: 5}]` is refused with the loader\'s body:line:col lines, and nothing is loaded', async () => {
    const before = (await admin('/rfc-strict/')).json;
    const yaml = 'title: t\ndescription: d\nprovider:\n  profile: github-like\nsteps: [null, 1, {connect: 5}]\n';
    const r = await admin('/rfc-strict/scenario', { headers: { 'content-type': 'application/yaml' }, body: yaml });
    expect(r.status).toBe(400);
    expect(r.json.problems).toEqual([
      'body:5:9: steps[0]: Invalid input: expected object, received null',
      'body:5:15: steps[1]: Invalid input: expected object, received number',
      'body:5:28: steps[2].connect: Invalid input: expected object, received number',
    ]);
    const bomb = 'title: t\ndescription: d\nprovider: {profile: rfc-strict}\nx: &a [1,1,1,1,1,1,1,1,1,1]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nz: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nsteps: [{connect: {}}]\n';
    const b = await admin('/rfc-strict/scenario', { headers: { 'content-type': 'application/yaml' }, body: bomb });
    expect(b.status).toBe(400);
    const section = await admin('/rfc-strict/scenario', { headers: JSON_TYPE, body: JSON.stringify({ profile: 'rfc-strict', switches: { network: { ipAllowList: ['x'] } } }) });
    expect(section.status).toBe(400);
    expect(section.json.problems).toEqual(['provider.switches.network.ipAllowList[0]: "x" is not an IP address or CIDR range (e.g. 198.51.100.0/24, 2001:db8::/32)']);
    expect((await admin('/rfc-strict/')).json).toEqual(before);
  });
});

describe('protocol edges', () => {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  it('revocation and introspection refuse a missing or wrong Content-Type and repeated parameters; strictRequest: false takes them', async () => {
    const i = issuer('salesforce-like');
    const auth = { authorization: basic(i.client_id, i.client_secret!) };
    const doc = (await (await fetch(i.discovery)).json()) as Record<string, string>;
    for (const url of [doc.revocation_endpoint!, doc.introspection_endpoint!]) {
      for (const [headers, body] of [[auth, 'token=abc'], [{ ...auth, 'content-type': 'text/plain' }, 'token=abc'], [{ ...auth, ...JSON_TYPE }, '{"token":"abc"}'], [{ ...auth, ...form }, 'token=abc&token=def']] as const) {
        const r = await http(url, { headers, body });
        expect(r.status, `${url} ${JSON.stringify(headers)} ${body}`).toBe(400);
        expect(r.json.error).toBe('invalid_request');
      }
      expect((await http(url, { headers: { ...auth, ...form }, body: 'token=abc' })).status).toBeLessThan(500);
      const get = await http(url, { headers: auth });
      expect(get.status).toBe(405);
      expect(get.headers.allow).toBe('POST');
    }
    await admin('/salesforce-like/switches', { method: 'PATCH', headers: JSON_TYPE, body: JSON.stringify({ revocation: { strictRequest: false }, introspection: { strictRequest: false } }) });
    const credentials = new URLSearchParams({ client_id: i.client_id, client_secret: i.client_secret! }).toString(); // salesforce-like takes body credentials only
    expect((await http(doc.introspection_endpoint!, { body: `${credentials}&token=abc&token=def` })).json).toEqual({ active: false });
    // past the request checks: salesforce-like answers an unknown token 400 invalid_token (its quirk), not invalid_request
    expect((await http(doc.revocation_endpoint!, { body: `${credentials}&token=abc&token=def` })).json.error).toBe('invalid_token');
    await admin('/salesforce-like/switches', { method: 'PATCH', headers: JSON_TYPE, body: JSON.stringify({ revocation: { strictRequest: true }, introspection: { strictRequest: true } }) });
  });

  it('discovery and JWKS answer 405 with Allow: GET, HEAD to every other method', async () => {
    const doc = (await (await fetch(issuer().discovery)).json()) as Record<string, string>;
    for (const url of [issuer().discovery, doc.jwks_uri!, `${info.origin}/.well-known/oauth-authorization-server/rfc-strict`]) {
      for (const method of ['POST', 'PUT', 'DELETE', 'TRACE', 'PATCH']) {
        const r = await http(url, { method, ...(method === 'TRACE' ? {} : { headers: form, body: 'a=b' }) });
        expect(r.status, `${method} ${url}`).toBe(405);
        expect(r.headers.allow).toBe('GET, HEAD');
      }
      expect((await http(url, { method: 'HEAD' })).status).toBe(200);
    }
  });

  it('an absolute-form request target is routed like its origin form', async () => {
    const i = issuer();
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: i.client_id, client_secret: i.client_secret! }).toString();
    const port = new URL(info.origin).port;
    const r = await raw(info.origin, `POST ${i.token_endpoint} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/"access_token":/);
    const d = await raw(info.origin, `GET ${i.discovery}?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(d.status).toBe(200);
  });

  it('a request that is not HTTP gets a JSON 400, headers over the limit a 431', async () => {
    const bad = await raw(info.origin, 'HELLO WORLD\r\n\r\n');
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/content-type: application\/json[\s\S]*"error":"invalid_request"/);
    const big = await raw(info.origin, `GET /rfc-strict/jwks HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(big.status).toBe(431);
  });
});
