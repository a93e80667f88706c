/**
 * Helpers for driving a provider directly in unit tests: a request builder and a
 * complete login through the login-and-consent form.
 */
import { buildProvider, type BuildOptions } from './profiles.js';
import type { ProviderResponse } from './provider/http.js';
import type { MockProvider } from './provider/provider.js';

export const TEST_ISSUER = 'https://oauth-harness.test/p';

export interface Call {
  method?: string;
  query?: Record<string, string>;
  form?: Record<string, string> | URLSearchParams;
  headers?: Record<string, string>;
  remoteAddress?: string;
}

/** A provider for tests, at `https://oauth-harness.test/p`. */
export function testProvider(profile: string, o: Partial<BuildOptions> = {}): MockProvider {
  return buildProvider({ profile, issuer: TEST_ISSUER, ...o });
}

/** Sends one request to the provider's path; parses JSON bodies. */
export async function call(p: MockProvider, path: string, c: Call = {}): Promise<ProviderResponse & { json: any }> {
  const query = new URLSearchParams(c.query);
  const body = c.form ? new URLSearchParams(c.form as Record<string, string>).toString() : '';
  const headers: Record<string, string> = { ...(c.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...lower(c.headers ?? {}) };
  const qs = query.toString();
  const res = await p.handle({
    method: c.method ?? (c.form ? 'POST' : 'GET'),
    url: `${p.issuer}${path}${qs ? `?${qs}` : ''}`,
    path,
    query,
    headers,
    body,
    remoteAddress: c.remoteAddress ?? '127.0.0.1',
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    parsed = undefined;
  }
  return { ...res, json: parsed };
}

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

/** `Authorization: Basic` with form-encoded id and secret (RFC 6749 §2.3.1). */
export function basic(id: string, secret: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${enc(id)}:${enc(secret)}`).toString('base64')}`;
}

/** The first registered client of a provider. */
export function firstClient(p: MockProvider) {
  return [...p.context.clients.values()][0]!;
}

/** Runs the authorization request and the consent form; returns the redirect's URL. */
export async function authorizeAndConsent(
  p: MockProvider,
  params: Record<string, string>,
  decision: { username?: string; scopes?: string[]; deny?: boolean } = {},
): Promise<{ page: ProviderResponse; location?: URL }> {
  const page = await call(p, p.context.switches.paths.authorize, { query: params });
  const txn = /name="txn" value="([^"]+)"/.exec(page.body)?.[1];
  if (!txn) return { page };
  const username = decision.username ?? 'alice';
  const user = p.context.users.get(username);
  const form = new URLSearchParams({ txn, username, password: user?.password ?? 'x', decision: decision.deny ? 'deny' : 'allow' });
  const offered = [...page.body.matchAll(/name="scope" value="([^"]+)"/g)].map((m) => m[1]!);
  for (const s of decision.scopes ?? offered) form.append('scope', s);
  const res = await call(p, `${p.context.switches.paths.authorize}/decision`, { form });
  return { page: res, location: res.headers.location ? new URL(res.headers.location) : undefined };
}
