import type { Switches } from './switches.js';

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Whether a requested redirect URI matches a registered one under the provider's rule:
 * `exact` string comparison (RFC 9700 §4.1.3), `prefix` (same origin, path may be a
 * subdirectory: GitHub OAuth apps), or `loopback-any-port` (RFC 8252 §7.3).
 */
export function redirectMatches(rule: Switches['redirectUri']['matching'], registered: string, requested: string): boolean {
  if (requested === registered) return true;
  if (rule === 'exact') return false;
  let a: URL;
  let b: URL;
  try {
    a = new URL(registered);
    b = new URL(requested);
  } catch {
    return false;
  }
  if (rule === 'loopback-any-port') {
    return LOOPBACK.has(a.hostname) && a.protocol === b.protocol && a.hostname === b.hostname && a.pathname === b.pathname && a.search === b.search;
  }
  const base = a.pathname.endsWith('/') ? a.pathname : `${a.pathname}/`;
  return a.origin === b.origin && !b.pathname.includes('..') && (b.pathname === a.pathname || b.pathname.startsWith(base));
}

/** Appends response parameters to a redirect URI, keeping its own query (RFC 6749 §3.1.2). */
export function withParams(uri: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}
