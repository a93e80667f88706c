/**
 * A fingerprint probe: a small, listed set of requests that shows a few switches. Each
 * says how many requests it sends at most and whether it needs a login, so
 * `oauth-harness fingerprint --list` can tell a provider's owner exactly what will be sent.
 * None changes anything at the provider but the harness's own test grants and tokens.
 */
import { errorOf, type ErrorInfo } from '../diagnoses/traffic.js';
import { codeInBody } from '../import/error-shape.js';
import { getHeader, responseFields } from '../observe/wire.js';
import type { ProbeResponse } from '../verify/probe.js';
import type { Session } from './session.js';

export interface FingerprintProbe {
  id: string;
  /** What it sends, in words. */
  sends: string;
  /** Requests it sends at most. */
  requests: number;
  /** Needs a login (verify.yaml `login` and `fixtures.user`). */
  login?: true;
  /** The switches it can determine. */
  infers: string[];
  run(s: Session): Promise<void>;
}

/**
 * The error of a response in any shape providers use (RFC 6749 §5.2, Facebook, GitHub's
 * HTTP 200, a provider's own body such as HubSpot's `{status, message}`: its code is the
 * OAuth error code among its values), or undefined.
 */
export function errorIn(res: ProbeResponse): ErrorInfo | undefined {
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => (headers[k] = v));
  const err = errorOf({ status: res.status, headers, body: res.text });
  const code = err?.code ?? codeInBody(res.json);
  if (code === undefined) return err;
  // a shaped body keeps its explanation in members errorOf does not know (Slack's `warning`)
  const text = err?.text || descriptionsIn(res.json).join(' — ');
  return { status: res.status, ...err, code, text };
}

/** The descriptive strings (words separated by spaces) of a JSON body, depth first. */
function descriptionsIn(v: unknown): string[] {
  if (typeof v === 'string') return /\S\s+\S/.test(v) ? [v] : [];
  if (Array.isArray(v)) return v.flatMap(descriptionsIn);
  if (v && typeof v === 'object') return Object.values(v).flatMap(descriptionsIn);
  return [];
}

/** Whether the client could not be authenticated (RFC 6749 §5.2 `invalid_client`, and the shapes providers use for it). */
export function authRefused(res: ProbeResponse): boolean {
  const err = errorIn(res);
  if (!err) return false;
  if (['invalid_client', 'unauthorized_client', 'incorrect_client_credentials'].includes(err.code ?? '')) return true;
  if (err.code === undefined && res.status === 401) return true;
  // Facebook's {error:{type:OAuthException}} with its challenge naming the code
  return /invalid_client|client secret|client authentication/i.test(`${err.code ?? ''} ${err.text}`) && res.status >= 400;
}

/** A response's members (JSON or form-encoded). */
export function fieldsOf(res: ProbeResponse): Record<string, unknown> {
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => (headers[k] = v));
  return responseFields({ status: res.status, headers, body: res.text }) ?? {};
}

export function header(res: ProbeResponse, name: string): string | undefined {
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => (headers[k] = v));
  return getHeader(headers, name);
}

/** `HTTP 401 invalid_client "…"`, shortened, for evidence. */
export function answer(res: ProbeResponse): string {
  const err = errorIn(res);
  if (!err) return `HTTP ${res.status}`;
  const text = err.text.replace(/\s+/g, ' ').slice(0, 80);
  return `HTTP ${res.status}${err.code ? ` ${err.code}` : ''}${text ? ` "${text}"` : ''}`;
}

/** A random value that is no code, token or scope of the provider. */
export function bogus(what: string): string {
  return `oauth-harness-${what}-${Math.random().toString(36).slice(2, 10)}`;
}
