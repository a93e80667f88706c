/**
 * Client-side recording of a run against a real server: every request the client and the
 * user agent send, and what came back, named by the endpoint that answered (from the
 * discovery document), in the shape the mock provider records, so the same expectations,
 * diagnoses and client verdicts read both.
 */
import type { RecordedExchange } from '../../mocks/provider/provider.js';
import { toExchange } from '../observe/recorded-exchange.js';
import type { Exchange } from '../results/model.js';

/** A recorded exchange plus who sent it (the mock works that out from the endpoint). */
export interface TargetExchange extends RecordedExchange {
  from: 'client' | 'user-agent';
}

const NAMED_ENDPOINTS: [string, string][] = [
  ['authorization_endpoint', 'authorize'],
  ['token_endpoint', 'token'],
  ['revocation_endpoint', 'revocation'],
  ['introspection_endpoint', 'introspection'],
  ['userinfo_endpoint', 'userinfo'],
  ['jwks_uri', 'jwks'],
];

const withoutQuery = (url: string) => {
  const u = new URL(url);
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
};

function headersOf(h: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  h.forEach((v, k) => {
    if (k !== 'set-cookie') out[k] = v;
  });
  const cookies = h.getSetCookie();
  if (cookies.length) out['set-cookie'] = cookies.join(', ');
  return out;
}

export class TargetRecorder {
  readonly exchanges: TargetExchange[] = [];
  private seq = 0;
  private readonly endpoints = new Map<string, string>();
  private readonly apis = new Set<string>();

  constructor(
    metadata: Readonly<Record<string, unknown>>,
    private readonly now: () => number,
  ) {
    for (const [member, name] of NAMED_ENDPOINTS) {
      const url = metadata[member];
      if (typeof url === 'string' && URL.canParse(url) && !this.endpoints.has(withoutQuery(url))) this.endpoints.set(withoutQuery(url), name);
    }
  }

  /** Names `url` (query aside) `api`: the resource a `callApi` step calls. */
  markApi(url: string): void {
    this.apis.add(withoutQuery(url));
  }

  /** The name of the endpoint at `url` (`token`, `userinfo`, `api`, …), `discovery`, or `unknown`. */
  endpointAt(url: string): string {
    if (/\/\.well-known\/(openid-configuration|oauth-authorization-server)/.test(url)) return 'discovery';
    const key = withoutQuery(url);
    return this.endpoints.get(key) ?? (this.apis.has(key) ? 'api' : 'unknown');
  }

  /** `fetch` for the client under test. */
  clientFetch(): typeof fetch {
    return (input, init) => this.send('client', input, init, (url) => this.endpointAt(url));
  }

  /**
   * `fetch` for one authorization by the user agent: its first request is the
   * authorization request (`authorize`); then what the user submits, and the answer that
   * sends the browser back, are `decision`; pages merely shown are `login`.
   */
  userAgentFetch(): typeof fetch {
    let first = true;
    return (input, init) =>
      this.send('user-agent', input, init, (url, method) => {
        const name = first ? 'authorize' : method !== 'GET' ? 'decision' : 'login';
        first = false;
        return name;
      });
  }

  private async send(from: TargetExchange['from'], input: string | URL | Request, init: RequestInit | undefined, name: (url: string, method: string) => string): Promise<Response> {
    const req = new Request(input, init);
    const body = req.body ? await req.text() : '';
    const endpoint = name(req.url, req.method);
    // Sent again from text: a streamed body goes out chunked, which some servers (Glewlwyd) do not read.
    const res = await fetch(req.url, { method: req.method, headers: req.headers, redirect: req.redirect, ...(body ? { body } : {}), ...(init?.signal ? { signal: init.signal } : {}) });
    const text = await res.clone().text();
    const location = res.headers.get('location');
    const e: TargetExchange = {
      seq: ++this.seq,
      at: this.now(),
      from,
      endpoint: from === 'user-agent' && endpoint === 'login' && location && res.status < 400 && /[?&#](code|error)=/.test(location) ? 'decision' : endpoint,
      request: { method: req.method, url: req.url, headers: headersOf(req.headers), body, remoteAddress: '127.0.0.1' },
      response: { status: res.status, headers: headersOf(res.headers), body: text },
    };
    this.exchanges.push(e);
    return res;
  }
}

/** The result model's form of a recorded exchange (still raw: redact before storing): `toExchange` with the sender the recorder saw. */
export function toResultExchange(e: TargetExchange, step: string | undefined): Exchange {
  return { ...toExchange(e, step), from: e.from };
}
