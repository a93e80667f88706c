/**
 * The provider's recorded exchanges: the newest `capacity` requests and answers, kept
 * for the admin API, the runner's verdicts and diagnoses.
 *
 * Recording runs on every request, so it allocates nothing once the ring is full: each
 * field lives in its own array of up to `capacity` slots, overwritten in place, oldest
 * slot first. (Pushing a `RecordedExchange` and its `request` object per request and
 * dropping the oldest with `shift()` cost two objects per request, kept long enough to
 * be promoted to the old generation.) The request's headers and body and the response
 * are kept by reference, never copied (a body over `RECORDED_BODY_LIMIT` is cut);
 * `RecordedExchange` objects are built when read.
 */
import { cutHead } from './cut.js';
import type { ProviderRequest, ProviderResponse } from './http.js';

/** One request and its answer, as the provider saw them. */
export interface RecordedExchange {
  seq: number;
  at: number;
  /** `token`, `authorize`, `decision`, `revocation`, `introspection`, `userinfo`, `discovery`, `jwks`, `api`, or `unknown`. */
  endpoint: string;
  request: { method: string; url: string; headers: Record<string, string>; body: string; remoteAddress: string };
  response: ProviderResponse;
}

/**
 * The most of a request body an exchange keeps (16 KiB; OAuth requests are far smaller):
 * a ring of 1,000 then holds at most ~16 MB of bodies, whatever clients send.
 */
export const RECORDED_BODY_LIMIT = 16 * 1024;

const bodyNote = (left: number) => `… [${left} more characters not recorded]`;

export class ExchangeRing {
  /** The slot the next exchange overwrites once the ring is full (the oldest one). */
  private next = 0;
  // Slots grow up to `capacity` (a provider that records little allocates little), then are overwritten.
  private readonly seq: number[] = [];
  private readonly at: number[] = [];
  private readonly endpoint: string[] = [];
  private readonly method: string[] = [];
  private readonly url: string[] = [];
  private readonly headers: Record<string, string>[] = [];
  private readonly body: string[] = [];
  private readonly remoteAddress: string[] = [];
  private readonly response: ProviderResponse[] = [];

  constructor(readonly capacity: number) {}

  /** How many exchanges are kept. */
  get size(): number {
    return this.seq.length;
  }

  /** Records one exchange, over the oldest one when full. No-op when `capacity` is 0. */
  record(seq: number, at: number, endpoint: string, req: ProviderRequest, res: ProviderResponse): void {
    if (this.capacity === 0) return;
    const i = this.seq.length < this.capacity ? this.seq.length : this.next;
    this.seq[i] = seq;
    this.at[i] = at;
    this.endpoint[i] = endpoint;
    this.method[i] = req.method;
    this.url[i] = req.url;
    this.headers[i] = req.headers as Record<string, string>;
    this.body[i] = req.body.length > RECORDED_BODY_LIMIT ? cutHead(req.body, RECORDED_BODY_LIMIT, bodyNote) : req.body;
    this.remoteAddress[i] = req.remoteAddress;
    this.response[i] = res;
    this.next = i + 1 === this.capacity ? 0 : i + 1;
  }

  /** The `seq` of the newest exchange, or 0 when none is recorded. */
  lastSeq(): number {
    return this.size === 0 ? 0 : this.seq[(this.next - 1 + this.capacity) % this.capacity]!;
  }

  /** The newest exchange, or undefined when none is recorded. */
  newest(): RecordedExchange | undefined {
    return this.size === 0 ? undefined : this.exchangeAt((this.next - 1 + this.capacity) % this.capacity);
  }

  /** The recorded exchanges, oldest first: a new array of new objects on each call. */
  list(): RecordedExchange[] {
    const n = this.size;
    const out = new Array<RecordedExchange>(n);
    const first = n < this.capacity ? 0 : this.next;
    for (let k = 0; k < n; k++) out[k] = this.exchangeAt((first + k) % n);
    return out;
  }

  /** Forgets every exchange (and lets go of what they referred to). */
  clear(): void {
    this.next = 0;
    for (const a of [this.seq, this.at, this.endpoint, this.method, this.url, this.headers, this.body, this.remoteAddress, this.response]) a.length = 0;
  }

  private exchangeAt(i: number): RecordedExchange {
    return {
      seq: this.seq[i]!,
      at: this.at[i]!,
      endpoint: this.endpoint[i]!,
      request: { method: this.method[i]!, url: this.url[i]!, headers: this.headers[i]!, body: this.body[i]!, remoteAddress: this.remoteAddress[i]! },
      response: this.response[i]!,
    };
  }
}
