/**
 * `verify` against servers that would otherwise make it blame the server or run forever:
 * wrong credentials stop the run before any check (exit 2 with the reason), also when
 * the server refuses them with a bare 403 as Glewlwyd does; a client registered for one
 * authentication method is tested with that method; a hanging issuer or endpoint ends
 * within the timeout with the URL and the limit named; a huge response is read only up
 * to the limit and what needed it is "not tested"; long waits are not made unless allowed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerifyError } from '../../src/errors/verify-error.js';
import { exitCodeForError } from '../../src/verify/exit-code.js';
import { runVerify } from '../../src/verify/run-verify.js';
import { type BrokenAs, startBrokenAs } from './broken-as.js';

let as: BrokenAs;
beforeAll(async () => {
  as = await startBrokenAs();
});
afterAll(async () => {
  await as?.close();
});

const rejection = async (p: Promise<unknown>): Promise<VerifyError> => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(VerifyError);
  expect(exitCodeForError(e)).toBe(2);
  return e as VerifyError;
};

describe('credentials preflight', () => {
  it('a wrong secret stops the run before any check, naming the client and never the secret', async () => {
    as.setQuirks([]);
    const base = as.verifyOptions();
    const progress: string[] = [];
    const e = await rejection(runVerify({ ...base, client: { ...base.client, client_secret: 'not-the-secret-42' }, onProgress: (p) => progress.push(p.type) }));
    expect(e.code).toBe('CREDENTIALS_REJECTED');
    expect(e.message).toMatch(/^the token endpoint http:\/\/127\.0\.0\.1:\d+\/token does not accept the credentials of client "client-1": HTTP 401 error=invalid_client with client_secret_basic; HTTP 400 error=invalid_client with client_secret_post\. Check --client-id\/--client-secret/);
    expect(e.message).not.toContain('not-the-secret-42');
    expect(e.message.split('\n')).toHaveLength(1);
    expect(progress).toEqual([]);
  });

  it('also when the server refuses with a bare 403 (Glewlwyd): the answer equals the one to a certainly wrong secret', async () => {
    as.setQuirks(['client-auth-bare-403']);
    const base = as.verifyOptions();
    const e = await rejection(runVerify({ ...base, client: { ...base.client, client_secret: 'not-the-secret-42' } }));
    expect(e.code).toBe('CREDENTIALS_REJECTED');
    expect(e.message).toContain('HTTP 403 with an empty body with client_secret_basic, exactly as to a wrong secret');
  });

  it('the right secret on that server runs the checks', async () => {
    as.setQuirks(['client-auth-bare-403']);
    const r = await runVerify(as.verifyOptions({ only: ['AS-TR-NO-STORE', 'AS-CA-INVALID-CLIENT-401'] }));
    expect(r.cases.map((c) => [c.id, c.verdict])).toEqual([
      ['AS-CA-INVALID-CLIENT-401', 'failed'],
      ['AS-TR-NO-STORE', 'passed'],
    ]);
  });

  it('a server refusing one method (AS-CA-BASIC finds it) does not stop the run', async () => {
    as.setQuirks(['basic-refused']);
    const r = await runVerify(as.verifyOptions({ only: ['AS-CA-BASIC'] }));
    expect(r.cases[0]).toMatchObject({ id: 'AS-CA-BASIC', verdict: 'failed' });
  });
});

describe('client authentication method per client (client.token_endpoint_auth_method)', () => {
  it('a client registered for client_secret_post only, configured so: the whole bcp plan fails nothing', async () => {
    as.setQuirks(['primary-post-only']);
    const base = as.verifyOptions();
    const r = await runVerify({ ...base, client: { ...base.client, token_endpoint_auth_method: 'client_secret_post' } });
    expect(r.cases.filter((c) => c.verdict === 'failed' || c.verdict === 'inconclusive').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    const byId = new Map(r.cases.map((c) => [c.id, c]));
    expect(byId.get('AS-CA-BASIC')).toMatchObject({ verdict: 'skipped', message: 'F1 primary client is registered for client_secret_post only (client.token_endpoint_auth_method): no client registered for Basic to test it with' });
    expect(byId.get('AS-CA-POST-BODY')).toMatchObject({ verdict: 'passed' });
    // every token request of F1 used the body, none a Basic header
    const f1 = r.cases.flatMap((c) => c.exchanges).filter((x) => x.endpoint === 'token' && /client_id=client-1(&|$)/.test(x.request.body ?? ''));
    expect(f1.length).toBeGreaterThan(10);
  }, 120_000);

  it('the same client configured for Basic: the preflight says which method it accepts', async () => {
    as.setQuirks(['primary-post-only']);
    const base = as.verifyOptions();
    const e = await rejection(runVerify({ ...base, client: { ...base.client, token_endpoint_auth_method: 'client_secret_basic' } }));
    expect(e.message).toMatch(/does not accept client "client-1" with the configured method \(client\.token_endpoint_auth_method: client_secret_basic\): HTTP 401 error=invalid_client with client_secret_basic; it accepts client_secret_post\. Set client\.token_endpoint_auth_method: client_secret_post/);
  });

  it('a client registered for client_secret_basic only, configured so: Basic rows pass, the body row is skipped for it', async () => {
    as.setQuirks(['primary-basic-only']);
    const base = as.verifyOptions();
    const only = ['AS-CA-BASIC', 'AS-CA-POST-BODY', 'AS-CA-ONE-METHOD', 'AS-CA-CLIENTID-WITH-BASIC', 'AS-TR-NO-STORE', 'AS-RT-CONF-AUTH'];
    const r = await runVerify({ ...base, only, client: { ...base.client, token_endpoint_auth_method: 'client_secret_basic' } });
    expect(Object.fromEntries(r.cases.map((c) => [c.id, c.verdict]))).toEqual({
      'AS-CA-BASIC': 'passed',
      'AS-CA-POST-BODY': 'skipped',
      'AS-CA-ONE-METHOD': 'passed',
      'AS-CA-CLIENTID-WITH-BASIC': 'passed',
      'AS-TR-NO-STORE': 'passed',
      'AS-RT-CONF-AUTH': 'passed',
    });
  }, 60_000);

  it('client_credentials served but not advertised (Glewlwyd) is found by the preflight: its rows run', async () => {
    as.setQuirks(['cc-unadvertised']);
    const r = await runVerify(as.verifyOptions({ only: ['AS-CA-BASIC', 'AS-CA-NO-URI-CREDS', 'AS-TOK-FORM-BODY'] }));
    expect(r.cases.map((c) => c.verdict)).toEqual(['passed', 'passed', 'passed']);
  });

  it('rejects an unknown method in verify.yaml terms', async () => {
    const base = as.verifyOptions();
    const e = await rejection(runVerify({ ...base, client: { ...base.client, token_endpoint_auth_method: 'private_key_jwt' as 'client_secret_post' } }));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.issues.join('\n')).toMatch(/client\.token_endpoint_auth_method/);
  });
});

/** A server whose handler the test controls; metadata points at its own endpoints. */
async function hostile(handler: (req: IncomingMessage, res: ServerResponse, origin: string) => void): Promise<{ origin: string; close: () => Promise<void> }> {
  let origin = '';
  const server: Server = createServer((req, res) => handler(req, res, origin));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const metadata = (origin: string) =>
  JSON.stringify({ issuer: origin, authorization_endpoint: `${origin}/authorize`, token_endpoint: `${origin}/token`, response_types_supported: ['code'], grant_types_supported: ['authorization_code', 'client_credentials'] });

/** RFC 8414 metadata pointing at itself; every other request goes to `other`. */
function withMetadata(other: (res: ServerResponse) => void): ReturnType<typeof hostile> {
  return hostile((req, res, origin) => {
    if (req.url?.startsWith('/.well-known/oauth-authorization-server')) return void res.writeHead(200, { 'content-type': 'application/json' }).end(metadata(origin));
    if (req.url?.startsWith('/.well-known/')) return void res.writeHead(404).end();
    other(res);
  });
}

/** Writes 10 MB in 64 KiB chunks (and would write more if read). */
function huge(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(65_536, 0x20);
  let sent = 0;
  const pump = (): void => {
    while (sent < 10_000_000) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('error', () => {});
  pump();
}

describe('bounded time and memory', () => {
  it('a hanging issuer ends after one timeout, naming both metadata URLs and the limit', async () => {
    const s = await hostile(() => {
      /* never answers */
    });
    try {
      const t0 = Date.now();
      const e = await rejection(runVerify({ issuer: s.origin, client: { client_id: 'c', client_secret: 's' }, timeoutMs: 400 }));
      expect(Date.now() - t0).toBeLessThan(2_500);
      expect(e.code).toBe('DISCOVERY_FAILED');
      expect(e.issues).toEqual([
        `${s.origin}/.well-known/oauth-authorization-server: GET ${s.origin}/.well-known/oauth-authorization-server gave no complete response within 400 ms (the limit set by --timeout)`,
        `${s.origin}/.well-known/openid-configuration: GET ${s.origin}/.well-known/openid-configuration gave no complete response within 400 ms (the limit set by --timeout)`,
      ]);
    } finally {
      await s.close();
    }
  });

  it('a token endpoint that does not answer stops the run at the preflight, with URL and limit', async () => {
    const s = await withMetadata(() => {
      /* /token: never answers */
    });
    try {
      const t0 = Date.now();
      const e = await rejection(runVerify({ issuer: s.origin, client: { client_id: 'c', client_secret: 's' }, timeoutMs: 400 }));
      expect(Date.now() - t0).toBeLessThan(2_500);
      expect(e.code).toBe('TARGET_UNRESPONSIVE');
      expect(e.message).toBe(`credentials preflight: POST ${s.origin}/token gave no complete response within 400 ms (the limit set by --timeout); nothing was verified`);
    } finally {
      await s.close();
    }
  });

  it('a 10 MB token response is read up to 1 MiB, and the run stops saying so', async () => {
    const s = await withMetadata((res) => huge(res));
    try {
      const e = await rejection(runVerify({ issuer: s.origin, client: { client_id: 'c', client_secret: 's' } }));
      expect(e.message).toBe(`credentials preflight: POST ${s.origin}/token answered with a body larger than 1 MiB, the most the harness reads of one response; it stopped reading there; nothing was verified`);
    } finally {
      await s.close();
    }
  });

  it('10 MB pages from the authorization endpoint: those checks are not tested, the others run, memory stays flat', async () => {
    as.setQuirks([]);
    // a proxy in front of the broken AS whose authorization endpoint answers 10 MB
    const s = await hostile((req, res, origin) => {
      if (req.url?.startsWith('/authorize')) return huge(res);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void fetch(`${as.issuer}${req.url}`, { method: req.method!, headers: req.headers as Record<string, string>, redirect: 'manual', ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) }).then(async (up) => {
          const text = (await up.text()).replaceAll(as.issuer, origin);
          const headers: Record<string, string> = {};
          up.headers.forEach((v, k) => {
            if (k !== 'content-length' && k !== 'content-encoding' && k !== 'transfer-encoding') headers[k] = v.replaceAll(as.issuer, origin);
          });
          res.writeHead(up.status, headers).end(text);
        });
      });
    });
    try {
      const before = process.memoryUsage().rss;
      const r = await runVerify({ ...as.verifyOptions({ only: ['AS-AZ-CODE-RESPONSE', 'AS-PKCE-S256', 'AS-AZ-REDIR-EXACT', 'AS-TR-NO-STORE'] }), issuer: s.origin });
      expect(process.memoryUsage().rss - before).toBeLessThan(60 * 1024 * 1024);
      const byId = Object.fromEntries(r.cases.map((c) => [c.id, c]));
      for (const id of ['AS-AZ-CODE-RESPONSE', 'AS-PKCE-S256', 'AS-AZ-REDIR-EXACT']) {
        expect(byId[id], id).toMatchObject({ verdict: 'inconclusive', message: expect.stringMatching(new RegExp(`^GET ${s.origin}/authorize\\?\\S+ answered with a body larger than 1 MiB, the most the harness reads of one response; it stopped reading there$`)) });
        const last = byId[id]!.exchanges.at(-1)!;
        expect(last.response.body).toBe('…[not read: larger than 1 MiB]');
      }
      expect(byId['AS-TR-NO-STORE']!.verdict).toBe('passed');
    } finally {
      await s.close();
    }
  }, 60_000);
});

describe('waits for time to pass', () => {
  it('AS-INT-INACTIVE-FALSE waits as long as the sampled token says it lives, and says what it waits for', async () => {
    as.setQuirks([]);
    const waits: string[] = [];
    // configured 60 s, but the token says expires_in 2: the wait follows the token
    const r = await runVerify(as.verifyOptions({ only: ['AS-INT-INACTIVE-FALSE'], lifetimes: { accessToken: 60, leeway: 0.5 }, onProgress: (e) => e.type === 'waiting' && waits.push(`${e.id}: ${e.seconds} s for ${e.what}`) }));
    expect(r.cases[0]).toMatchObject({ verdict: 'passed' });
    expect(waits).toEqual(['AS-INT-INACTIVE-FALSE: 2.5 s for the sampled access token to expire (expires_in 2, + 0.5 s leeway)']);
  }, 30_000);

  it('a token that lives an hour is not waited for: that case is not tested, and the note says how to allow it', async () => {
    as.setQuirks(['long-lived-tokens']);
    const t0 = Date.now();
    const r = await runVerify(as.verifyOptions({ only: ['AS-INT-INACTIVE-FALSE'], lifetimes: { accessToken: 180, leeway: 2 } }));
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.cases[0]).toMatchObject({
      verdict: 'passed',
      message: 'expired case not tested: the sampled access token lives 86400 s (expires_in 86400), longer than the 30 s the harness waits (--allow-wait 1441m)',
    });
  });

  it('a code lifetime beyond the allowed wait makes AS-AC-CODE-EXPIRES not tested, with the flag that allows it', async () => {
    as.setQuirks([]);
    const r = await runVerify(as.verifyOptions({ only: ['AS-AC-CODE-EXPIRES'], lifetimes: { code: 300, leeway: 2 } }));
    expect(r.cases[0]).toMatchObject({
      verdict: 'inconclusive',
      message: 'it needs a wait of 302 s for the authorization code to expire (lifetimes.code + lifetimes.leeway), longer than the 30 s the harness waits (allow it with --allow-wait 6m)',
    });
  });
});
